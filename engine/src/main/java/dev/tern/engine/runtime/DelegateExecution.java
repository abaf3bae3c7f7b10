package dev.tern.engine.runtime;


/**
 * The token a service task or expression runs on: its process instance, the current activity, and
 * the variables it sees (the activity's local input parameters first, then the process variables).
 * Reachable in expressions as {@code execution}. Its local variables are the current activity's
 * input parameters.
 */
public interface DelegateExecution extends VariableScope {

  /** The execution (token) id. */
  String getId();

  String getProcessInstanceId();

  String getBusinessKey();

  /** Camunda's name for {@link #getBusinessKey()}. */
  String getProcessBusinessKey();

  String getProcessDefinitionId();

  String getTenantId();

  String getActivityId();

  /** Camunda's name for {@link #getActivityId()}. */
  String getCurrentActivityId();

  String getCurrentActivityName();
}
