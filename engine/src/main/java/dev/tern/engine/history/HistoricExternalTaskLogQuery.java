package dev.tern.engine.history;

import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.Type;

/** Selects external task log entries with the filters of Camunda's {@code GET /history/external-task-log}. */
public final class HistoricExternalTaskLogQuery {

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_hi_ext_task_log l", "l.id")
          .tieBreaker("l.log_time ASC, l.state ASC, l.id ASC")
          .equal("logId", "l.id")
          .equal("externalTaskId", "l.ext_task_id")
          .equal("topicName", "l.topic_name")
          .equal("workerId", "l.worker_id")
          .equal("errorMessage", "l.error_message")
          .anyOf("activityIdIn", "l.activity_id")
          .anyOf("activityInstanceIdIn", "l.activity_instance_id")
          .anyOf("executionIdIn", "l.execution_id")
          .equal("processInstanceId", "l.process_instance_id")
          .equal("processDefinitionId", "l.proc_def_id")
          .equal("processDefinitionKey", "l.proc_def_key")
          .tenants("l.tenant_id")
          .compare("priorityLowerThanOrEquals", Type.LONG, "l.priority", "<=")
          .compare("priorityHigherThanOrEquals", Type.LONG, "l.priority", ">=")
          .flag("creationLog", "l.state = 0")
          .flag("failureLog", "l.state = 1")
          .flag("successLog", "l.state = 2")
          .flag("deletionLog", "l.state = 3")
          .sort("timestamp", "l.log_time")
          .sort("externalTaskId", "l.ext_task_id")
          .sort("topicName", "l.topic_name")
          .sort("workerId", "l.worker_id")
          .sort("retries", "l.retries")
          .sort("priority", "l.priority")
          .sort("activityId", "l.activity_id")
          .sort("activityInstanceId", "l.activity_instance_id")
          .sort("executionId", "l.execution_id")
          .sort("processInstanceId", "l.process_instance_id")
          .sort("processDefinitionId", "l.proc_def_id")
          .sort("processDefinitionKey", "l.proc_def_key")
          .sort("tenantId", "l.tenant_id")
          .build();

  private final FilterQuery filters = new FilterQuery(DEFINITION);

  public FilterQuery filters() {
    return filters;
  }

  public HistoricExternalTaskLogQuery externalTaskId(String externalTaskId) {
    filters.set("externalTaskId", externalTaskId);
    return this;
  }
}
