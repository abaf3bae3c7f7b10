-- External tasks: a token waits in a service, send or business-rule task with camunda:type="external"
-- until a worker that fetched the task by topic completes it. Written only by ExternalTaskStore.
-- Removing the process instance removes its tasks (ON DELETE CASCADE).
CREATE TABLE tern_external_task (
  id                    VARCHAR(64) PRIMARY KEY,
  rev                   INTEGER NOT NULL DEFAULT 1,
  topic_name            VARCHAR(255) NOT NULL,
  worker_id             VARCHAR(255),
  lock_expiration_time  TIMESTAMP WITH TIME ZONE,
  -- null until a worker reports a failure
  retries               INTEGER,
  error_message         VARCHAR(4000),
  error_details         ${text_type},
  execution_id          VARCHAR(64) NOT NULL,
  process_instance_id   VARCHAR(64) NOT NULL REFERENCES tern_process_instance (id) ON DELETE CASCADE,
  proc_def_id           VARCHAR(64) NOT NULL,
  proc_def_key          VARCHAR(255) NOT NULL,
  activity_id           VARCHAR(255) NOT NULL,
  activity_instance_id  VARCHAR(64),
  tenant_id             VARCHAR(64),
  business_key          VARCHAR(255),
  priority              BIGINT NOT NULL DEFAULT 0,
  create_time           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX tern_ext_task_topic ON tern_external_task (topic_name, priority);
CREATE INDEX tern_ext_task_pi ON tern_external_task (process_instance_id);
CREATE INDEX tern_ext_task_execution ON tern_external_task (execution_id);
