package dev.tern.engine.event;

import java.time.Instant;

/**
 * A row of {@code tern_event_subscription}: a waiting token's (or a start event's) interest in a
 * message or signal.
 *
 * @param eventType {@link #MESSAGE} or {@link #SIGNAL}
 * @param executionId the waiting token (for an event sub-process of the process: the instance),
 *     or null for a start event
 * @param processInstanceId null for a start event
 * @param processDefinitionId the definition whose model holds {@code activityId}
 */
public record EventSubscription(
    String id,
    String eventType,
    String eventName,
    String executionId,
    String processInstanceId,
    String activityId,
    String processDefinitionId,
    String tenantId,
    Instant created) {

  public static final String MESSAGE = "message";
  public static final String SIGNAL = "signal";

  /** Whether a start event of a definition (not an instance) holds it. */
  public boolean isStart() {
    return processInstanceId == null;
  }
}
