-- Tasklists sort by creation time, newest first (Camunda's Tasklist default): the engine orders
-- by create_time DESC NULLS LAST with the id as tie-breaker, so this index returns the first page
-- without sorting every matching task (docs/query-plans.md, "Task queries"). It also serves the
-- created* range filters, which the plain create_time index served.
DROP INDEX tern_task_create_time;
CREATE INDEX tern_task_created_desc ON tern_task (create_time DESC NULLS LAST, id);
