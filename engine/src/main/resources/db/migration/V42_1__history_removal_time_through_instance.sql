-- History cleanup now finds the expired rows of these tables through the historic row of their
-- process instance (tern_hipi_removal, kept; their removal time is the instance's) and their
-- process_instance_id index, so they need no index on removal_time. Without one, setting the
-- removal time when a root instance ends changes no indexed column: on PostgreSQL a HOT update,
-- given room in the page (fill factor 80: the rows are updated once, soon after they are written).
-- Task history, the identity link log, comments, attachments and the op log keep theirs: their
-- rows can outlive their instance's historic row, so cleanup finds them by their own removal time.
-- No row of these tables without a process instance ever gets a removal time.
DROP INDEX tern_hiact_removal;
DROP INDEX tern_hivar_removal;
DROP INDEX tern_hidetail_removal;
DROP INDEX tern_hijoblog_removal;
DROP INDEX tern_hiinc_removal;
DROP INDEX tern_hiextlog_removal;
${postgres_only}ALTER TABLE tern_hi_activity_instance SET (fillfactor = 80);
${postgres_only}ALTER TABLE tern_hi_variable SET (fillfactor = 80);
${postgres_only}ALTER TABLE tern_hi_detail SET (fillfactor = 80);
${postgres_only}ALTER TABLE tern_hi_job_log SET (fillfactor = 80);
${postgres_only}ALTER TABLE tern_hi_incident SET (fillfactor = 80);
${postgres_only}ALTER TABLE tern_hi_ext_task_log SET (fillfactor = 80);
