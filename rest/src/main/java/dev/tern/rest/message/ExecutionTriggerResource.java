package dev.tern.rest.message;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.runtime.ExecutionTriggers;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.message.EventSubscriptionResource.EventSubscriptionDto;
import dev.tern.rest.runtime.VariableValueDto;
import dev.tern.rest.runtime.VariableValues;
import dev.tern.rest.support.JsonBodies;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Triggers one execution: {@code POST /execution/{id}/signal}, and its message subscriptions
 * ({@code GET /execution/{id}/messageSubscriptions/{messageName}}, {@code POST …/trigger}). Camunda
 * answers an unknown execution, one that cannot be signalled or has no such subscription with 500;
 * Tern with 400 and the same message, as every client mistake.
 */
public final class ExecutionTriggerResource implements RestResource {

  /** Camunda's {@code ExecutionTriggerDto}; a missing body means no variables. */
  record TriggerBody(Map<String, VariableValueDto> variables) {}

  private final ExecutionTriggers triggers;

  public ExecutionTriggerResource(ProcessEngine engine) {
    this.triggers = engine.executionTriggers();
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .post("/execution/{id}/signal", this::signal)
        .get("/execution/{id}/messageSubscriptions/{messageName}", this::subscription)
        .post("/execution/{id}/messageSubscriptions/{messageName}/trigger", this::trigger);
  }

  private void signal(Context ctx) {
    String id = ctx.pathParam("id");
    triggers.signal(Callers.of(ctx), id, variables(ctx, "Cannot signal execution " + id));
    Responses.noContent(ctx);
  }

  private void subscription(Context ctx) {
    ctx.json(
        EventSubscriptionDto.of(
            triggers.messageSubscription(
                Callers.of(ctx), ctx.pathParam("id"), ctx.pathParam("messageName"))));
  }

  private void trigger(Context ctx) {
    String id = ctx.pathParam("id");
    String message = ctx.pathParam("messageName");
    triggers.triggerMessage(
        Callers.of(ctx),
        id,
        message,
        variables(ctx, "Cannot trigger message " + message + " for execution " + id));
    Responses.noContent(ctx);
  }

  private static Map<String, TypedValue> variables(Context ctx, String refusalPrefix) {
    TriggerBody body = JsonBodies.readOr(ctx, TriggerBody.class, () -> new TriggerBody(null));
    return VariableValues.toTyped(body.variables(), refusalPrefix);
  }
}
