-- Camunda's ACT_HI_DETAIL for variable updates: one row per write of a process variable (created,
-- updated, or removed with a null value), kept by VariableStore next to tern_hi_variable.
-- revision: the variable's revision before the write (0 when created), as Camunda numbers it;
-- is_initial: written when the instance started; occurrence: orders rows written in the same
-- millisecond (Camunda's sequence counter).
CREATE TABLE tern_hi_detail (
  id                       VARCHAR(64) PRIMARY KEY,
  detail_type              VARCHAR(16) NOT NULL,
  process_instance_id      VARCHAR(64) NOT NULL,
  execution_id             VARCHAR(64),
  act_inst_id              VARCHAR(64),
  proc_def_id              VARCHAR(64),
  proc_def_key             VARCHAR(255),
  root_process_instance_id VARCHAR(64),
  tenant_id                VARCHAR(64),
  task_id                  VARCHAR(64),
  variable_instance_id     VARCHAR(64),
  name                     VARCHAR(255) NOT NULL,
  var_type                 VARCHAR(32) NOT NULL,
  text_value               VARCHAR(4000),
  long_value               BIGINT,
  double_value             DOUBLE PRECISION,
  clob_value               ${text_type},
  value_info               VARCHAR(4000),
  bytes                    ${blob_type},
  revision                 INTEGER NOT NULL,
  is_initial               BOOLEAN NOT NULL,
  detail_time              TIMESTAMP WITH TIME ZONE NOT NULL,
  occurrence               BIGINT NOT NULL,
  removal_time             TIMESTAMP WITH TIME ZONE
);
CREATE INDEX tern_hidetail_pi ON tern_hi_detail (process_instance_id);
CREATE INDEX tern_hidetail_var ON tern_hi_detail (variable_instance_id);
CREATE INDEX tern_hidetail_removal ON tern_hi_detail (removal_time);
