package dev.tern.rest.history;

import dev.tern.engine.history.HistoricActivityInstance;
import java.time.Instant;

/**
 * Camunda's {@code HistoricActivityInstanceDto}. Tern's processes have one scope and no call
 * activities or user-task rows yet, so the parent activity instance and the root process instance
 * are the process instance, and task, assignee and called instances are null.
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
        null,
        null,
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
