package dev.tern.engine.runtime;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.ReadService;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.Rows;
import dev.tern.engine.query.Listing;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reads of Camunda's historic details ({@code tern_hi_detail}, written by {@link VariableStore}):
 * what the caller may read is what {@code READ_HISTORY} on the process definition allows, as for
 * variable history.
 */
public final class HistoricDetailService
    extends ReadService<HistoricDetailQuery, HistoricDetail> {

  private static final String COLUMNS =
      "d.id, d.detail_type, d.variable_instance_id, d.name, "
          + VariableStore.VALUE_COLUMNS.replace("v.", "d.")
          + ", d.revision, d.is_initial, d.process_instance_id, d.execution_id, d.act_inst_id,"
          + " d.proc_def_id, d.proc_def_key, d.root_process_instance_id, d.tenant_id, d.task_id,"
          + " d.detail_time, d.removal_time";

  private final Database database;

  public HistoricDetailService(Database database, Clock clock) {
    super(
        new Listing<>(database, clock, COLUMNS, HistoricDetailService::map),
        HistoricDetailQuery::new,
        id -> "Historic detail with Id '" + id + "' does not exist.");
    this.database = database;
  }

  /** {@link #get} with the bytes of a Bytes or File value. */
  public HistoricDetail data(Caller caller, String id) {
    HistoricDetail detail = get(caller, id);
    return detail.withValue(
        VariableInstanceService.withBytes(
            database, detail.variable().value(), h -> HistoricDetailStore.bytes(h, id)));
  }

  private static HistoricDetail map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new HistoricDetail(
        rs.getString("id"),
        rs.getString("detail_type"),
        new HistoricDetail.Variable(
            rs.getString("variable_instance_id"), rs.getString("name"), VariableStore.read(rs)),
        rs.getInt("revision"),
        rs.getBoolean("is_initial"),
        HistoricVariableInstance.Owner.read(rs),
        rs.getString("task_id"),
        Rows.instant(rs, "detail_time"),
        Rows.instant(rs, "removal_time"));
  }
}
