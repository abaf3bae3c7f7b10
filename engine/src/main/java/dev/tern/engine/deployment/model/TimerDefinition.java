package dev.tern.engine.deployment.model;

/**
 * A timer's definition: an ISO-8601 date, duration or cycle, possibly written as an expression.
 */
public record TimerDefinition(Type type, String expression) {
  public enum Type {
    DATE,
    DURATION,
    CYCLE
  }
}
