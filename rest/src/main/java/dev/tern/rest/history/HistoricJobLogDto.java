package dev.tern.rest.history;

import dev.tern.engine.history.HistoricJobLog;
import java.time.Instant;

/** Camunda's {@code HistoricJobLogDto}. */
public record HistoricJobLogDto(
    String id,
    Instant timestamp,
    Instant removalTime,
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
    String hostname,
    String batchId,
    boolean creationLog,
    boolean failureLog,
    boolean successLog,
    boolean deletionLog) {

  public static HistoricJobLogDto of(HistoricJobLog l) {
    return new HistoricJobLogDto(
        l.id(),
        l.timestamp(),
        l.removalTime(),
        l.jobId(),
        l.jobDueDate(),
        l.jobRetries(),
        l.jobPriority(),
        l.jobExceptionMessage(),
        l.failedActivityId(),
        l.jobDefinitionId(),
        l.jobDefinitionType(),
        l.jobDefinitionConfiguration(),
        l.activityId(),
        l.executionId(),
        l.processInstanceId(),
        l.processDefinitionId(),
        l.processDefinitionKey(),
        l.deploymentId(),
        l.rootProcessInstanceId(),
        l.tenantId(),
        l.hostname(),
        null,
        l.creationLog(),
        l.failureLog(),
        l.successLog(),
        l.deletionLog());
  }
}
