package dev.tern.engine.history;

import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.Permission;
import dev.tern.engine.authorization.Resource;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.query.Listing;
import dev.tern.engine.authorization.ReadableRows;
import java.util.List;

/** Reads the user operation log. */
public final class UserOperationLogService {

  // no filter of the operation log depends on the current time
  private final Authorizer authorizer = new Authorizer();

  /**
   * The entries a caller may read, as Camunda 7.24 decides: {@code READ_HISTORY} on the entry's
   * process definition (by key) or {@code READ} on its operation log category.
   */
  private final ReadableRows<UserOperationLogEntry> rows;

  public UserOperationLogService(Database database) {
    this.rows =
        new ReadableRows<>(
            new Listing<>(database, UserOperationLogStore.COLUMNS, UserOperationLogStore.MAPPER),
            caller ->
                authorizer.readable(
                    caller,
                    "tern_hi_op_log.tenant_id",
                    new Authorizer.RowCheck(
                        Permission.READ_HISTORY,
                        Resource.PROCESS_DEFINITION,
                        "tern_hi_op_log.proc_def_key"),
                    new Authorizer.RowCheck(
                        Permission.READ, Resource.OPERATION_LOG_CATEGORY, "tern_hi_op_log.category")));
  }

  /** The entries the caller may read. */
  public List<UserOperationLogEntry> list(
      Caller caller, UserOperationLogQuery query, int firstResult, int maxResults) {
    return rows.list(caller, query, firstResult, maxResults);
  }

  public long count(Caller caller, UserOperationLogQuery query) {
    return rows.count(caller, query);
  }
}
