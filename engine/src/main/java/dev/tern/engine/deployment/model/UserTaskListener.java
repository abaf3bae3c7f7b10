package dev.tern.engine.deployment.model;

import java.util.Set;

/**
 * A {@code camunda:taskListener} of a user task: work done when its task is created, assigned,
 * updated, completed or deleted.
 *
 * @param event one of {@link #EVENTS}
 * @param implementation an expression or a delegate expression
 */
public record UserTaskListener(String event, ServiceImplementation implementation) {
  public static final String CREATE = "create";
  public static final String ASSIGNMENT = "assignment";
  public static final String UPDATE = "update";
  public static final String COMPLETE = "complete";
  public static final String DELETE = "delete";
  public static final String TIMEOUT = "timeout";

  /** The events Tern fires ({@code timeout} is refused at deployment). */
  public static final Set<String> EVENTS = Set.of(CREATE, ASSIGNMENT, UPDATE, COMPLETE, DELETE);
}
