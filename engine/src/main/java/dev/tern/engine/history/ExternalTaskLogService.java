package dev.tern.engine.history;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.ListingService;
import dev.tern.engine.authorization.ReadableRows;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.query.Listing;
import java.time.Clock;

/**
 * The engine API for the external task log. A caller sees the entries of the process definitions
 * it has {@code READ_HISTORY} on, as Camunda filters its historic queries.
 */
public final class ExternalTaskLogService
    extends ListingService<HistoricExternalTaskLogQuery, HistoricExternalTaskLog> {

  private static final Authorizer AUTHORIZER = new Authorizer();

  private final Database database;

  public ExternalTaskLogService(Database database, Clock clock) {
    super(
        new ReadableRows<>(
            new Listing<>(database, clock, ExternalTaskLogStore.COLUMNS, ExternalTaskLogStore.MAPPER),
            caller -> AUTHORIZER.historyReadable(caller, "l")));
    this.database = database;
  }

  public HistoricExternalTaskLogQuery createQuery() {
    return new HistoricExternalTaskLogQuery();
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
}
