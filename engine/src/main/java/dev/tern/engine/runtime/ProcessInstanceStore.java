package dev.tern.engine.runtime;

import dev.tern.engine.persistence.Dialect;
import dev.tern.engine.query.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for reading and locking rows of {@code tern_process_instance} (they are written by {@link
 * ExecutionStore}). Every method runs in the caller's transaction.
 */
final class ProcessInstanceStore {

  private final Dialect dialect;

  public ProcessInstanceStore(Dialect dialect) {
    this.dialect = dialect;
  }

  public Optional<RuntimeProcessInstance> find(Handle handle, String id) {
    return handle
        .createQuery(
            "SELECT "
                + ProcessInstanceQuery.COLUMNS
                + " FROM tern_process_instance pi WHERE pi.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /** Locks the instance row for the rest of the transaction; empty if it does not exist. */
  public Optional<RuntimeProcessInstance> lock(Handle handle, String id) {
    return handle
        .createQuery(
            "SELECT "
                + ProcessInstanceQuery.COLUMNS
                + " FROM tern_process_instance pi WHERE pi.id = :id FOR UPDATE")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  public List<RuntimeProcessInstance> list(
      Handle handle, ProcessInstanceQuery query, Page page) {
    return query.filters().list(handle, dialect, ProcessInstanceQuery.COLUMNS, (rs, ctx) -> map(rs), null, page);
  }

  public long count(Handle handle, ProcessInstanceQuery query) {
    return query.filters().count(handle, dialect, null);
  }

  private static RuntimeProcessInstance map(ResultSet rs) throws SQLException {
    OffsetDateTime start = rs.getObject("start_time", OffsetDateTime.class);
    return new RuntimeProcessInstance(
        rs.getString("id"),
        rs.getString("proc_def_id"),
        rs.getString("proc_def_key"),
        rs.getString("business_key"),
        rs.getString("tenant_id"),
        rs.getBoolean("suspended"),
        start == null ? null : start.toInstant(),
        rs.getString("start_user_id"),
        rs.getString("super_process_instance_id"),
        rs.getString("root_process_instance_id"));
  }
}
