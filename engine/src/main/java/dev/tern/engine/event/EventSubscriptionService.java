package dev.tern.engine.event;

import dev.tern.engine.persistence.Database;
import java.time.Clock;
import java.util.List;

/** Reads event subscriptions ({@code GET /event-subscription}). */
public final class EventSubscriptionService {

  private final Database database;
  private final Clock clock;

  public EventSubscriptionService(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  public EventSubscriptionQuery createEventSubscriptionQuery() {
    return new EventSubscriptionQuery();
  }

  public List<EventSubscription> list(EventSubscriptionQuery query, int firstResult, int maxResults) {
    return database.withHandle(
        handle ->
            query
                .filters()
                .list(
                    handle,
                    EventSubscriptionStore.prefixed("s"),
                    EventSubscriptionStore::map,
                    clock.instant(),
                    firstResult,
                    maxResults));
  }

  public long count(EventSubscriptionQuery query) {
    return database.withHandle(handle -> query.filters().count(handle, clock.instant()));
  }
}
