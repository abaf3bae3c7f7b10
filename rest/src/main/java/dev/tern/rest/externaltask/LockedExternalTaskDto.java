package dev.tern.rest.externaltask;

import dev.tern.engine.externaltask.ExternalTask;
import dev.tern.engine.externaltask.LockedExternalTask;
import dev.tern.rest.runtime.VariableValueDto;
import dev.tern.rest.runtime.VariableValues;
import java.time.Instant;
import java.util.Map;

/** Camunda's {@code LockedExternalTaskDto}: what {@code fetchAndLock} answers per task. */
record LockedExternalTaskDto(
    String activityId,
    String activityInstanceId,
    String errorMessage,
    String errorDetails,
    String executionId,
    String id,
    Instant lockExpirationTime,
    Instant createTime,
    String processDefinitionId,
    String processDefinitionKey,
    String processDefinitionVersionTag,
    String processInstanceId,
    String tenantId,
    Integer retries,
    boolean suspended,
    String workerId,
    long priority,
    String topicName,
    String businessKey,
    Map<String, VariableValueDto> variables,
    Map<String, String> extensionProperties) {

  static LockedExternalTaskDto of(LockedExternalTask locked) {
    ExternalTask t = locked.task();
    return new LockedExternalTaskDto(
        t.activityId(),
        t.activityInstanceId(),
        t.errorMessage(),
        locked.errorDetails(),
        t.executionId(),
        t.id(),
        t.lockExpirationTime(),
        t.createTime(),
        t.processDefinitionId(),
        t.processDefinitionKey(),
        t.processDefinitionVersionTag(),
        t.processInstanceId(),
        t.tenantId(),
        t.retries(),
        t.suspended(),
        t.workerId(),
        t.priority(),
        t.topicName(),
        t.businessKey(),
        VariableValues.toDtos(locked.variables()),
        locked.extensionProperties());
  }
}
