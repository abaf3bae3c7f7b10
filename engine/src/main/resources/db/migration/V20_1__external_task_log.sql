-- The external task log (Camunda's ACT_HI_EXT_TASK_LOG): one row per event in an external task's
-- life, copied from the task's row with one INSERT … SELECT. Written only by ExternalTaskLogStore.
CREATE TABLE tern_hi_ext_task_log (
  id                        VARCHAR(64) PRIMARY KEY,
  log_time                  TIMESTAMP WITH TIME ZONE NOT NULL,
  -- 0 created, 1 failed, 2 successful, 3 deleted
  state                     INTEGER NOT NULL,
  ext_task_id               VARCHAR(64) NOT NULL,
  topic_name                VARCHAR(255),
  worker_id                 VARCHAR(255),
  priority                  BIGINT NOT NULL DEFAULT 0,
  retries                   INTEGER,
  -- on failure entries only
  error_message             VARCHAR(4000),
  error_details             ${text_type},
  activity_id               VARCHAR(255),
  activity_instance_id      VARCHAR(64),
  execution_id              VARCHAR(64),
  process_instance_id       VARCHAR(64),
  root_process_instance_id  VARCHAR(64),
  proc_def_id               VARCHAR(64),
  proc_def_key              VARCHAR(255),
  tenant_id                 VARCHAR(64),
  removal_time              TIMESTAMP WITH TIME ZONE
);
CREATE INDEX tern_hiextlog_task ON tern_hi_ext_task_log (ext_task_id);
CREATE INDEX tern_hiextlog_pi ON tern_hi_ext_task_log (process_instance_id);
