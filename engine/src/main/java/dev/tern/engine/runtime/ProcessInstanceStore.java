package dev.tern.engine.runtime;

import java.sql.ResultSet;
import java.sql.SQLException;
import dev.tern.engine.persistence.Rows;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL for reading and locking rows of {@code tern_process_instance} (they are written by {@link
 * ExecutionStore}). Every method runs in the caller's transaction.
 */
final class ProcessInstanceStore {

  public Optional<RuntimeProcessInstance> find(Handle handle, String id) {
    return Rows.findById(
        handle, "tern_process_instance pi", ProcessInstanceQuery.COLUMNS, ProcessInstanceStore::map, id);
  }

  /** Locks the instance row for the rest of the transaction; empty if it does not exist. */
  public Optional<RuntimeProcessInstance> lock(Handle handle, String id) {
    return handle
        .createQuery(
            "SELECT "
                + ProcessInstanceQuery.COLUMNS
                + " FROM tern_process_instance pi WHERE pi.id = :id FOR UPDATE")
        .bind("id", id)
        .map(ProcessInstanceStore::map)
        .findOne();
  }

  static RuntimeProcessInstance map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new RuntimeProcessInstance(
        rs.getString("id"),
        rs.getString("proc_def_id"),
        rs.getString("proc_def_key"),
        rs.getString("business_key"),
        rs.getString("tenant_id"),
        rs.getBoolean("suspended"),
        Rows.instant(rs, "start_time"),
        rs.getString("start_user_id"),
        rs.getString("super_process_instance_id"),
        rs.getString("root_process_instance_id"));
  }
}
