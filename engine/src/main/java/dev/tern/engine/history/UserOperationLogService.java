package dev.tern.engine.history;

import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.Permission;
import dev.tern.engine.authorization.Resource;
import dev.tern.engine.persistence.Database;
import java.util.List;

/** Reads the user operation log. */
public final class UserOperationLogService {

  private final Database database;
  private final UserOperationLogStore store = new UserOperationLogStore();
  private final Authorizer authorizer = new Authorizer();

  public UserOperationLogService(Database database) {
    this.database = database;
  }

  public List<UserOperationLogEntry> list(
      UserOperationLogQuery query, int firstResult, int maxResults) {
    return database.withHandle(handle -> store.list(handle, query, firstResult, maxResults));
  }

  /**
   * The entries the caller may read, as Camunda 7.24 decides: {@code READ_HISTORY} on the entry's
   * process definition (by key) or {@code READ} on its operation log category.
   */
  public List<UserOperationLogEntry> list(
      Caller caller, UserOperationLogQuery query, int firstResult, int maxResults) {
    return list(readable(caller, query), firstResult, maxResults);
  }

  public long count(Caller caller, UserOperationLogQuery query) {
    return count(readable(caller, query));
  }

  private UserOperationLogQuery readable(Caller caller, UserOperationLogQuery query) {
    query
        .filters()
        .restrict(
            authorizer.readable(
                caller,
                "tern_hi_op_log.tenant_id",
                new Authorizer.RowCheck(
                    Permission.READ_HISTORY, Resource.PROCESS_DEFINITION, "tern_hi_op_log.proc_def_key"),
                new Authorizer.RowCheck(
                    Permission.READ, Resource.OPERATION_LOG_CATEGORY, "tern_hi_op_log.category")));
    return query;
  }

  public long count(UserOperationLogQuery query) {
    return database.withHandle(handle -> store.count(handle, query));
  }
}
