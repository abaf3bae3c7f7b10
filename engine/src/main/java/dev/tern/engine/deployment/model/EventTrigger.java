package dev.tern.engine.deployment.model;

/**
 * The message or signal an event waits for.
 *
 * @param name the message or signal name; may hold {@code ${…}} (resolved when a token subscribes)
 */
public record EventTrigger(Type type, String name) {

  public enum Type {
    MESSAGE("message", "Message"),
    SIGNAL("signal", "Signal");

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
}
