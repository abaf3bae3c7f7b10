package dev.tern.engine.externaltask;

import java.time.Instant;

/**
 * An external task as Camunda's {@code ExternalTaskDto} shows it. {@code retries} is null until a
 * worker reports a failure; {@code suspended} is the process instance's state.
 */
public record ExternalTask(
    String id,
    String topicName,
    String workerId,
    Instant lockExpirationTime,
    Instant createTime,
    Integer retries,
    String errorMessage,
    boolean suspended,
    String executionId,
    String processInstanceId,
    String processDefinitionId,
    String processDefinitionKey,
    String processDefinitionVersionTag,
    String activityId,
    String activityInstanceId,
    String tenantId,
    long priority,
    String businessKey) {

  /** Whether a worker holds the lock at this instant. */
  public boolean lockedAt(Instant now) {
    return lockExpirationTime != null && lockExpirationTime.isAfter(now);
  }
}
