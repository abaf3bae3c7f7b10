package dev.tern.rest.job;

import dev.tern.engine.job.Job;
import java.time.Instant;

/** Camunda's {@code JobDto}. */
public record JobDto(
    String id,
    String jobDefinitionId,
    Instant dueDate,
    String processInstanceId,
    String executionId,
    String processDefinitionId,
    String processDefinitionKey,
    int retries,
    String exceptionMessage,
    String failedActivityId,
    boolean suspended,
    long priority,
    String tenantId,
    Instant createTime,
    String batchId) {

  public static JobDto of(Job job) {
    return new JobDto(
        job.id(),
        job.jobDefinitionId(),
        job.dueDate(),
        job.processInstanceId(),
        job.executionId(),
        job.processDefinitionId(),
        job.processDefinitionKey(),
        job.retries(),
        job.exceptionMessage(),
        job.failedActivityId(),
        job.suspended(),
        job.priority(),
        job.tenantId(),
        job.createTime(),
        job.batchId());
  }
}
