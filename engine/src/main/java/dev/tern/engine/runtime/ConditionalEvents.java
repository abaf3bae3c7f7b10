package dev.tern.engine.runtime;

import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.deployment.model.EventTrigger;
import dev.tern.engine.deployment.model.FlowNode;
import dev.tern.engine.deployment.model.NodeKind;
import dev.tern.engine.deployment.model.ProcessModel;
import dev.tern.engine.el.Expressions;
import dev.tern.engine.el.VariableSource;
import dev.tern.engine.event.EventSubscription;
import java.util.List;

/**
 * The conditions of conditional events (intermediate catch, boundary, event sub-process start) as
 * their subscriptions name them: which variable changes make one evaluated again, and whether it
 * holds.
 */
final class ConditionalEvents {

  private final Expressions expressions;

  ConditionalEvents(Expressions expressions) {
    this.expressions = expressions;
  }

  /** Whether one of the changes passes the condition's variable name and event filters. */
  static boolean reactsTo(ProcessModel model, EventSubscription subscription, List<VariableChange> changes) {
    EventTrigger.Condition condition = conditionOf(model, subscription.activityId());
    return condition != null
        && changes.stream().anyMatch(c -> condition.reactsTo(c.name(), c.event()));
  }

  /** Evaluates the subscription's condition; a result other than a Boolean is an error. */
  boolean holds(ProcessModel model, EventSubscription subscription, VariableSource scope) {
    EventTrigger.Condition condition = conditionOf(model, subscription.activityId());
    Object value = expressions.evaluate(condition.expression(), scope);
    return requireBoolean(
        value, condition.expression(), "of conditional event '" + subscription.activityId() + "'");
  }

  /** A condition's result, which must be a Boolean (Camunda's error otherwise). */
  static boolean requireBoolean(Object value, String expression, String where) {
    if (value instanceof Boolean result) {
      return result;
    }
    throw new ProcessEngineException(
        "condition expression returns non-Boolean: "
            + (value == null ? "null" : "result has class " + value.getClass().getName())
            + " and not java.lang.Boolean (expression "
            + expression
            + " "
            + where
            + ")");
  }

  private static EventTrigger.Condition conditionOf(ProcessModel model, String activityId) {
    FlowNode eventSubProcess = model.eventSubProcessStartedAt(activityId);
    NodeKind kind = (eventSubProcess != null ? eventSubProcess : model.node(activityId)).kind();
    EventTrigger trigger =
        kind instanceof NodeKind.EventCatchEvent c
            ? c.trigger()
            : kind instanceof NodeKind.BoundaryTriggerEvent b
                ? b.trigger()
                : kind instanceof NodeKind.EventSubProcess e
                    ? e.trigger()
                    : kind instanceof NodeKind.EventStartEvent start ? start.trigger() : null;
    return trigger == null ? null : trigger.condition();
  }
}
