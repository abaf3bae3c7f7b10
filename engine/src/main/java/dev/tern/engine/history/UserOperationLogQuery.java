package dev.tern.engine.history;

import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.QueryDefinition;

/**
 * Selects user operation log entries with the filters of Camunda's {@code GET
 * /history/user-operation}. Filters on entities Tern has no column for (tasks, cases, external
 * tasks) match nothing, as no Tern entry refers to such an entity.
 */
public final class UserOperationLogQuery {

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_hi_op_log", "id")
          .tieBreaker("log_time ASC, id ASC")
          .equal("deploymentId", "deployment_id")
          .equal("processDefinitionId", "proc_def_id")
          .equal("processDefinitionKey", "proc_def_key")
          .equal("processInstanceId", "process_instance_id")
          .equal("executionId", "execution_id")
          .equal("batchId", "batch_id")
          .equal("jobId", "job_id")
          .equal("jobDefinitionId", "job_definition_id")
          .equal("userId", "user_id")
          .equal("operationId", "operation_id")
          .equal("operationType", "operation_type")
          .equal("entityType", "entity_type")
          .anyOf("entityTypeIn", "entity_type")
          .equal("category", "category")
          .anyOf("categoryIn", "category")
          .equal("property", "property")
          .date("afterTimestamp", "log_time", ">")
          .date("beforeTimestamp", "log_time", "<")
          .matchingNothing(
              "caseDefinitionId", "caseInstanceId", "caseExecutionId", "taskId", "externalTaskId")
          .sort("timestamp", "log_time")
          .build();

  private final FilterQuery filters = new FilterQuery(DEFINITION);

  /** The generic filter values: set any of Camunda's filters by name. */
  public FilterQuery filters() {
    return filters;
  }

  public UserOperationLogQuery userId(String userId) {
    filters.set("userId", userId);
    return this;
  }

  public UserOperationLogQuery batchId(String batchId) {
    filters.set("batchId", batchId);
    return this;
  }
}
