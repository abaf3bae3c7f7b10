package dev.tern.engine.runtime;

import dev.tern.engine.event.EventSubscription;
import dev.tern.engine.event.EventSubscriptionStore;
import dev.tern.engine.event.SubscribedTokens;
import dev.tern.engine.query.FilterQuery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Who receives a signal: the subscribed tokens of active instances, then the signal start events,
 * limited by tenant as Camunda limits them.
 */
final class SignalReceivers {

  /** Which tenants' subscriptions a signal reaches. */
  record Tenants(Mode mode, String tenantId) {
    enum Mode {
      ANY,
      EXACTLY,
      NONE,
      SAME_OR_NONE
    }

    static final Tenants ANY = new Tenants(Mode.ANY, null);

    /** A signal thrown in an instance reaches its tenant and no tenant; without one, every tenant. */
    static Tenants ofThrower(String tenantId) {
      return tenantId == null ? ANY : new Tenants(Mode.SAME_OR_NONE, tenantId);
    }

    boolean admits(String subscriptionTenant) {
      return switch (mode) {
        case ANY -> true;
        case EXACTLY -> Objects.equals(tenantId, subscriptionTenant);
        case NONE -> subscriptionTenant == null;
        case SAME_OR_NONE -> subscriptionTenant == null || tenantId.equals(subscriptionTenant);
      };
    }
  }

  private final EventSubscriptionStore subscriptions;
  private final Clock clock;

  SignalReceivers(EventSubscriptionStore subscriptions, Clock clock) {
    this.subscriptions = subscriptions;
    this.clock = clock;
  }

  /**
   * @param executionId only this token's subscription (null: every token)
   */
  List<EventSubscription> find(Handle handle, String name, String executionId, Tenants tenants) {
    FilterQuery query = new FilterQuery(SubscribedTokens.DEFINITION);
    query.set("eventType", EventSubscription.SIGNAL);
    query.set("eventName", name);
    query.set("active", true);
    query.set("executionId", executionId);
    switch (tenants.mode()) {
      case EXACTLY -> query.set("tenantId", tenants.tenantId());
      case NONE -> query.set("withoutTenantId", true);
      case SAME_OR_NONE -> query.set("tenantIdOrNone", tenants.tenantId());
      case ANY -> {}
    }
    List<EventSubscription> receivers = new ArrayList<>(subscriptions.find(handle, query, clock.instant()));
    if (executionId == null) {
      for (EventSubscription start :
          subscriptions.findStartSubscriptions(handle, EventSubscription.SIGNAL, name)) {
        if (tenants.admits(start.tenantId())) {
          receivers.add(start);
        }
      }
    }
    return receivers;
  }
}
