package dev.tern.engine.event;

import dev.tern.engine.persistence.Database;
import dev.tern.engine.query.Listing;
import java.time.Clock;
import java.util.List;

/** Reads event subscriptions ({@code GET /event-subscription}). */
public final class EventSubscriptionService {

  private final Listing<EventSubscription> rows;

  public EventSubscriptionService(Database database, Clock clock) {
    this.rows =
        new Listing<>(
            database, clock, EventSubscriptionStore.prefixed("s"), EventSubscriptionStore::map);
  }

  public EventSubscriptionQuery createEventSubscriptionQuery() {
    return new EventSubscriptionQuery();
  }

  public List<EventSubscription> list(EventSubscriptionQuery query, int firstResult, int maxResults) {
    return rows.list(query.filters(), firstResult, maxResults);
  }

  public long count(EventSubscriptionQuery query) {
    return rows.count(query.filters());
  }
}
