package dev.tern.engine.task;

import java.time.Instant;

/**
 * A comment on a task, as Camunda's {@code CommentDto} shows it.
 *
 * @param userId the authenticated user who wrote (or last changed) it, null without one
 * @param processInstanceId the instance the client named when creating it, else null (as Camunda)
 */
public record TaskComment(
    String id,
    String userId,
    Instant time,
    String taskId,
    String processInstanceId,
    String message,
    Instant removalTime,
    String rootProcessInstanceId) {}
