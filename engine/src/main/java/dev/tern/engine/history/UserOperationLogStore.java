package dev.tern.engine.history;

import dev.tern.engine.persistence.RecordMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    MAPPER.insertAll(handle, "tern_hi_op_log", withRemovalTimes(handle, entries));
  }

  /** Entries of a process instance take its historic row's removal time, as other history rows do. */
  private static List<UserOperationLogEntry> withRemovalTimes(
      Handle handle, List<UserOperationLogEntry> entries) {
    Map<String, Instant> removalTimes =
        HistoryRetention.removalTimesOf(
            handle,
            entries.stream()
                .map(UserOperationLogEntry::processInstanceId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
    if (removalTimes.isEmpty()) {
      return entries;
    }
    return entries.stream()
        .map(
            e ->
                e.processInstanceId() == null
                    ? e
                    : e.withRemovalTime(removalTimes.get(e.processInstanceId())))
        .toList();
  }
}
