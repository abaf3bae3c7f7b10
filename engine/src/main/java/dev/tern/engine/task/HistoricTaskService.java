package dev.tern.engine.task;

import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.RecordMapper;
import dev.tern.engine.query.Listing;
import dev.tern.engine.query.Page;
import java.time.Clock;
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

  private final Listing<HistoricTaskInstance> tasks;
  private final Listing<HistoricIdentityLinkLog> links;
  private final Authorizer authorizer;

  HistoricTaskService(Database database, Clock clock, Authorizer authorizer) {
    this.tasks =
        new Listing<>(
            database, clock, TASK_COLUMNS, RecordMapper.of(HistoricTaskInstance.class, TASK_COLUMNS));
    this.links =
        new Listing<>(
            database, clock, LINK_COLUMNS, RecordMapper.of(HistoricIdentityLinkLog.class, LINK_COLUMNS));
    this.authorizer = authorizer;
  }

  public List<HistoricTaskInstance> list(Caller caller, HistoricTaskInstanceQuery query, Page page) {
    return tasks.list(query.filters().restricted(authorizer.historyReadable(caller, "h")), page);
  }

  public long count(Caller caller, HistoricTaskInstanceQuery query) {
    return tasks.count(authorizer.historyReadable(caller, "h"), query.filters());
  }

  public List<HistoricIdentityLinkLog> list(
      Caller caller, HistoricIdentityLinkLogQuery query, Page page) {
    return links.list(query.filters().restricted(authorizer.historyReadable(caller, "il")), page);
  }

  public long count(Caller caller, HistoricIdentityLinkLogQuery query) {
    return links.count(authorizer.historyReadable(caller, "il"), query.filters());
  }
}
