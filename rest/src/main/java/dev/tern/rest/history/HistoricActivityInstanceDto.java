package dev.tern.rest.history;

import dev.tern.engine.history.HistoricActivityInstance;
import java.time.Instant;

/**
 * Camunda's {@code HistoricActivityInstanceDto}: a user task names its task and that task's
 * assignee, a call activity the instance it called; case instances are null.
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
        a.parentActivityInstanceId(),
        a.activityId(),
        a.activityName(),
        a.activityType(),
        a.processDefinitionKey(),
        a.processDefinitionId(),
        a.processInstanceId(),
        a.executionId(),
        a.taskId(),
        a.assignee(),
        a.calledProcessInstanceId(),
        null,
        a.startTime(),
        a.endTime(),
        a.durationInMillis(),
        a.canceled(),
        a.completeScope(),
        a.tenantId(),
        a.removalTime(),
        a.rootProcessInstanceId());
  }
}
