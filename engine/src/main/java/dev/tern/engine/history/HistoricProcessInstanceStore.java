package dev.tern.engine.history;

import static dev.tern.engine.persistence.Rows.instant;

import dev.tern.engine.persistence.Dialect;
import dev.tern.engine.query.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads {@code tern_hi_process_instance}. Every method runs in the caller's transaction. */
final class HistoricProcessInstanceStore {

  private final Dialect dialect;

  public HistoricProcessInstanceStore(Dialect dialect) {
    this.dialect = dialect;
  }

  public Optional<HistoricProcessInstance> find(Handle handle, String id) {
    return handle
        .createQuery(
            "SELECT "
                + HistoricProcessInstanceQuery.COLUMNS
                + " FROM tern_hi_process_instance hpi WHERE hpi.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  public List<HistoricProcessInstance> list(
      Handle handle, HistoricProcessInstanceQuery query, Page page) {
    return query.filters().list(handle, dialect, HistoricProcessInstanceQuery.COLUMNS, (rs, ctx) -> map(rs), null, page);
  }

  public long count(Handle handle, HistoricProcessInstanceQuery query) {
    return query.filters().count(handle, dialect, null);
  }

  private static HistoricProcessInstance map(ResultSet rs) throws SQLException {
    int version = rs.getInt("proc_def_version");
    Integer definitionVersion = rs.wasNull() ? null : version;
    long duration = rs.getLong("duration_ms");
    Long durationMs = rs.wasNull() ? null : duration;
    return new HistoricProcessInstance(
        rs.getString("id"),
        rs.getString("business_key"),
        rs.getString("proc_def_id"),
        rs.getString("proc_def_key"),
        rs.getString("proc_def_name"),
        definitionVersion,
        rs.getString("deployment_id"),
        instant(rs, "start_time"),
        instant(rs, "end_time"),
        instant(rs, "removal_time"),
        durationMs,
        rs.getString("start_user_id"),
        rs.getString("start_activity_id"),
        rs.getString("end_activity_id"),
        rs.getString("super_process_instance_id"),
        rs.getString("root_process_instance_id"),
        rs.getString("delete_reason"),
        rs.getString("tenant_id"),
        rs.getString("state"));
  }
}
