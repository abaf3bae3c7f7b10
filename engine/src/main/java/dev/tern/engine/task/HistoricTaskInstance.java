package dev.tern.engine.task;

import java.time.Instant;

/** A task's history row, as Camunda's {@code HistoricTaskInstanceDto} shows it. */
public record HistoricTaskInstance(
    String id,
    String processDefinitionKey,
    String processDefinitionId,
    String processInstanceId,
    String rootProcessInstanceId,
    String executionId,
    String activityInstanceId,
    String name,
    String description,
    String deleteReason,
    String owner,
    String assignee,
    Instant startTime,
    Instant endTime,
    Long duration,
    String taskDefinitionKey,
    int priority,
    Instant due,
    Instant followUp,
    String parentTaskId,
    String tenantId,
    Instant removalTime,
    String taskState) {}
