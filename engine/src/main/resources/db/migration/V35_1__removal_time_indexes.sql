-- Ending a root instance sets the removal time of its history rows table by table, looked up by
-- instance (or root instance); without these indexes each end scans the whole table.
CREATE INDEX tern_hioplog_pi ON tern_hi_op_log (process_instance_id);
CREATE INDEX tern_hilink_root ON tern_hi_identity_link (root_process_instance_id);
CREATE INDEX tern_task_attachment_root ON tern_task_attachment (root_process_instance_id);
CREATE INDEX tern_task_comment_pi ON tern_task_comment (process_instance_id);
