package dev.tern.engine.task;

import dev.tern.engine.persistence.OwnedRows;
import dev.tern.engine.persistence.Ids;
import dev.tern.engine.persistence.Rows;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.engine.runtime.ValueBinds;
import dev.tern.engine.runtime.VariableStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for {@code tern_task}, its candidate links ({@code tern_task_identity_link}) and its local
 * variables ({@code tern_task_variable}): the only code that writes them. Every method runs in the
 * caller's transaction.
 */
final class TaskStore {

  static final String COLUMNS =
      "t.id, t.name, t.description, t.assignee, t.owner, t.delegation_state, t.priority,"
          + " t.create_time, t.last_updated, t.due_date, t.follow_up_date, t.execution_id,"
          + " t.process_instance_id, t.proc_def_id, t.proc_def_key, t.activity_instance_id,"
          + " t.task_def_key, t.parent_task_id, t.form_key, t.form_ref_key, t.form_ref_binding,"
          + " t.form_ref_version, t.tenant_id, t.task_state,"
          + " (SELECT p.suspended FROM tern_process_instance p WHERE p.id = t.process_instance_id)"
          + " AS instance_suspended";

  private static final String VARIABLE_COLUMNS =
      "name, var_type, text_value, long_value, double_value, clob_value, value_info, bytes";

  private final Ids ids;

  TaskStore(Ids ids) {
    this.ids = ids;
  }

  void insert(Handle handle, Task task) {
    handle
        .createUpdate(
            """
            INSERT INTO tern_task (id, rev, name, description, assignee, owner, delegation_state,
              priority, create_time, last_updated, due_date, follow_up_date, execution_id,
              process_instance_id, proc_def_id, proc_def_key, activity_instance_id, task_def_key,
              parent_task_id, form_key, form_ref_key, form_ref_binding, form_ref_version,
              tenant_id, task_state)
            VALUES (:id, 1, :name, :description, :assignee, :owner, :delegationState, :priority,
              :created, :lastUpdated, :due, :followUp, :executionId, :processInstanceId,
              :processDefinitionId, :processDefinitionKey, :activityInstanceId, :taskDefinitionKey,
              :parentTaskId, :formKey, :formRefKey, :formRefBinding, :formRefVersion, :tenantId,
              :taskState)
            """)
        .bindMethods(task)
        .execute();
  }

  /** Writes the fields a client may change, and the state and time of the change. */
  void update(Handle handle, Task task) {
    handle
        .createUpdate(
            """
            UPDATE tern_task SET rev = rev + 1, name = :name, description = :description,
              assignee = :assignee, owner = :owner, delegation_state = :delegationState,
              priority = :priority, due_date = :due, follow_up_date = :followUp,
              parent_task_id = :parentTaskId, tenant_id = :tenantId, last_updated = :lastUpdated,
              task_state = :taskState
            WHERE id = :id
            """)
        .bindMethods(task)
        .execute();
  }

  Optional<Task> find(Handle handle, String id) {
    return Rows.findById(handle, "tern_task t", COLUMNS, (rs, ctx) -> map(rs), id);
  }

  /** Locks the task's row for the rest of the transaction and reads it. */
  Optional<Task> lock(Handle handle, String id) {
    return Rows.lock(handle, "tern_task", id) ? find(handle, id) : Optional.empty();
  }

  /** The ids of the tasks whose {@code column} (execution or instance) holds {@code value}. */
  List<String> idsWhere(Handle handle, String column, String value) {
    return handle
        .createQuery("SELECT id FROM tern_task WHERE " + column + " = :v")
        .bind("v", value)
        .mapTo(String.class)
        .list();
  }

  /** Moves the tasks of one execution to another. */
  void moveToExecution(Handle handle, String fromExecutionId, String toExecutionId) {
    OwnedRows.moveToExecution(handle, "tern_task", fromExecutionId, toExecutionId);
  }

  /** Removes tasks with their links and local variables. */
  void delete(Handle handle, List<String> taskIds) {
    String[] array = taskIds.toArray(String[]::new);
    for (String table : List.of("tern_task_identity_link", "tern_task_variable")) {
      handle
          .createUpdate("DELETE FROM " + table + " WHERE task_id = ANY(:ids)")
          .bindArray("ids", String.class, (Object[]) array)
          .execute();
    }
    handle
        .createUpdate("DELETE FROM tern_task WHERE id = ANY(:ids)")
        .bindArray("ids", String.class, (Object[]) array)
        .execute();
  }

  /** Unassigned tasks per candidate group; tasks without a candidate group under null. */
  List<CandidateGroupCount> countByCandidateGroup(Handle handle) {
    return handle
        .createQuery(
            "SELECT l.group_id, COUNT(DISTINCT t.id) AS task_count FROM tern_task t"
                + " LEFT JOIN tern_task_identity_link l ON l.task_id = t.id"
                + " AND l.link_type = 'candidate' AND l.group_id IS NOT NULL"
                + " WHERE t.assignee IS NULL GROUP BY l.group_id ORDER BY l.group_id NULLS FIRST")
        .map((rs, ctx) -> new CandidateGroupCount(rs.getString("group_id"), rs.getInt("task_count")))
        .list();
  }

  // ------------------------------------------------------------------ identity links

