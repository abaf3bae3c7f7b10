-- Since V42_1 history cleanup reaches the rows of these tables only through their instance's
-- historic row. The cleanup before it deleted expired instance rows independently of them, so a
-- run that stopped at its batch limit could leave expired rows whose instance row was gone, which
-- the new cleanup would never find. Such a row has a removal time (its root's, which had passed
-- when the instance row went), so every one of them is already expired: delete them once here.
DELETE FROM tern_hi_activity_instance WHERE removal_time IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM tern_hi_process_instance h WHERE h.id = tern_hi_activity_instance.process_instance_id);
DELETE FROM tern_hi_variable WHERE removal_time IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM tern_hi_process_instance h WHERE h.id = tern_hi_variable.process_instance_id);
DELETE FROM tern_hi_detail WHERE removal_time IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM tern_hi_process_instance h WHERE h.id = tern_hi_detail.process_instance_id);
DELETE FROM tern_hi_job_log WHERE removal_time IS NOT NULL AND process_instance_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM tern_hi_process_instance h WHERE h.id = tern_hi_job_log.process_instance_id);
DELETE FROM tern_hi_incident WHERE removal_time IS NOT NULL AND process_instance_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM tern_hi_process_instance h WHERE h.id = tern_hi_incident.process_instance_id);
DELETE FROM tern_hi_ext_task_log WHERE removal_time IS NOT NULL AND process_instance_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM tern_hi_process_instance h WHERE h.id = tern_hi_ext_task_log.process_instance_id);
