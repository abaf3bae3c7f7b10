-- The execution tree: a token inside an embedded sub-process points at the execution that rests at
-- the sub-process (its scope execution). NULL for tokens of the process scope, so a process without
-- sub-processes keeps every row as before.
ALTER TABLE tern_execution ADD COLUMN parent_id VARCHAR(64);
CREATE INDEX tern_execution_parent ON tern_execution (parent_id);
