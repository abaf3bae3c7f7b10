package dev.tern.rest.message;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.event.EventSubscription;
import dev.tern.engine.event.EventSubscriptionQuery;
import dev.tern.engine.event.EventSubscriptionService;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.support.Paging;
import dev.tern.rest.support.QueryRequests;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Set;

/** Camunda's {@code GET /event-subscription} and its count. */
public final class EventSubscriptionResource implements RestResource {

  private final EventSubscriptionService subscriptions;

  public EventSubscriptionResource(ProcessEngine engine) {
    this.subscriptions = engine.eventSubscriptionService();
  }

  /** Camunda's {@code EventSubscriptionDto}. */
  record EventSubscriptionDto(
      String id,
      String eventType,
      String eventName,
      String executionId,
      String processInstanceId,
      String activityId,
      Instant createdDate,
      String tenantId) {

    static EventSubscriptionDto of(EventSubscription s) {
      return new EventSubscriptionDto(
          s.id(),
          s.eventType(),
          s.eventName(),
          s.executionId(),
          s.processInstanceId(),
          s.activityId(),
          s.created(),
          s.tenantId());
    }
  }

  @Override
  public void addRoutes(Routes routes) {
    routes.get("/event-subscription", this::list).get("/event-subscription/count", this::count);
  }

  private EventSubscriptionQuery query(Context ctx) {
    EventSubscriptionQuery query = subscriptions.createEventSubscriptionQuery();
    QueryRequests.fill(ctx, query.filters(), Set.of());
    return query;
  }

  private void list(Context ctx) {
    EventSubscriptionQuery query = query(ctx);
    Paging paging = QueryRequests.paging(ctx);
    ctx.json(
        subscriptions.list(query, paging.firstResult(), paging.maxResults()).stream()
            .map(EventSubscriptionDto::of)
            .toList());
  }

  private void count(Context ctx) {
    Responses.count(ctx, subscriptions.count(query(ctx)));
  }
}
