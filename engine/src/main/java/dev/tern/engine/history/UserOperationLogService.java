package dev.tern.engine.history;

import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.ListingService;
import dev.tern.engine.authorization.Permission;
import dev.tern.engine.authorization.Resource;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.query.Listing;
import dev.tern.engine.authorization.ReadableRows;

/** Reads the user operation log. */
public final class UserOperationLogService
    extends ListingService<UserOperationLogQuery, UserOperationLogEntry> {

  private static final Authorizer AUTHORIZER = new Authorizer();

  /**
   * Lists the entries a caller may read, as Camunda 7.24 decides: {@code READ_HISTORY} on the
   * entry's process definition (by key) or {@code READ} on its operation log category.
   */
  public UserOperationLogService(Database database) {
    // no filter of the operation log depends on the current time
    super(
        new ReadableRows<>(
            new Listing<>(database, UserOperationLogStore.COLUMNS, UserOperationLogStore.MAPPER),
            caller ->
                AUTHORIZER.readable(
                    caller,
                    "tern_hi_op_log.tenant_id",
                    new Authorizer.RowCheck(
                        Permission.READ_HISTORY,
                        Resource.PROCESS_DEFINITION,
                        "tern_hi_op_log.proc_def_key"),
                    new Authorizer.RowCheck(
                        Permission.READ, Resource.OPERATION_LOG_CATEGORY, "tern_hi_op_log.category"))));
  }
}
