package dev.tern.engine.task;

import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.Permission;
import dev.tern.engine.authorization.Resource;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.query.Page;
import dev.tern.engine.query.Restriction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Task history: historic task instances and the identity link log. An authenticated caller sees
 * the rows of definitions it has {@code READ_HISTORY} on (a standalone task's only with {@code
 * READ_HISTORY} on every definition), of its tenants or of none.
 */
public final class HistoricTaskService {

  private static final String TASK_COLUMNS =
      "h.id, h.proc_def_key, h.proc_def_id, h.process_instance_id, h.root_process_instance_id,"
          + " h.execution_id, h.activity_instance_id, h.name, h.description, h.delete_reason,"
          + " h.owner, h.assignee, h.start_time, h.end_time, h.duration_ms, h.task_def_key,"
          + " h.priority, h.due_date, h.follow_up_date, h.parent_task_id, h.tenant_id,"
          + " h.removal_time, h.task_state";

  private static final String LINK_COLUMNS =
      "il.id, il.log_time, il.link_type, il.user_id, il.group_id, il.task_id, il.proc_def_id,"
          + " il.proc_def_key, il.operation_type, il.assigner_id, il.tenant_id, il.removal_time,"
          + " il.root_process_instance_id";

  private final Database database;
  private final Clock clock;
  private final Authorizer authorizer;

  HistoricTaskService(Database database, Clock clock, Authorizer authorizer) {
    this.database = database;
    this.clock = clock;
    this.authorizer = authorizer;
  }

  public List<HistoricTaskInstance> list(Caller caller, HistoricTaskInstanceQuery query, Page page) {
    var filters = query.filters().restricted(readable(caller, "h"));
    return database.withHandle(
        h -> filters.list(h, TASK_COLUMNS, (rs, ctx) -> task(rs), now(), page));
  }

  public long count(Caller caller, HistoricTaskInstanceQuery query) {
    var filters = query.filters().restricted(readable(caller, "h"));
    return database.withHandle(h -> filters.count(h, now()));
  }

  public List<HistoricIdentityLinkLog> list(
      Caller caller, HistoricIdentityLinkLogQuery query, Page page) {
    var filters = query.filters().restricted(readable(caller, "il"));
    return database.withHandle(
        h -> filters.list(h, LINK_COLUMNS, (rs, ctx) -> link(rs), now(), page));
  }

  public long count(Caller caller, HistoricIdentityLinkLogQuery query) {
    var filters = query.filters().restricted(readable(caller, "il"));
    return database.withHandle(h -> filters.count(h, now()));
  }

  private Restriction readable(Caller caller, String alias) {
    return authorizer.readable(
        caller,
        alias + ".tenant_id",
        new Authorizer.RowCheck(
            Permission.READ_HISTORY, Resource.PROCESS_DEFINITION, alias + ".proc_def_key"));
  }

  private Instant now() {
    return clock.instant();
  }

  private static HistoricTaskInstance task(ResultSet rs) throws SQLException {
    long duration = rs.getLong("duration_ms");
    Long durationOrNull = rs.wasNull() ? null : duration;
    return new HistoricTaskInstance(
        rs.getString("id"),
        rs.getString("proc_def_key"),
        rs.getString("proc_def_id"),
        rs.getString("process_instance_id"),
        rs.getString("root_process_instance_id"),
        rs.getString("execution_id"),
        rs.getString("activity_instance_id"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getString("delete_reason"),
        rs.getString("owner"),
        rs.getString("assignee"),
        TaskStore.instant(rs, "start_time"),
        TaskStore.instant(rs, "end_time"),
        durationOrNull,
        rs.getString("task_def_key"),
        rs.getInt("priority"),
        TaskStore.instant(rs, "due_date"),
        TaskStore.instant(rs, "follow_up_date"),
        rs.getString("parent_task_id"),
        rs.getString("tenant_id"),
        TaskStore.instant(rs, "removal_time"),
        rs.getString("task_state"));
  }

  private static HistoricIdentityLinkLog link(ResultSet rs) throws SQLException {
    return new HistoricIdentityLinkLog(
        rs.getString("id"),
        TaskStore.instant(rs, "log_time"),
        rs.getString("link_type"),
        rs.getString("user_id"),
        rs.getString("group_id"),
        rs.getString("task_id"),
        rs.getString("proc_def_id"),
        rs.getString("proc_def_key"),
        rs.getString("operation_type"),
        rs.getString("assigner_id"),
        rs.getString("tenant_id"),
        TaskStore.instant(rs, "removal_time"),
        rs.getString("root_process_instance_id"));
  }
}
