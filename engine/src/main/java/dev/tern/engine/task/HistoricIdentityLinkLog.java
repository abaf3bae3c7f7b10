package dev.tern.engine.task;

import java.time.Instant;

/**
 * One change of a task's people: a candidate, assignee or owner added or deleted (Camunda's {@code
 * HistoricIdentityLinkLogDto}).
 */
public record HistoricIdentityLinkLog(
    String id,
    Instant time,
    String type,
    String userId,
    String groupId,
    String taskId,
    String processDefinitionId,
    String processDefinitionKey,
    String operationType,
    String assignerId,
    String tenantId,
    Instant removalTime,
    String rootProcessInstanceId) {}
