package dev.tern.engine.history;

import dev.tern.engine.persistence.Database;
import java.util.List;

/** Reads the user operation log. */
public final class UserOperationLogService {

  private final Database database;
  private final UserOperationLogStore store = new UserOperationLogStore();

  public UserOperationLogService(Database database) {
    this.database = database;
  }

  public List<UserOperationLogEntry> list(
      UserOperationLogQuery query, int firstResult, int maxResults) {
    return database.withHandle(handle -> store.list(handle, query, firstResult, maxResults));
  }

  public long count(UserOperationLogQuery query) {
    return database.withHandle(handle -> store.count(handle, query));
  }
}
