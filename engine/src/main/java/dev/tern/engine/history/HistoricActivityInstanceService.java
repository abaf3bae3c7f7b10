package dev.tern.engine.history;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.RecordMapper;
import dev.tern.engine.query.Listing;
import dev.tern.engine.query.Page;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Reads of activity history ({@code tern_hi_activity_instance}, written by the runtime as tokens
 * pass): what the caller may read is what {@code READ_HISTORY} on the process definition allows,
 * as in Camunda.
 */
public final class HistoricActivityInstanceService {

  /** A user task's task (history keeps it after the task ended), by the activity instance. */
  private static String ofTask(String column) {
    return "(SELECT t." + column + " FROM tern_hi_task t WHERE t.activity_instance_id = a.id"
        + " FETCH FIRST 1 ROWS ONLY) AS task_" + column;
  }

  private static final String COLUMNS =
      "a.id, a.process_instance_id, a.execution_id, a.proc_def_id, a.proc_def_key, a.activity_id,"
          + " a.activity_name, a.activity_type, a.start_time, a.end_time, a.duration_ms,"
          + " a.canceled, a.tenant_id, a.removal_time, "
          + ofTask("id")
          + ", "
          + ofTask("assignee")
          + ", a.parent_act_inst_id, a.called_process_instance_id, "
          + CallChainRoot.column("a");

  static final RowMapper<HistoricActivityInstance> MAPPER = RecordMapper.of(HistoricActivityInstance.class, COLUMNS);

  private final Listing<HistoricActivityInstance> rows;
  private final Authorizer authorizer = new Authorizer();

  public HistoricActivityInstanceService(Database database, Clock clock) {
    this.rows = new Listing<>(database, clock, COLUMNS, MAPPER);
  }

  public HistoricActivityInstanceQuery createQuery() {
    return new HistoricActivityInstanceQuery();
  }

  public List<HistoricActivityInstance> list(
      Caller caller, HistoricActivityInstanceQuery query, Page page) {
    return rows.list(query.filters().restrict(authorizer.historyReadable(caller, "a")), page);
  }

  public long count(Caller caller, HistoricActivityInstanceQuery query) {
    return rows.count(authorizer.historyReadable(caller, "a"), query.filters());
  }

  /**
   * @throws NotFoundException if there is no such activity instance or the caller may not read it
   */
  public HistoricActivityInstance get(Caller caller, String id) {
    HistoricActivityInstanceQuery query = createQuery();
    query.filters().set("activityInstanceId", id);
    return list(caller, query, new Page(0, 1)).stream()
        .findFirst()
        .orElseThrow(
            () ->
                new NotFoundException(
                    "Historic activity instance with id " + id + " does not exist"));
  }
}
