package dev.tern.engine.history;

import java.time.Instant;

/**
 * A row of {@code tern_hi_op_log}: one changed property of one user operation. The entries of one
 * operation share {@link #operationId}.
 */
public record UserOperationLogEntry(
    String id,
    String operationId,
    String deploymentId,
    String processDefinitionId,
    String processDefinitionKey,
    String processInstanceId,
    String executionId,
    String jobId,
    String jobDefinitionId,
    String batchId,
    String userId,
    Instant timestamp,
    String operationType,
    String entityType,
    String property,
    String orgValue,
    String newValue,
    String category,
    String tenantId,
    String annotation,
    Instant removalTime) {

  public static final String ENTITY_TYPE_JOB = "Job";
  public static final String OPERATION_TYPE_SET_JOB_RETRIES = "SetJobRetries";
  public static final String CATEGORY_OPERATOR = "Operator";
}
