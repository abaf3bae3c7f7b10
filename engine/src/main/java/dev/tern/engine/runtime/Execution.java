package dev.tern.engine.runtime;

/**
 * An execution as Camunda's REST shows it: a process instance (its root execution, {@link
 * #isProcessInstance()}) or one of its resting tokens.
 *
 * @param activityId where the token rests; null for the root execution
 */
public record Execution(
    String id,
    String processInstanceId,
    String activityId,
    String processDefinitionId,
    String tenantId) {

  public boolean isProcessInstance() {
    return id.equals(processInstanceId);
  }
}
