-- /history/activity-instance: an activity inside a sub-process names the sub-process's activity
-- instance as its parent (null in older rows: the process instance), and a call activity names the
-- instance it called. Both are read with their row only, so no index.
ALTER TABLE tern_hi_activity_instance ADD COLUMN parent_act_inst_id VARCHAR(64);
ALTER TABLE tern_hi_activity_instance ADD COLUMN called_process_instance_id VARCHAR(64);
