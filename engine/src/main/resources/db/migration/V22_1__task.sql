-- User tasks (Camunda's ACT_RU_TASK): one row per open task, of a process (a token waits in a
-- bpmn:userTask) or standalone (POST /task/create, no process). Written only by TaskStore.
CREATE TABLE tern_task (
  id                    VARCHAR(64) PRIMARY KEY,
  rev                   INTEGER NOT NULL DEFAULT 1,
  name                  VARCHAR(255),
  description           VARCHAR(4000),
  assignee              VARCHAR(255),
  owner                 VARCHAR(255),
  -- PENDING or RESOLVED while delegated, else null
  delegation_state      VARCHAR(16),
  priority              INTEGER NOT NULL DEFAULT 50,
  create_time           TIMESTAMP WITH TIME ZONE NOT NULL,
  last_updated          TIMESTAMP WITH TIME ZONE,
  due_date              TIMESTAMP WITH TIME ZONE,
  follow_up_date        TIMESTAMP WITH TIME ZONE,
  execution_id          VARCHAR(64),
  -- null for a standalone task; deleting an instance's row (a deployment's cascade) removes its tasks
  process_instance_id   VARCHAR(64) REFERENCES tern_process_instance (id) ON DELETE CASCADE,
  proc_def_id           VARCHAR(64),
  proc_def_key          VARCHAR(255),
  activity_instance_id  VARCHAR(64),
  task_def_key          VARCHAR(255),
  parent_task_id        VARCHAR(64),
  form_key              VARCHAR(4000),
  form_ref_key          VARCHAR(255),
  form_ref_binding      VARCHAR(32),
  form_ref_version      INTEGER,
  tenant_id             VARCHAR(64),
  -- Camunda's taskState: Created, Updated, ...
  task_state            VARCHAR(32) NOT NULL
);
CREATE INDEX tern_task_pi ON tern_task (process_instance_id);
CREATE INDEX tern_task_execution ON tern_task (execution_id);
CREATE INDEX tern_task_assignee ON tern_task (assignee);
CREATE INDEX tern_task_create_time ON tern_task (create_time);

-- Candidate users and groups of a task (Camunda's ACT_RU_IDENTITYLINK for tasks); assignee and owner
-- live on the task row. Written only by TaskStore.
CREATE TABLE tern_task_identity_link (
  id        VARCHAR(64) PRIMARY KEY,
  task_id   VARCHAR(64) NOT NULL REFERENCES tern_task (id) ON DELETE CASCADE,
  -- candidate, or any other type a client adds
  link_type VARCHAR(255) NOT NULL,
  user_id   VARCHAR(255),
  group_id  VARCHAR(255)
);
CREATE INDEX tern_task_link_task ON tern_task_identity_link (task_id);
CREATE INDEX tern_task_link_group ON tern_task_identity_link (group_id, link_type);
CREATE INDEX tern_task_link_user ON tern_task_identity_link (user_id, link_type);

-- Task-local variables (the process's variables stay in tern_variable). Written only by TaskStore.
CREATE TABLE tern_task_variable (
  id            VARCHAR(64) PRIMARY KEY,
  rev           INTEGER NOT NULL DEFAULT 1,
  task_id       VARCHAR(64) NOT NULL REFERENCES tern_task (id) ON DELETE CASCADE,
  name          VARCHAR(255) NOT NULL,
  var_type      VARCHAR(32) NOT NULL,
  text_value    VARCHAR(4000),
  long_value    BIGINT,
  double_value  DOUBLE PRECISION,
  clob_value    ${text_type},
  -- the valueInfo as JSON, and the content of a Bytes or File value (see tern_variable)
  value_info    VARCHAR(4000),
  bytes         ${blob_type},
  create_time   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX tern_task_variable_name ON tern_task_variable (task_id, name);

-- Historic task instances (Camunda's ACT_HI_TASKINST). Written only by TaskHistoryStore.
CREATE TABLE tern_hi_task (
  id                        VARCHAR(64) PRIMARY KEY,
  name                      VARCHAR(255),
  description               VARCHAR(4000),
  assignee                  VARCHAR(255),
  owner                     VARCHAR(255),
  priority                  INTEGER NOT NULL DEFAULT 50,
  start_time                TIMESTAMP WITH TIME ZONE NOT NULL,
  end_time                  TIMESTAMP WITH TIME ZONE,
  duration_ms               BIGINT,
  due_date                  TIMESTAMP WITH TIME ZONE,
  follow_up_date            TIMESTAMP WITH TIME ZONE,
  delete_reason             VARCHAR(4000),
  execution_id              VARCHAR(64),
  process_instance_id       VARCHAR(64),
  root_process_instance_id  VARCHAR(64),
  proc_def_id               VARCHAR(64),
  proc_def_key              VARCHAR(255),
  activity_instance_id      VARCHAR(64),
  task_def_key              VARCHAR(255),
  parent_task_id            VARCHAR(64),
  tenant_id                 VARCHAR(64),
  removal_time              TIMESTAMP WITH TIME ZONE,
  task_state                VARCHAR(32)
);
CREATE INDEX tern_hitask_pi ON tern_hi_task (process_instance_id);
CREATE INDEX tern_hitask_start ON tern_hi_task (start_time);

-- Who was made candidate, assignee or owner of a task, and when removed (Camunda's
-- ACT_HI_IDENTITYLINK). Written only by TaskHistoryStore.
CREATE TABLE tern_hi_identity_link (
  id                        VARCHAR(64) PRIMARY KEY,
  log_time                  TIMESTAMP WITH TIME ZONE NOT NULL,
  link_type                 VARCHAR(255),
  user_id                   VARCHAR(255),
  group_id                  VARCHAR(255),
  task_id                   VARCHAR(64),
  proc_def_id               VARCHAR(64),
  proc_def_key              VARCHAR(255),
  -- add or delete
  operation_type            VARCHAR(64) NOT NULL,
  assigner_id               VARCHAR(255),
  tenant_id                 VARCHAR(64),
  root_process_instance_id  VARCHAR(64),
  removal_time              TIMESTAMP WITH TIME ZONE
);
CREATE INDEX tern_hilink_task ON tern_hi_identity_link (task_id);
