package dev.tern.engine.history;

import java.time.Instant;
import java.util.List;

/**
 * Filters for the user operation log; null means "any". Filters on entities Tern has no column for
 * (tasks, cases, external tasks) are given as {@code unsupportedFilterSet}: they match nothing, as
 * no Tern entry refers to such an entity.
 */
public record UserOperationLogQuery(
    String deploymentId,
    String processDefinitionId,
    String processDefinitionKey,
    String processInstanceId,
    String executionId,
    String batchId,
    String jobId,
    String jobDefinitionId,
    String userId,
    String operationId,
    String operationType,
    String entityType,
    List<String> entityTypeIn,
    String category,
    List<String> categoryIn,
    String property,
    Instant afterTimestamp,
    Instant beforeTimestamp,
    boolean unsupportedFilterSet,
    Boolean timestampAscending) {}
