package dev.tern.engine.runtime;

import java.util.Map;

/**
 * The variables an execution or a task sees in expressions and delegates, as Camunda's {@code
 * VariableScope}: its local ones first, then those of the scope around it (the process instance's).
 */
public interface VariableScope {

  /** A local variable, else one of the surrounding scope; null when unknown. */
  Object getVariable(String name);

  boolean hasVariable(String name);

  /** All variables visible here; locals hide the surrounding scope's of the same name. */
  Map<String, Object> getVariables();

  /**
   * Sets the local variable of that name if there is one, else the surrounding scope's (created if
   * new), as Camunda's {@code setVariable} does.
   */
  void setVariable(String name, Object value);

  Object getVariableLocal(String name);

  /** Sets a local variable: it ends with its scope (the activity, the task). */
  void setVariableLocal(String name, Object value);
}
