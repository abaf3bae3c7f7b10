package dev.tern.engine.history;

import java.time.Instant;

/**
 * A row of {@code tern_hi_ext_task_log}: one event in an external task's life (created, failed,
 * succeeded, deleted), as Camunda's {@code HistoricExternalTaskLog}.
 */
public record HistoricExternalTaskLog(
    String id,
    Instant timestamp,
    Instant removalTime,
    int state,
    String externalTaskId,
    String topicName,
    String workerId,
    long priority,
    Integer retries,
    String errorMessage,
    String activityId,
    String activityInstanceId,
    String executionId,
    String processInstanceId,
    String rootProcessInstanceId,
    String processDefinitionId,
    String processDefinitionKey,
    String tenantId) implements LogEntry {}
