package dev.tern.rest.history;

import dev.tern.engine.runtime.HistoricDetail;
import dev.tern.engine.runtime.HistoricVariableInstance;
import dev.tern.rest.runtime.VariableValueDto;
import dev.tern.rest.runtime.VariableValues;
import java.time.Instant;
import java.util.Map;

/**
 * Camunda's {@code HistoricVariableUpdateDto} (a {@code HistoricDetailDto} of type {@code
 * variableUpdate}); case fields, the user operation and the error message are null in Tern.
 */
public record HistoricDetailDto(
    String type,
    String id,
    String processDefinitionKey,
    String processDefinitionId,
    String processInstanceId,
    String activityInstanceId,
    String executionId,
    String caseDefinitionKey,
    String caseDefinitionId,
    String caseInstanceId,
    String caseExecutionId,
    String taskId,
    String tenantId,
    String userOperationId,
    Instant time,
    Instant removalTime,
    String rootProcessInstanceId,
    String variableName,
    String variableInstanceId,
    String variableType,
    Object value,
    Map<String, Object> valueInfo,
    boolean initial,
    int revision,
    String errorMessage) {

  public static HistoricDetailDto of(HistoricDetail detail, boolean deserialize) {
    VariableValueDto value = VariableValues.toDto(detail.variable().value(), deserialize);
    HistoricVariableInstance.Owner owner = detail.owner();
    return new HistoricDetailDto(
        detail.type(),
        detail.id(),
        owner.processDefinitionKey(),
        owner.processDefinitionId(),
        owner.processInstanceId(),
        owner.activityInstanceId(),
        owner.executionId(),
        null,
        null,
        null,
        null,
        detail.taskId(),
        owner.tenantId(),
        null,
        detail.time(),
        detail.removalTime(),
        owner.rootProcessInstanceId(),
        detail.variable().name(),
        detail.variable().instanceId(),
        value.type(),
        value.value(),
        value.valueInfo(),
        detail.initial(),
        detail.revision(),
        null);
  }
}
