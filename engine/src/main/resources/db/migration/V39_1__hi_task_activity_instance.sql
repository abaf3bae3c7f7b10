-- /history/activity-instance shows a user task's task and assignee, looked up by activity instance
CREATE INDEX tern_hitask_act_inst ON tern_hi_task (activity_instance_id);
