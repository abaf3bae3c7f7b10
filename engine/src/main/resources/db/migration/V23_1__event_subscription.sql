-- Event subscriptions (Camunda's ACT_RU_EVENT_SUBSCR): a token waiting for a message or signal
-- (execution_id set), or a start event of the latest version of a process definition waiting for
-- one (execution_id null, configuration = the process definition id). Written only by
-- EventSubscriptionStore. A token's subscriptions go with its execution row, an instance's with
-- the instance (ON DELETE CASCADE).
CREATE TABLE tern_event_subscription (
  id                  VARCHAR(64) PRIMARY KEY,
  rev                 INTEGER NOT NULL DEFAULT 1,
  -- message or signal
  event_type          VARCHAR(32) NOT NULL,
  event_name          VARCHAR(255),
  execution_id        VARCHAR(64) REFERENCES tern_execution (id) ON DELETE CASCADE,
  process_instance_id VARCHAR(64) REFERENCES tern_process_instance (id) ON DELETE CASCADE,
  activity_id         VARCHAR(255) NOT NULL,
  proc_def_id         VARCHAR(64) NOT NULL,
  configuration       VARCHAR(255),
  tenant_id           VARCHAR(64),
  created             TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX tern_evt_sub_name ON tern_event_subscription (event_type, event_name);
CREATE INDEX tern_evt_sub_execution ON tern_event_subscription (execution_id);
CREATE INDEX tern_evt_sub_pi ON tern_event_subscription (process_instance_id);
CREATE INDEX tern_evt_sub_def ON tern_event_subscription (proc_def_id);
