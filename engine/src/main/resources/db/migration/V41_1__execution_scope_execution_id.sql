-- A token resting at an embedded sub-process is the sub-process's row; scope_execution_id is the id
-- of Camunda's scope execution of the sub-process, in which the first token inside runs: the
-- sub-process's activity instance, history row, boundary jobs, subscriptions and locals name it.
-- Read by the row (and by id, for events addressed to the scope), so indexed.
ALTER TABLE tern_execution ADD COLUMN scope_execution_id VARCHAR(64);
CREATE INDEX tern_execution_scope_execution ON tern_execution (scope_execution_id);
