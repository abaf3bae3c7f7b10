-- The subscriptions of an embedded sub-process (its message, signal and conditional boundary
-- events, its event sub-processes) name Camunda's scope execution of the sub-process, which has a
-- row of its own only while its first inner token rests as it (tern_execution.scope_execution_id).
-- So execution_id no longer references tern_execution: the table is made again without that key
-- (its generated name differs between H2 and PostgreSQL). Subscriptions are deleted explicitly
-- with their token or scope; an instance's still go with the instance (ON DELETE CASCADE).
CREATE TABLE tern_event_subscription_v41 (
  id                  VARCHAR(64) PRIMARY KEY,
  rev                 INTEGER NOT NULL DEFAULT 1,
  event_type          VARCHAR(32) NOT NULL,
  event_name          VARCHAR(255),
  execution_id        VARCHAR(64),
  process_instance_id VARCHAR(64) REFERENCES tern_process_instance (id) ON DELETE CASCADE,
  activity_id         VARCHAR(255) NOT NULL,
  proc_def_id         VARCHAR(64) NOT NULL,
  configuration       VARCHAR(255),
  tenant_id           VARCHAR(64),
  created             TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO tern_event_subscription_v41 (id, rev, event_type, event_name, execution_id,
  process_instance_id, activity_id, proc_def_id, configuration, tenant_id, created)
SELECT id, rev, event_type, event_name, execution_id, process_instance_id, activity_id,
  proc_def_id, configuration, tenant_id, created FROM tern_event_subscription;
DROP TABLE tern_event_subscription;
ALTER TABLE tern_event_subscription_v41 RENAME TO tern_event_subscription;
CREATE INDEX tern_evt_sub_name ON tern_event_subscription (event_type, event_name);
CREATE INDEX tern_evt_sub_execution ON tern_event_subscription (execution_id);
CREATE INDEX tern_evt_sub_pi ON tern_event_subscription (process_instance_id);
CREATE INDEX tern_evt_sub_def ON tern_event_subscription (proc_def_id);
