package dev.tern.rest.externaltask;

import dev.tern.engine.externaltask.ExternalTask;
import java.time.Instant;

/** Camunda's {@code ExternalTaskDto}. */
record ExternalTaskDto(
    String activityId,
    String activityInstanceId,
    String errorMessage,
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
    String topicName,
    long priority,
    String businessKey) {

  static ExternalTaskDto of(ExternalTask t) {
    return new ExternalTaskDto(
        t.activityId(),
        t.activityInstanceId(),
        t.errorMessage(),
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
        t.topicName(),
        t.priority(),
        t.businessKey());
  }
}
