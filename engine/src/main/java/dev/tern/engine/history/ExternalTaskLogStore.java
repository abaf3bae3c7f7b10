package dev.tern.engine.history;

import static dev.tern.engine.persistence.Rows.instant;

import dev.tern.engine.persistence.Dialect;
import dev.tern.engine.persistence.OwnedRows;
import dev.tern.engine.persistence.RecordMapper;
import java.time.Clock;
import java.util.Collection;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Writes {@code tern_hi_ext_task_log}, the external task log. Entries are copied from the task rows
 * with one {@code INSERT … SELECT}, as the rows are at that moment; the external-task store calls
 * this on every event of a task's life.
 */
final class ExternalTaskLogStore implements ExternalTaskLog {

  static final String COLUMNS =
      "l.id, l.log_time, l.removal_time, l.state, l.ext_task_id, l.topic_name, l.worker_id,"
          + " l.priority, l.retries, l.error_message, l.activity_id, l.activity_instance_id,"
          + " l.execution_id, l.process_instance_id, l.root_process_instance_id, l.proc_def_id,"
          + " l.proc_def_key, l.tenant_id";

  static final RowMapper<HistoricExternalTaskLog> MAPPER = RecordMapper.of(HistoricExternalTaskLog.class, COLUMNS);

  private final Clock clock;
  private final Dialect dialect;

  ExternalTaskLogStore(Clock clock, Dialect dialect) {
    this.clock = clock;
    this.dialect = dialect;
  }

  @Override
  public int log(Handle handle, LogState state, Collection<String> taskIds) {
    if (taskIds.isEmpty()) {
      return 0;
    }
    return insert(handle, "NULL, NULL", state)
        .bind("ids", taskIds.toArray(String[]::new))
        .execute();
  }

  @Override
  public void logFailure(Handle handle, String taskId, String errorMessage, String errorDetails) {
    insert(handle, ":message, COALESCE(:details, t.error_details)", LogState.FAILED)
        .bind("ids", new String[] {taskId})
        .bind("message", errorMessage)
        .bind("details", errorDetails)
        .execute();
  }

  private org.jdbi.v3.core.statement.Update insert(Handle handle, String errorColumns, LogState state) {
    return handle
        .createUpdate(
            "INSERT INTO tern_hi_ext_task_log (id, log_time, state, ext_task_id, topic_name,"
                + " worker_id, priority, retries, error_message, error_details, activity_id,"
                + " activity_instance_id, execution_id, process_instance_id,"
                + " root_process_instance_id, proc_def_id, proc_def_key, tenant_id, removal_time)"
                + " SELECT "
                + dialect.newIdExpression()
                + ", :logTime, :state, t.id, t.topic_name, t.worker_id, t.priority, t.retries, "
                + errorColumns
                + ", t.activity_id, t.activity_instance_id, t.execution_id, t.process_instance_id,"
                + " p.root_process_instance_id, t.proc_def_id, t.proc_def_key, t.tenant_id, "
                + HistoryRetention.removalTimeOf("t.process_instance_id")
                + " FROM tern_external_task t"
                + " LEFT JOIN tern_process_instance p ON p.id = t.process_instance_id"
                + " WHERE t.id = ANY(:ids)")
        .bind("logTime", clock.instant())
        .bind("state", state.code());
  }

  /** The error details of an entry; null when it has none (or there is no such entry). */
  static String errorDetails(Handle handle, String id) {
    return handle
        .createQuery("SELECT error_details FROM tern_hi_ext_task_log WHERE id = :id")
        .bind("id", id)
        .mapTo(String.class)
        .findOne()
        .orElse(null);
  }

  /** Deletes the log of the process definitions of a deployment. */
  static void deleteOfDeployment(Handle handle, String deploymentId) {
    OwnedRows.deleteOfDefinitions(handle, "tern_hi_ext_task_log", deploymentId);
  }

  /** Deletes the rows of these process instances (their history is deleted). */
  static void deleteOfProcessInstances(Handle handle, java.util.List<String> processInstanceIds) {
    OwnedRows.deleteOfProcessInstances(handle, "tern_hi_ext_task_log", processInstanceIds);
  }
}
