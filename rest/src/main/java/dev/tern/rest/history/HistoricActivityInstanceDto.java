package dev.tern.rest.history;

import dev.tern.engine.history.HistoricActivityInstance;
import java.time.Instant;

/**
 * Camunda's {@code HistoricActivityInstanceDto}. The parent activity instance and the root process
 * instance are the process instance, and called instances are null (see docs/differential.md); a
 * user task names its task and that task's assignee.
 */
public record HistoricActivityInstanceDto(
    String id,
    String parentActivityInstanceId,
    String activityId,
    String activityName,
    String activityType,
    String processDefinitionKey,
    String processDefinitionId,
    String processInstanceId,
    String executionId,
    String taskId,
    String assignee,
    String calledProcessInstanceId,
    String calledCaseInstanceId,
    Instant startTime,
    Instant endTime,
    Long durationInMillis,
    boolean canceled,
    boolean completeScope,
    String tenantId,
    Instant removalTime,
    String rootProcessInstanceId) {

  public static HistoricActivityInstanceDto of(HistoricActivityInstance a) {
    return new HistoricActivityInstanceDto(
        a.id(),
        a.processInstanceId(),
        a.activityId(),
        a.activityName(),
        a.activityType(),
        a.processDefinitionKey(),
        a.processDefinitionId(),
        a.processInstanceId(),
        a.executionId(),
        a.taskId(),
        a.assignee(),
        null,
        null,
        a.startTime(),
        a.endTime(),
        a.durationInMillis(),
        a.canceled(),
        a.completeScope(),
        a.tenantId(),
        a.removalTime(),
        a.processInstanceId());
  }
}
