package dev.tern.engine.runtime;

import dev.tern.engine.persistence.RecordMapper;
import dev.tern.engine.persistence.Rows;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for reading and locking rows of {@code tern_process_instance} (they are written by {@link
 * ExecutionStore}). Every method runs in the caller's transaction.
 */
final class ProcessInstanceStore {

  static final RowMapper<RuntimeProcessInstance> MAPPER =
      RecordMapper.of(RuntimeProcessInstance.class, ProcessInstanceQuery.COLUMNS);

  public Optional<RuntimeProcessInstance> find(Handle handle, String id) {
    return Rows.findById(
        handle, "tern_process_instance pi", ProcessInstanceQuery.COLUMNS, MAPPER, id);
  }

  /** Locks the instance row for the rest of the transaction; empty if it does not exist. */
  public Optional<RuntimeProcessInstance> lock(Handle handle, String id) {
    return Rows.findForUpdate(
        handle, "tern_process_instance pi", ProcessInstanceQuery.COLUMNS, MAPPER, id);
  }
}
