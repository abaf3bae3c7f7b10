package dev.tern.engine.runtime;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.Rows;
import dev.tern.engine.query.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reads of Camunda's historic details ({@code tern_hi_detail}, written by {@link VariableStore}):
 * what the caller may read is what {@code READ_HISTORY} on the process definition allows, as for
 * variable history.
 */
public final class HistoricDetailService {

  private static final String COLUMNS =
      "d.id, d.detail_type, d.variable_instance_id, d.name, "
          + VariableStore.VALUE_COLUMNS.replace("v.", "d.")
          + ", d.revision, d.is_initial, d.process_instance_id, d.execution_id, d.act_inst_id,"
          + " d.proc_def_id, d.proc_def_key, d.root_process_instance_id, d.tenant_id, d.task_id,"
          + " d.detail_time, d.removal_time";

  private final Database database;
  private final Clock clock;
  private final Authorizer authorizer = new Authorizer();

  public HistoricDetailService(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  public HistoricDetailQuery createQuery() {
    return new HistoricDetailQuery();
  }

  public List<HistoricDetail> list(Caller caller, HistoricDetailQuery query, Page page) {
    restrict(caller, query);
    return database.withHandle(
        handle ->
            query.filters().list(handle, COLUMNS, HistoricDetailService::map, clock.instant(), page));
  }

  public long count(Caller caller, HistoricDetailQuery query) {
    restrict(caller, query);
    return database.withHandle(handle -> query.filters().count(handle, clock.instant()));
  }

  /**
   * A detail by id.
   *
   * @throws NotFoundException if there is none the caller may read
   */
  public HistoricDetail get(Caller caller, String id) {
    HistoricDetailQuery query = createQuery();
    query.filters().restrict(bind -> "d.id = " + bind.apply(id));
    return list(caller, query, new Page(0, 1)).stream()
        .findFirst()
        .orElseThrow(
            () -> new NotFoundException("Historic detail with Id '" + id + "' does not exist."));
  }

  /** {@link #get} with the bytes of a Bytes or File value. */
  public HistoricDetail data(Caller caller, String id) {
    HistoricDetail detail = get(caller, id);
    TypedValue value = detail.variable().value();
    if (!value.type().binary() || value.value() != null) {
      return detail;
    }
    byte[] bytes = database.withHandle(h -> HistoricDetailStore.bytes(h, id)).orElse(null);
    return new HistoricDetail(
        detail.id(),
        detail.type(),
        new HistoricDetail.Variable(
            detail.variable().instanceId(),
            detail.variable().name(),
            new TypedValue(value.type(), bytes, value.valueInfo())),
        detail.revision(),
        detail.initial(),
        detail.owner(),
        detail.time(),
        detail.removalTime());
  }

  private void restrict(Caller caller, HistoricDetailQuery query) {
    query.filters().restrict(authorizer.historyReadable(caller, "d"));
  }

  private static HistoricDetail map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new HistoricDetail(
        rs.getString("id"),
        rs.getString("detail_type"),
        new HistoricDetail.Variable(
            rs.getString("variable_instance_id"), rs.getString("name"), VariableStore.read(rs)),
        rs.getInt("revision"),
        rs.getBoolean("is_initial"),
        new HistoricDetail.Owner(
            rs.getString("process_instance_id"),
            rs.getString("execution_id"),
            rs.getString("act_inst_id"),
            rs.getString("proc_def_id"),
            rs.getString("proc_def_key"),
            rs.getString("root_process_instance_id"),
            rs.getString("tenant_id"),
            rs.getString("task_id")),
        Rows.instant(rs, "detail_time"),
        Rows.instant(rs, "removal_time"));
  }
}
