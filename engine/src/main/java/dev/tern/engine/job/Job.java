package dev.tern.engine.job;

import java.time.Instant;

/**
 * A row of {@code tern_job}: a unit of work the job executor runs in its own transaction.
 *
 * @param kind {@code message} or {@code timer}
 * @param handlerType names the {@link JobHandler} that runs the job
 * @param handlerConfig handler-specific settings (e.g. {@code async-before}, a batch chunk)
 */
public record Job(
    String id,
    int rev,
    String kind,
    String handlerType,
    String handlerConfig,
    String jobDefinitionId,
    String processInstanceId,
    String executionId,
    String processDefinitionId,
    String processDefinitionKey,
    String activityId,
    String deploymentId,
    String tenantId,
    int retries,
    Instant dueDate,
    Instant createTime,
    String lockOwner,
    Instant lockExpirationTime,
    boolean exclusive,
    boolean suspended,
    long priority,
    String exceptionMessage,
    String failedActivityId,
    String batchId,
    long sequenceCounter) {

  public static final String MESSAGE = "message";
  public static final String TIMER = "timer";
}
