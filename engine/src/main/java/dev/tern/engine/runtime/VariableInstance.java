package dev.tern.engine.runtime;

/**
 * A row of {@code tern_variable} as Camunda's variable-instance resource shows it. The value of a
 * Bytes or File variable comes without its bytes unless asked for ({@link
 * VariableInstanceService#data}).
 */
public record VariableInstance(
    String id,
    String name,
    TypedValue value,
    String processInstanceId,
    String executionId,
    String activityInstanceId,
    String processDefinitionId,
    String tenantId) {

  /** This variable with another value (e.g. with the bytes the listing leaves out). */
  VariableInstance withValue(TypedValue other) {
    return new VariableInstance(
        id,
        name,
        other,
        processInstanceId,
        executionId,
        activityInstanceId,
        processDefinitionId,
        tenantId);
  }
}
