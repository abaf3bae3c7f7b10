package dev.tern.engine.deployment.model;

/**
 * A {@code camunda:executionListener}: work done when a node starts or ends, a sequence flow is
 * taken, or the process starts or ends.
 *
 * @param event {@link #START}, {@link #END} or {@link #TAKE}
 * @param implementation an expression, a delegate expression or a class (as for service tasks)
 */
public record ExecutionListener(String event, ServiceImplementation implementation) {
  public static final String START = "start";
  public static final String END = "end";
  public static final String TAKE = "take";
}
