-- The counts of a multi-instance body become local variables of the body's execution, as Camunda
-- 7.24 stores them (nrOfInstances, nrOfCompletedInstances, nrOfActiveInstances). Bodies running
-- at the upgrade get them from the columns, which then go (no history rows; nrOfActiveInstances
-- counts the instances not completed, also for a sequential body; the loop counters of their
-- running instances stay in tern_execution.loop_counter only).
INSERT INTO tern_variable (id, rev, process_instance_id, execution_id, act_inst_id, name, var_type,
  text_value, long_value, create_time)
SELECT e.id || ':' || c.var_name, 1, e.process_instance_id, e.id, e.activity_instance_id, c.var_name,
  'integer', CAST(c.var_value AS VARCHAR(20)), c.var_value, e.create_time
FROM tern_execution e
JOIN (SELECT id, 'nrOfInstances' AS var_name, nr_instances AS var_value FROM tern_execution
      UNION ALL SELECT id, 'nrOfCompletedInstances', nr_completed FROM tern_execution
      UNION ALL SELECT id, 'nrOfActiveInstances', nr_instances - nr_completed FROM tern_execution) c
  ON c.id = e.id
WHERE e.state = 'BODY' AND e.activity_instance_id IS NOT NULL AND c.var_value IS NOT NULL;
ALTER TABLE tern_execution DROP COLUMN nr_instances;
ALTER TABLE tern_execution DROP COLUMN nr_completed;
