-- Variables of scopes (embedded sub-processes, call activities, multi-instance bodies and
-- instances): tern_variable.act_inst_id names what owns a variable, the process instance's id for
-- process variables (whose activity instance is the process instance, as in Camunda), the scope's
-- activity instance for its local variables (execution_id is then the scope execution); a name is
-- unique per owner. Process variables keep execution_id = process_instance_id as before.
ALTER TABLE tern_variable ADD COLUMN act_inst_id VARCHAR(64);
UPDATE tern_variable SET act_inst_id = process_instance_id;
UPDATE tern_variable SET execution_id = process_instance_id WHERE execution_id IS NULL;
ALTER TABLE tern_variable ALTER COLUMN act_inst_id SET NOT NULL;
DROP INDEX tern_variable_pi_name;
CREATE UNIQUE INDEX tern_variable_owner_name ON tern_variable (act_inst_id, name);
CREATE INDEX tern_variable_pi_name ON tern_variable (process_instance_id, name);
ALTER TABLE tern_hi_variable ADD COLUMN act_inst_id VARCHAR(64);
