package dev.tern.engine.deployment.model;

import java.util.List;

/**
 * The message, signal or condition an event waits for.
 *
 * @param name the message or signal name; may hold {@code ${…}} (resolved when a token subscribes);
 *     null for a condition
 * @param condition the condition of a conditional event, else null
 */
public record EventTrigger(Type type, String name, Condition condition) {

  public EventTrigger(Type type, String name) {
    this(type, name, null);
  }

  public enum Type {
    MESSAGE("message", "Message"),
    SIGNAL("signal", "Signal"),
    CONDITIONAL("conditional", "Conditional");

    private final String subscriptionType;
    private final String activityTypeWord;

    Type(String subscriptionType, String activityTypeWord) {
      this.subscriptionType = subscriptionType;
      this.activityTypeWord = activityTypeWord;
    }

    /** Camunda's event subscription type ({@code message}, {@code signal}). */
    public String subscriptionType() {
      return subscriptionType;
    }

    /** The word in Camunda's activity types, e.g. {@code intermediate}+{@code Message}+{@code Catch}. */
    public String activityTypeWord() {
      return activityTypeWord;
    }
  }

  public static EventTrigger message(String name) {
    return new EventTrigger(Type.MESSAGE, name);
  }

  public static EventTrigger signal(String name) {
    return new EventTrigger(Type.SIGNAL, name);
  }

  public static EventTrigger conditional(Condition condition) {
    return new EventTrigger(Type.CONDITIONAL, null, condition);
  }

  /**
   * A conditional event's condition with Camunda's filters: only changes of {@code variableName}
   * (any variable when null) by one of {@code variableEvents} ({@code create}, {@code update},
   * {@code delete}; all when empty) evaluate it again.
   */
  public record Condition(String expression, String variableName, List<String> variableEvents) {

    public Condition {
      variableEvents = List.copyOf(variableEvents);
    }

    /** Whether a change of {@code variable} by {@code event} makes the condition evaluated. */
    public boolean reactsTo(String variable, String event) {
      return (variableName == null || variableName.equals(variable))
          && (variableEvents.isEmpty() || variableEvents.contains(event));
    }
  }
}
