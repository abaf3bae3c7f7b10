package dev.tern.engine.event;

import dev.tern.engine.query.DeclaredQuery;
import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.QueryDefinition;

/** Selects event subscriptions with the filters of Camunda's {@code GET /event-subscription}. */
public final class EventSubscriptionQuery extends DeclaredQuery<EventSubscriptionQuery> {

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_event_subscription s", "s.id")
          .equal("eventSubscriptionId", "s.id")
          .equalColumns("eventName", "eventType", "executionId", "processInstanceId", "activityId")
          .tenants("s.tenant_id", "includeEventSubscriptionsWithoutTenantId")
          .sort("created", "s.created")
          .sortable("tenantId")
          .build();

  public EventSubscriptionQuery() {
    super(new FilterQuery(DEFINITION), "es");
  }

  public EventSubscriptionQuery processInstanceId(String id) {
    filters().set("processInstanceId", id);
    return this;
  }

  public EventSubscriptionQuery eventType(String type) {
    filters().set("eventType", type);
    return this;
  }

  public EventSubscriptionQuery eventName(String name) {
    filters().set("eventName", name);
    return this;
  }
}