  void addLink(Handle handle, String taskId, IdentityLink link) {
    handle
        .createUpdate(
            "INSERT INTO tern_task_identity_link (id, task_id, link_type, user_id, group_id)"
                + " VALUES (:id, :taskId, :type, :userId, :groupId)")
        .bind("id", ids.next())
        .bind("taskId", taskId)
        .bind("type", link.type())
        .bind("userId", link.userId())
        .bind("groupId", link.groupId())
        .execute();
  }

  /** @return whether a link was removed */
  boolean deleteLink(Handle handle, String taskId, IdentityLink link) {
    String who = link.userId() != null ? "user_id = :who" : "group_id = :who";
    return handle
            .createUpdate(
                "DELETE FROM tern_task_identity_link WHERE task_id = :taskId AND link_type = :type"
                    + " AND "
                    + who)
            .bind("taskId", taskId)
            .bind("type", link.type())
            .bind("who", link.userId() != null ? link.userId() : link.groupId())
            .execute()
        > 0;
  }

  /** The stored links (candidates and other types), oldest first. */
  List<IdentityLink> links(Handle handle, String taskId) {
    return handle
        .createQuery(
            "SELECT link_type, user_id, group_id FROM tern_task_identity_link WHERE task_id = :id"
                + " ORDER BY id")
        .bind("id", taskId)
        .map(
            (rs, ctx) ->
                new IdentityLink(
                    rs.getString("user_id"), rs.getString("group_id"), rs.getString("link_type")))
        .list();
  }

  // ------------------------------------------------------------------ local variables

  Map<String, TypedValue> localVariables(Handle handle, String taskId) {
    Map<String, TypedValue> result = new LinkedHashMap<>();
    handle
        .createQuery(
            "SELECT " + VARIABLE_COLUMNS + " FROM tern_task_variable WHERE task_id = :id ORDER BY name")
        .bind("id", taskId)
        .map((rs, ctx) -> Map.entry(rs.getString("name"), VariableStore.read(rs, rs.getBytes("bytes"))))
        .forEach(e -> result.put(e.getKey(), e.getValue()));
    return result;
  }

  /** The local variables of several tasks in one statement: by task id, each ordered by name. */
  Map<String, Map<String, TypedValue>> localVariablesOf(Handle handle, Collection<String> taskIds) {
    if (taskIds.isEmpty()) {
      return Map.of();
    }
    return VariableStore.byOwner(
        handle
            .createQuery(
                "SELECT task_id, "
                    + VARIABLE_COLUMNS
                    + " FROM tern_task_variable WHERE task_id = ANY(:ids) ORDER BY task_id, name")
            .bindArray("ids", String.class, taskIds.toArray()),
        "task_id");
  }

  /** Inserts or replaces local variables of a task. */
  void setLocalVariables(Handle handle, String taskId, Map<String, TypedValue> values, Instant now) {
    for (Map.Entry<String, TypedValue> entry : values.entrySet()) {
      int updated =
          ValueBinds.bind(
                  handle.createUpdate(
                      "UPDATE tern_task_variable SET rev = rev + 1, var_type = :type,"
                          + " text_value = :text, long_value = :long, double_value = :double,"
                          + " clob_value = :clob, value_info = :info, bytes = :bytes"
                          + " WHERE task_id = :taskId AND name = :name"),
                  entry.getValue())
              .bind("taskId", taskId)
              .bind("name", entry.getKey())
              .execute();
      if (updated == 0) {
        ValueBinds.bind(
                handle.createUpdate(
                    "INSERT INTO tern_task_variable (id, rev, task_id, name, var_type, text_value,"
                        + " long_value, double_value, clob_value, value_info, bytes, create_time)"
                        + " VALUES (:id, 1, :taskId, :name, :type, :text, :long, :double, :clob,"
                        + " :info, :bytes, :now)"),
                entry.getValue())
            .bind("id", ids.next())
            .bind("taskId", taskId)
            .bind("name", entry.getKey())
            .bind("now", now)
            .execute();
      }
    }
  }

  void deleteLocalVariable(Handle handle, String taskId, String name) {
    handle
        .createUpdate("DELETE FROM tern_task_variable WHERE task_id = :taskId AND name = :name")
        .bind("taskId", taskId)
        .bind("name", name)
        .execute();
  }

  static Task map(ResultSet rs) throws SQLException {
    int formRefVersion = rs.getInt("form_ref_version");
    Integer version = rs.wasNull() ? null : formRefVersion;
    return new Task(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getString("assignee"),
        rs.getString("owner"),
        rs.getString("delegation_state"),
        rs.getInt("priority"),
        instant(rs, "create_time"),
        instant(rs, "last_updated"),
        instant(rs, "due_date"),
        instant(rs, "follow_up_date"),
        rs.getString("execution_id"),
        rs.getString("process_instance_id"),
        rs.getString("proc_def_id"),
        rs.getString("proc_def_key"),
        rs.getString("activity_instance_id"),
        rs.getString("task_def_key"),
        rs.getString("parent_task_id"),
        rs.getString("form_key"),
        rs.getString("form_ref_key"),
        rs.getString("form_ref_binding"),
        version,
        rs.getString("tenant_id"),
        rs.getString("task_state"),
        rs.getBoolean("instance_suspended"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
