package dev.tern.engine.history;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.Permission;
import dev.tern.engine.authorization.Resource;
import dev.tern.engine.persistence.Database;
import java.time.Clock;
import java.util.List;

/**
 * The engine API for the external task log. A caller sees the entries of the process definitions
 * it has {@code READ_HISTORY} on, as Camunda filters its historic queries.
 */
public final class ExternalTaskLogService {

  private final Database database;
  private final Clock clock;
  private final Authorizer authorizer = new Authorizer();

  public ExternalTaskLogService(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  public HistoricExternalTaskLogQuery createQuery() {
    return new HistoricExternalTaskLogQuery();
  }

  public List<HistoricExternalTaskLog> list(
      Caller caller, HistoricExternalTaskLogQuery query, int firstResult, int maxResults) {
    readable(caller, query);
    return database.withHandle(
        h ->
            query
                .filters()
                .list(
                    h,
                    ExternalTaskLogStore.COLUMNS,
                    ExternalTaskLogStore::map,
                    clock.instant(),
                    firstResult,
                    maxResults));
  }

  public long count(Caller caller, HistoricExternalTaskLogQuery query) {
    readable(caller, query);
    return database.withHandle(h -> query.filters().count(h, clock.instant()));
  }

  /** One entry, if the caller may read it. */
  public HistoricExternalTaskLog get(Caller caller, String id) {
    HistoricExternalTaskLogQuery query = createQuery();
    query.filters().set("logId", id);
    return list(caller, query, 0, 1).stream()
        .findFirst()
        .orElseThrow(
            () ->
                new NotFoundException(
                    "InvalidRequestException",
                    "Historic external task log with id " + id + " does not exist"));
  }

  /** The error details of a failure entry; null when it has none. */
  public String errorDetails(Caller caller, String id) {
    HistoricExternalTaskLogQuery query = createQuery();
    query.filters().set("logId", id);
    if (count(caller, query) == 0) {
      throw new NotFoundException(
          "InvalidRequestException",
          "No historic external task log found with id "
              + id
              + ": historicExternalTaskLog is null");
    }
    return database.withHandle(h -> ExternalTaskLogStore.errorDetails(h, id));
  }

  private void readable(Caller caller, HistoricExternalTaskLogQuery query) {
    query
        .filters()
        .restrict(
            authorizer.readable(
                caller,
                "l.tenant_id",
                new Authorizer.RowCheck(
                    Permission.READ_HISTORY, Resource.PROCESS_DEFINITION, "l.proc_def_key")));
  }
}
