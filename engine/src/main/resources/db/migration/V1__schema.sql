-- Tern schema, version 1. One script for H2 and PostgreSQL; the placeholders
-- ${blob_type} and ${text_type} are the only dialect differences (see Dialect).
-- All timestamps are TIMESTAMP WITH TIME ZONE and hold UTC instants at millisecond precision.

CREATE TABLE tern_property (
  name  VARCHAR(64) PRIMARY KEY,
  prop_value VARCHAR(300),
  rev   INTEGER NOT NULL DEFAULT 1
);
INSERT INTO tern_property (name, prop_value) VALUES ('schema.version', '1');
-- A row deployments lock (SELECT ... FOR UPDATE) so versions per key stay unique across nodes.
INSERT INTO tern_property (name, prop_value) VALUES ('deployment.lock', '0');

-- ---------------------------------------------------------------- deployment
CREATE TABLE tern_deployment (
  id          VARCHAR(64) PRIMARY KEY,
  name        VARCHAR(255),
  source      VARCHAR(255),
  tenant_id   VARCHAR(64),
  deploy_time TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX tern_deployment_name ON tern_deployment (name);

CREATE TABLE tern_resource (
  id            VARCHAR(64) PRIMARY KEY,
  deployment_id VARCHAR(64) NOT NULL REFERENCES tern_deployment (id) ON DELETE CASCADE,
  name          VARCHAR(255) NOT NULL,
  content       ${blob_type} NOT NULL,
  content_hash  VARCHAR(64) NOT NULL
);
CREATE INDEX tern_resource_deployment ON tern_resource (deployment_id);

CREATE TABLE tern_process_definition (
  id             VARCHAR(64) PRIMARY KEY,
  proc_key       VARCHAR(255) NOT NULL,
  name           VARCHAR(255),
  category       VARCHAR(255),
  version        INTEGER NOT NULL,
  version_tag    VARCHAR(255),
  deployment_id  VARCHAR(64) NOT NULL REFERENCES tern_deployment (id) ON DELETE CASCADE,
  resource_name  VARCHAR(255) NOT NULL,
  tenant_id      VARCHAR(64),
  suspended      BOOLEAN NOT NULL DEFAULT FALSE,
  history_ttl    INTEGER,
  startable      BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE INDEX tern_procdef_key_version ON tern_process_definition (proc_key, version);
CREATE INDEX tern_procdef_deployment ON tern_process_definition (deployment_id);

-- ---------------------------------------------------------------- runtime
CREATE TABLE tern_process_instance (
  id                     VARCHAR(64) PRIMARY KEY,
  rev                    INTEGER NOT NULL DEFAULT 1,
  proc_def_id            VARCHAR(64) NOT NULL,
  proc_def_key           VARCHAR(255) NOT NULL,
  business_key           VARCHAR(255),
  tenant_id              VARCHAR(64),
  suspended              BOOLEAN NOT NULL DEFAULT FALSE,
  start_time             TIMESTAMP WITH TIME ZONE NOT NULL,
  start_user_id          VARCHAR(255),
  super_process_instance_id VARCHAR(64),
  root_process_instance_id  VARCHAR(64) NOT NULL
);
CREATE INDEX tern_pi_def_key ON tern_process_instance (proc_def_key);
CREATE INDEX tern_pi_def_id ON tern_process_instance (proc_def_id);
CREATE INDEX tern_pi_business_key ON tern_process_instance (business_key);
CREATE INDEX tern_pi_tenant ON tern_process_instance (tenant_id);

-- A token: where one path of a process instance currently is.
CREATE TABLE tern_execution (
  id                   VARCHAR(64) PRIMARY KEY,
  rev                  INTEGER NOT NULL DEFAULT 1,
  process_instance_id  VARCHAR(64) NOT NULL REFERENCES tern_process_instance (id) ON DELETE CASCADE,
  activity_id          VARCHAR(255),
  activity_instance_id VARCHAR(64),
  -- WAITING (wait state such as a user task or timer), ASYNC (a job continues it), JOIN (waits at a parallel join)
  state                VARCHAR(16) NOT NULL,
  create_time          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX tern_execution_pi ON tern_execution (process_instance_id);
CREATE INDEX tern_execution_activity ON tern_execution (activity_id);

CREATE TABLE tern_variable (
  id                  VARCHAR(64) PRIMARY KEY,
  rev                 INTEGER NOT NULL DEFAULT 1,
  process_instance_id VARCHAR(64) NOT NULL REFERENCES tern_process_instance (id) ON DELETE CASCADE,
  execution_id        VARCHAR(64),
  name                VARCHAR(255) NOT NULL,
  -- Camunda value type name in lower case: string, boolean, integer, long, short, double, date, json, null
  var_type            VARCHAR(32) NOT NULL,
  text_value          VARCHAR(4000),
  long_value          BIGINT,
  double_value        DOUBLE PRECISION,
  -- strings longer than 4000 characters and JSON documents
  clob_value          ${text_type},
  create_time         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX tern_variable_pi_name ON tern_variable (process_instance_id, name);
CREATE INDEX tern_variable_name_text ON tern_variable (name, text_value);
CREATE INDEX tern_variable_name_long ON tern_variable (name, long_value);

-- ---------------------------------------------------------------- jobs
CREATE TABLE tern_job_definition (
  id                  VARCHAR(64) PRIMARY KEY,
  proc_def_id         VARCHAR(64),
  proc_def_key        VARCHAR(255),
  activity_id         VARCHAR(255),
  -- async-continuation, timer-intermediate-transition, timer-transition, batch-seed-job, set-job-retries, batch-monitor-job
  job_type            VARCHAR(255) NOT NULL,
  -- async-before / async-after / timer expression / batch id
  job_configuration   VARCHAR(255),
  suspended           BOOLEAN NOT NULL DEFAULT FALSE,
  overriding_priority BIGINT,
  tenant_id           VARCHAR(64),
  deployment_id       VARCHAR(64)
);
CREATE INDEX tern_jobdef_procdef ON tern_job_definition (proc_def_id);

CREATE TABLE tern_job (
  id                    VARCHAR(64) PRIMARY KEY,
  rev                   INTEGER NOT NULL DEFAULT 1,
  -- message or timer
  job_kind              VARCHAR(16) NOT NULL,
  -- the handler that runs the job (same names as job_definition.job_type)
  handler_type          VARCHAR(255) NOT NULL,
  handler_config        VARCHAR(4000),
  job_definition_id     VARCHAR(64),
  process_instance_id   VARCHAR(64),
  execution_id          VARCHAR(64),
  proc_def_id           VARCHAR(64),
  proc_def_key          VARCHAR(255),
  activity_id           VARCHAR(255),
  deployment_id         VARCHAR(64),
  tenant_id             VARCHAR(64),
  retries               INTEGER NOT NULL,
  due_date              TIMESTAMP WITH TIME ZONE,
  create_time           TIMESTAMP WITH TIME ZONE NOT NULL,
  lock_owner            VARCHAR(255),
  lock_expiration_time  TIMESTAMP WITH TIME ZONE,
  is_exclusive          BOOLEAN NOT NULL DEFAULT TRUE,
  suspended             BOOLEAN NOT NULL DEFAULT FALSE,
  priority              BIGINT NOT NULL DEFAULT 0,
  exception_message     VARCHAR(4000),
  exception_stacktrace  ${text_type},
  failed_activity_id    VARCHAR(255),
  batch_id              VARCHAR(64),
  sequence_counter      BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX tern_job_acquisition ON tern_job (suspended, retries, due_date);
CREATE INDEX tern_job_lock_expiration ON tern_job (lock_expiration_time);
CREATE INDEX tern_job_pi ON tern_job (process_instance_id);
CREATE INDEX tern_job_execution ON tern_job (execution_id);
CREATE INDEX tern_job_definition_idx ON tern_job (job_definition_id);
CREATE INDEX tern_job_batch ON tern_job (batch_id);

CREATE TABLE tern_incident (
  id                      VARCHAR(64) PRIMARY KEY,
  rev                     INTEGER NOT NULL DEFAULT 1,
  incident_type           VARCHAR(255) NOT NULL,
  incident_message        VARCHAR(4000),
  incident_timestamp      TIMESTAMP WITH TIME ZONE NOT NULL,
  process_instance_id     VARCHAR(64),
  execution_id            VARCHAR(64),
  proc_def_id             VARCHAR(64),
  proc_def_key            VARCHAR(255),
  activity_id             VARCHAR(255),
  failed_activity_id      VARCHAR(255),
  cause_incident_id       VARCHAR(64),
  root_cause_incident_id  VARCHAR(64),
  -- for failedJob incidents: the job id
  configuration           VARCHAR(255),
  job_definition_id       VARCHAR(64),
  tenant_id               VARCHAR(64),
  annotation              VARCHAR(4000)
);
CREATE INDEX tern_incident_pi ON tern_incident (process_instance_id);
CREATE INDEX tern_incident_configuration ON tern_incident (configuration);
CREATE INDEX tern_incident_type ON tern_incident (incident_type);

-- ---------------------------------------------------------------- batches
CREATE TABLE tern_batch (
  id                         VARCHAR(64) PRIMARY KEY,
  rev                        INTEGER NOT NULL DEFAULT 1,
  batch_type                 VARCHAR(255) NOT NULL,
  total_jobs                 INTEGER NOT NULL,
  jobs_created               INTEGER NOT NULL DEFAULT 0,
  batch_jobs_per_seed        INTEGER NOT NULL,
  invocations_per_batch_job  INTEGER NOT NULL,
  seed_job_def_id            VARCHAR(64),
  monitor_job_def_id         VARCHAR(64),
  batch_job_def_id           VARCHAR(64),
  -- handler-specific settings as JSON, e.g. {"retries":3,"dueDate":...}
  configuration              VARCHAR(4000),
  tenant_id                  VARCHAR(64),
  create_user_id             VARCHAR(255),
  suspended                  BOOLEAN NOT NULL DEFAULT FALSE,
  start_time                 TIMESTAMP WITH TIME ZONE NOT NULL,
  exec_start_time            TIMESTAMP WITH TIME ZONE,
  -- number of items (not batch jobs) already applied, to finish the batch without a monitor tick
  items_done                 BIGINT NOT NULL DEFAULT 0
);

-- The snapshot of a batch's selection: one row per item (a job id for set-job-retries), numbered 0..n-1.
CREATE TABLE tern_batch_item (
  batch_id VARCHAR(64) NOT NULL,
  seq      BIGINT NOT NULL,
  item_id  VARCHAR(64) NOT NULL,
  PRIMARY KEY (batch_id, seq)
);

-- ---------------------------------------------------------------- history
CREATE TABLE tern_hi_process_instance (
  id                        VARCHAR(64) PRIMARY KEY,
  business_key              VARCHAR(255),
  proc_def_id               VARCHAR(64) NOT NULL,
  proc_def_key              VARCHAR(255) NOT NULL,
  proc_def_name             VARCHAR(255),
  proc_def_version          INTEGER,
  deployment_id             VARCHAR(64),
  start_time                TIMESTAMP WITH TIME ZONE NOT NULL,
  end_time                  TIMESTAMP WITH TIME ZONE,
  removal_time              TIMESTAMP WITH TIME ZONE,
  duration_ms               BIGINT,
  start_user_id             VARCHAR(255),
  start_activity_id         VARCHAR(255),
  end_activity_id           VARCHAR(255),
  super_process_instance_id VARCHAR(64),
  root_process_instance_id  VARCHAR(64),
  delete_reason             VARCHAR(4000),
  tenant_id                 VARCHAR(64),
  -- ACTIVE, SUSPENDED, COMPLETED, EXTERNALLY_TERMINATED, INTERNALLY_TERMINATED
  state                     VARCHAR(32) NOT NULL
);
CREATE INDEX tern_hipi_def_key ON tern_hi_process_instance (proc_def_key);
CREATE INDEX tern_hipi_business_key ON tern_hi_process_instance (business_key);
CREATE INDEX tern_hipi_end_time ON tern_hi_process_instance (end_time);

CREATE TABLE tern_hi_activity_instance (
  id                  VARCHAR(64) PRIMARY KEY,
  process_instance_id VARCHAR(64) NOT NULL,
  execution_id        VARCHAR(64),
  proc_def_id         VARCHAR(64),
  proc_def_key        VARCHAR(255),
  activity_id         VARCHAR(255) NOT NULL,
  activity_name       VARCHAR(255),
  activity_type       VARCHAR(255),
  start_time          TIMESTAMP WITH TIME ZONE NOT NULL,
  end_time            TIMESTAMP WITH TIME ZONE,
  duration_ms         BIGINT,
  canceled            BOOLEAN NOT NULL DEFAULT FALSE,
  tenant_id           VARCHAR(64)
);
CREATE INDEX tern_hiact_pi ON tern_hi_activity_instance (process_instance_id);
CREATE INDEX tern_hiact_activity ON tern_hi_activity_instance (activity_id);

CREATE TABLE tern_hi_job_log (
  id                     VARCHAR(64) PRIMARY KEY,
  log_time               TIMESTAMP WITH TIME ZONE NOT NULL,
  -- 0 created, 1 failed, 2 successful, 3 deleted
  job_state              INTEGER NOT NULL,
  job_id                 VARCHAR(64) NOT NULL,
  job_due_date           TIMESTAMP WITH TIME ZONE,
  job_retries            INTEGER,
  job_priority           BIGINT,
  job_exception_message  VARCHAR(4000),
  job_exception_stacktrace ${text_type},
  job_definition_id      VARCHAR(64),
  job_definition_type    VARCHAR(255),
  job_definition_configuration VARCHAR(255),
  activity_id            VARCHAR(255),
  failed_activity_id     VARCHAR(255),
  execution_id           VARCHAR(64),
  process_instance_id    VARCHAR(64),
  proc_def_id            VARCHAR(64),
  proc_def_key           VARCHAR(255),
  deployment_id          VARCHAR(64),
  root_process_instance_id VARCHAR(64),
  tenant_id              VARCHAR(64),
  hostname               VARCHAR(255),
  sequence_counter       BIGINT,
  removal_time           TIMESTAMP WITH TIME ZONE
);
CREATE INDEX tern_hijoblog_job ON tern_hi_job_log (job_id);
CREATE INDEX tern_hijoblog_pi ON tern_hi_job_log (process_instance_id);

CREATE TABLE tern_hi_incident (
  id                      VARCHAR(64) PRIMARY KEY,
  incident_type           VARCHAR(255) NOT NULL,
  incident_message        VARCHAR(4000),
  create_time             TIMESTAMP WITH TIME ZONE NOT NULL,
  end_time                TIMESTAMP WITH TIME ZONE,
  removal_time            TIMESTAMP WITH TIME ZONE,
  -- 0 open, 1 resolved, 2 deleted
  incident_state          INTEGER NOT NULL,
  process_instance_id     VARCHAR(64),
  execution_id            VARCHAR(64),
  proc_def_id             VARCHAR(64),
  proc_def_key            VARCHAR(255),
  activity_id             VARCHAR(255),
  failed_activity_id      VARCHAR(255),
  cause_incident_id       VARCHAR(64),
  root_cause_incident_id  VARCHAR(64),
  configuration           VARCHAR(255),
  history_configuration   VARCHAR(255),
  job_definition_id       VARCHAR(64),
  root_process_instance_id VARCHAR(64),
  tenant_id               VARCHAR(64),
  annotation              VARCHAR(4000)
);
CREATE INDEX tern_hiinc_pi ON tern_hi_incident (process_instance_id);
CREATE INDEX tern_hiinc_state ON tern_hi_incident (incident_state);

CREATE TABLE tern_hi_variable (
  id                  VARCHAR(64) PRIMARY KEY,
  process_instance_id VARCHAR(64) NOT NULL,
  execution_id        VARCHAR(64),
  proc_def_id         VARCHAR(64),
  proc_def_key        VARCHAR(255),
  name                VARCHAR(255) NOT NULL,
  var_type            VARCHAR(32) NOT NULL,
  text_value          VARCHAR(4000),
  long_value          BIGINT,
  double_value        DOUBLE PRECISION,
  clob_value          ${text_type},
  create_time         TIMESTAMP WITH TIME ZONE NOT NULL,
  state               VARCHAR(16) NOT NULL,
  tenant_id           VARCHAR(64)
);
CREATE INDEX tern_hivar_pi_name ON tern_hi_variable (process_instance_id, name);
CREATE INDEX tern_hivar_name_text ON tern_hi_variable (name, text_value);

CREATE TABLE tern_hi_batch (
  id                         VARCHAR(64) PRIMARY KEY,
  batch_type                 VARCHAR(255) NOT NULL,
  total_jobs                 INTEGER NOT NULL,
  batch_jobs_per_seed        INTEGER NOT NULL,
  invocations_per_batch_job  INTEGER NOT NULL,
  seed_job_def_id            VARCHAR(64),
  monitor_job_def_id         VARCHAR(64),
  batch_job_def_id           VARCHAR(64),
  tenant_id                  VARCHAR(64),
  create_user_id             VARCHAR(255),
  start_time                 TIMESTAMP WITH TIME ZONE NOT NULL,
  exec_start_time            TIMESTAMP WITH TIME ZONE,
  end_time                   TIMESTAMP WITH TIME ZONE,
  removal_time               TIMESTAMP WITH TIME ZONE
);

CREATE TABLE tern_hi_op_log (
  id                  VARCHAR(64) PRIMARY KEY,
  operation_id        VARCHAR(64) NOT NULL,
  deployment_id       VARCHAR(64),
  proc_def_id         VARCHAR(64),
  proc_def_key        VARCHAR(255),
  process_instance_id VARCHAR(64),
  execution_id        VARCHAR(64),
  job_id              VARCHAR(64),
  job_definition_id   VARCHAR(64),
  batch_id            VARCHAR(64),
  user_id             VARCHAR(255),
  log_time            TIMESTAMP WITH TIME ZONE NOT NULL,
  operation_type      VARCHAR(64) NOT NULL,
  entity_type         VARCHAR(64) NOT NULL,
  property            VARCHAR(64),
  org_value           VARCHAR(4000),
  new_value           VARCHAR(4000),
  category            VARCHAR(64),
  tenant_id           VARCHAR(64),
  annotation          VARCHAR(4000),
  removal_time        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX tern_hioplog_time ON tern_hi_op_log (log_time);
