package dev.tern.rest.history;

import dev.tern.engine.runtime.HistoricVariableInstance;
import dev.tern.rest.runtime.VariableValueDto;
import dev.tern.rest.runtime.VariableValues;
import java.time.Instant;
import java.util.Map;

/**
 * Camunda's {@code HistoricVariableInstanceDto}; case and task fields are null.
 */
public record HistoricVariableInstanceDto(
    String id,
    String name,
    String type,
    Object value,
    Map<String, Object> valueInfo,
    String processDefinitionKey,
    String processDefinitionId,
    String processInstanceId,
    String executionId,
    String activityInstanceId,
    String caseDefinitionKey,
    String caseDefinitionId,
    String caseInstanceId,
    String caseExecutionId,
    String taskId,
    String tenantId,
    String errorMessage,
    String state,
    Instant createTime,
    Instant removalTime,
    String rootProcessInstanceId) {

  public static HistoricVariableInstanceDto of(HistoricVariableInstance v, boolean deserialize) {
    VariableValueDto value = VariableValues.toDto(v.value(), deserialize);
    HistoricVariableInstance.Owner owner = v.owner();
    return new HistoricVariableInstanceDto(
        v.id(),
        v.name(),
        value.type(),
        value.value(),
        value.valueInfo(),
        owner.processDefinitionKey(),
        owner.processDefinitionId(),
        owner.processInstanceId(),
        owner.executionId(),
        owner.activityInstanceId(),
        null,
        null,
        null,
        null,
        null,
        owner.tenantId(),
        null,
        v.state(),
        v.createTime(),
        v.removalTime(),
        owner.rootProcessInstanceId());
  }
}
