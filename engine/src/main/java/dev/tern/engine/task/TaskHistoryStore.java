package dev.tern.engine.task;

import dev.tern.engine.history.HistoryRetention;
import dev.tern.engine.persistence.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * SQL that writes {@code tern_hi_task} (a row per task, kept current while it is open, ended with
 * its delete reason) and {@code tern_hi_identity_link} (every link added or removed).
 */
final class TaskHistoryStore {

  static final String ROOT_INSTANCE =
      "(SELECT p.root_process_instance_id FROM tern_process_instance p"
          + " WHERE p.id = :processInstanceId)";

  private final Ids ids;

  TaskHistoryStore(Ids ids) {
    this.ids = ids;
  }

  void started(Handle handle, Task task) {
    handle
        .createUpdate(
            "INSERT INTO tern_hi_task (id, name, description, assignee, owner, priority,"
                + " start_time, due_date, follow_up_date, execution_id, process_instance_id,"
                + " root_process_instance_id, proc_def_id, proc_def_key, activity_instance_id,"
                + " task_def_key, parent_task_id, tenant_id, task_state, removal_time)"
                + " VALUES (:id, :name, :description, :assignee, :owner, :priority, :created, :due,"
                + " :followUp, :executionId, :processInstanceId, "
                + ROOT_INSTANCE
                + ", :processDefinitionId, :processDefinitionKey, :activityInstanceId,"
                + " :taskDefinitionKey, :parentTaskId, :tenantId, :taskState, "
                + HistoryRetention.removalTimeOf(":processInstanceId")
                + ")")
        .bindMethods(task)
        .execute();
  }

  void updated(Handle handle, Task task) {
    handle
        .createUpdate(
            """
            UPDATE tern_hi_task SET name = :name, description = :description, assignee = :assignee,
              owner = :owner, priority = :priority, due_date = :due, follow_up_date = :followUp,
              parent_task_id = :parentTaskId, tenant_id = :tenantId, task_state = :taskState
            WHERE id = :id
            """)
        .bindMethods(task)
        .execute();
  }

  /** Deletes the task history of these process instances with the link log of their tasks. */
  static void deleteOfProcessInstances(Handle handle, List<String> processInstanceIds) {
    String[] ids = processInstanceIds.toArray(String[]::new);
    handle
        .createUpdate(
            "DELETE FROM tern_hi_identity_link WHERE task_id IN"
                + " (SELECT id FROM tern_hi_task WHERE process_instance_id = ANY(:ids))")
        .bind("ids", ids)
        .execute();
    handle
        .createUpdate("DELETE FROM tern_hi_task WHERE process_instance_id = ANY(:ids)")
        .bind("ids", ids)
        .execute();
  }

  /** Ends the rows of removed tasks: end time, duration, delete reason, final state. */
  void ended(Handle handle, List<String> taskIds, String deleteReason, String state, Instant now) {
    PreparedBatch batch =
        handle.prepareBatch(
            "UPDATE tern_hi_task SET end_time = :now, duration_ms = :duration,"
                + " delete_reason = :reason, task_state = :state WHERE id = :id");
    handle
        .createQuery("SELECT id, start_time FROM tern_hi_task WHERE id = ANY(:ids)")
        .bindArray("ids", String.class, taskIds.toArray())
        .map((rs, ctx) -> new Object[] {rs.getString("id"), TaskStore.instant(rs, "start_time")})
        .forEach(
            row ->
                batch
                    .bind("id", (String) row[0])
                    .bind("now", now)
                    .bind("duration", Duration.between((Instant) row[1], now).toMillis())
                    .bind("reason", deleteReason)
                    .bind("state", state)
                    .add());
    if (batch.size() > 0) {
      batch.execute();
    }
  }

  /** Logs a link added to or removed from a task ({@code operation} {@code add} or {@code delete}). */
  void linkLogged(
      Handle handle, Task task, IdentityLink link, String operation, String assignerId, Instant now) {
    handle
        .createUpdate(
            "INSERT INTO tern_hi_identity_link (id, log_time, link_type, user_id, group_id, task_id,"
                + " proc_def_id, proc_def_key, operation_type, assigner_id, tenant_id,"
                + " root_process_instance_id, removal_time) VALUES (:logId, :now, :type, :userId,"
                + " :groupId, :id, :processDefinitionId, :processDefinitionKey, :operation, :assigner,"
                + " :tenantId, "
                + ROOT_INSTANCE
                + ", "
                + HistoryRetention.removalTimeOf(":processInstanceId")
                + ")")
        .bindMethods(task)
        .bind("logId", ids.next())
        .bind("now", now)
        .bind("type", link.type())
        .bind("userId", link.userId())
        .bind("groupId", link.groupId())
        .bind("operation", operation)
        .bind("assigner", assignerId)
        .execute();
  }
}
