-- History cleanup (Camunda's default: removal-time strategy "end", cleanup strategy
-- "removalTimeBased"): every history row of a process instance gets the time it may be removed
-- when its root instance ends; the cleanup job deletes rows whose removal time has passed.
ALTER TABLE tern_hi_activity_instance ADD COLUMN removal_time TIMESTAMP WITH TIME ZONE;
ALTER TABLE tern_hi_variable ADD COLUMN removal_time TIMESTAMP WITH TIME ZONE;

-- The cleanup selects expired rows of each table by removal time.
CREATE INDEX tern_hipi_removal ON tern_hi_process_instance (removal_time);
CREATE INDEX tern_hiact_removal ON tern_hi_activity_instance (removal_time);
CREATE INDEX tern_hivar_removal ON tern_hi_variable (removal_time);
CREATE INDEX tern_hitask_removal ON tern_hi_task (removal_time);
CREATE INDEX tern_hilink_removal ON tern_hi_identity_link (removal_time);
CREATE INDEX tern_hijoblog_removal ON tern_hi_job_log (removal_time);
CREATE INDEX tern_hiinc_removal ON tern_hi_incident (removal_time);
CREATE INDEX tern_hiextlog_removal ON tern_hi_ext_task_log (removal_time);
CREATE INDEX tern_hioplog_removal ON tern_hi_op_log (removal_time);
-- Setting removal times selects an instance's hierarchy by its root.
CREATE INDEX tern_hipi_root ON tern_hi_process_instance (root_process_instance_id);
-- A row scheduling the cleanup job locks, so there is one cleanup job however many nodes ask.
INSERT INTO tern_property (name, prop_value) VALUES ('history-cleanup.lock', '0');
