-- The task a user operation log entry is about (Camunda's TASK_ID_), for task operations.
ALTER TABLE tern_hi_op_log ADD COLUMN task_id VARCHAR(64);
CREATE INDEX tern_hi_op_log_task ON tern_hi_op_log (task_id);
