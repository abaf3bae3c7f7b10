package dev.tern.engine.runtime;

import java.util.Map;

/**
 * The token a service task or expression runs on: its process instance, the current activity, and
 * the variables it sees (the activity's local input parameters first, then the process variables).
 * Reachable in expressions as {@code execution}.
 */
public interface DelegateExecution {

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

  /** A local (input parameter) or process variable; null when unknown. */
  Object getVariable(String name);

  boolean hasVariable(String name);

  /** All variables visible here; locals hide process variables of the same name. */
  Map<String, Object> getVariables();

  /**
   * Sets a variable: a local of the current activity if one of that name exists, otherwise a
   * process variable (created if new), as Camunda's {@code setVariable} does.
   */
  void setVariable(String name, Object value);

  Object getVariableLocal(String name);

  /** Sets a local variable of the current activity; it ends with the activity. */
  void setVariableLocal(String name, Object value);
}
