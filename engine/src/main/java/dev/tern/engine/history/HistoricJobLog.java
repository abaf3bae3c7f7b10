package dev.tern.engine.history;

import java.time.Instant;

/** A row of {@code tern_hi_job_log}: one event in a job's life (created, failed, succeeded, deleted). */
public record HistoricJobLog(
    String id,
    Instant timestamp,
    Instant removalTime,
    int state,
    String jobId,
    Instant jobDueDate,
    Integer jobRetries,
    Long jobPriority,
    String jobExceptionMessage,
    String failedActivityId,
    String jobDefinitionId,
    String jobDefinitionType,
    String jobDefinitionConfiguration,
    String activityId,
    String executionId,
    String processInstanceId,
    String processDefinitionId,
    String processDefinitionKey,
    String deploymentId,
    String rootProcessInstanceId,
    String tenantId,
    String hostname) implements LogEntry {}
