-- A process instance started by a call activity: the execution (token) of the calling instance that
-- waits in the call activity. NULL for instances nobody called.
ALTER TABLE tern_process_instance ADD COLUMN super_execution_id VARCHAR(64);
CREATE INDEX tern_process_instance_super_exec ON tern_process_instance (super_execution_id);
CREATE INDEX tern_process_instance_super ON tern_process_instance (super_process_instance_id);
