package dev.tern.engine.history;

import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.TypedQuery;

/**
 * Selects user operation log entries with the filters of Camunda's {@code GET
 * /history/user-operation}. Filters on entities Tern has no column for (cases, external
 * tasks) match nothing, as no Tern entry refers to such an entity.
 */
public final class UserOperationLogQuery extends TypedQuery<UserOperationLogQuery> {

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_hi_op_log", "id")
          .tieBreaker("log_time ASC, id ASC")
          .equalColumns(
              "deploymentId", "processDefinitionId", "processDefinitionKey", "processInstanceId",
              "executionId", "batchId", "jobId", "jobDefinitionId", "userId", "operationId",
              "operationType", "entityType", "category", "property", "taskId")
          .anyOf("entityTypeIn", "entity_type")
          .anyOf("categoryIn", "category")
          .date("afterTimestamp", "log_time", ">")
          .date("beforeTimestamp", "log_time", "<")
          .matchingNothing(
              "caseDefinitionId", "caseInstanceId", "caseExecutionId", "externalTaskId")
          .sort("timestamp", "log_time")
          .build();

  public UserOperationLogQuery() {
    super(DEFINITION);
  }
}
