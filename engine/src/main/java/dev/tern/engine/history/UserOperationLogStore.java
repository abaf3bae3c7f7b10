package dev.tern.engine.history;

import dev.tern.engine.persistence.RecordMapper;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** SQL for {@code tern_hi_op_log}. Every method runs in the caller's transaction. */
final class UserOperationLogStore implements OperationLog {

  static final String COLUMNS =
      "id, operation_id, deployment_id, proc_def_id, proc_def_key, process_instance_id,"
          + " execution_id, job_id, job_definition_id, batch_id, user_id, log_time,"
          + " operation_type, entity_type, property, org_value, new_value, category, tenant_id,"
          + " annotation, removal_time, task_id";

  static final RecordMapper<UserOperationLogEntry> MAPPER =
      RecordMapper.of(UserOperationLogEntry.class, COLUMNS);

  @Override
  public void insert(Handle handle, List<UserOperationLogEntry> entries) {
    MAPPER.insertAll(handle, "tern_hi_op_log", entries);
  }
}
