package dev.tern.rest.runtime;

import dev.tern.engine.runtime.VariableInstance;
import java.util.Map;

/**
 * Camunda's {@code VariableInstanceDto}; case, task and batch fields are null.
 */
public record VariableInstanceDto(
    String id,
    String name,
    String type,
    Object value,
    Map<String, Object> valueInfo,
    String processDefinitionId,
    String processInstanceId,
    String executionId,
    String caseInstanceId,
    String caseExecutionId,
    String taskId,
    String batchId,
    String activityInstanceId,
    String tenantId,
    String errorMessage) {

  public static VariableInstanceDto of(VariableInstance v, boolean deserialize) {
    VariableValueDto value = VariableValues.toDto(v.value(), deserialize);
    return new VariableInstanceDto(
        v.id(),
        v.name(),
        value.type(),
        value.value(),
        value.valueInfo(),
        v.processDefinitionId(),
        v.processInstanceId(),
        v.executionId(),
        null,
        null,
        null,
        null,
        v.activityInstanceId(),
        v.tenantId(),
        null);
  }
}
