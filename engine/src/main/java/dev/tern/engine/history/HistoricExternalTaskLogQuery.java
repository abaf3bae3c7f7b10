package dev.tern.engine.history;

import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.TypedQuery;

/** Selects external task log entries with the filters of Camunda's {@code GET /history/external-task-log}. */
public final class HistoricExternalTaskLogQuery extends TypedQuery<HistoricExternalTaskLogQuery> {

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_hi_ext_task_log l", "l.id")
          .tieBreaker("l.log_time ASC, l.state ASC, l.id ASC")
          .equal("logId", "l.id")
          .equal("externalTaskId", "l.ext_task_id")
          .equalColumns(
              "topicName", "workerId", "errorMessage", "processInstanceId", "processDefinitionId",
              "processDefinitionKey")
          .anyOf("activityIdIn", "l.activity_id")
          .anyOf("activityInstanceIdIn", "l.activity_instance_id")
          .anyOf("executionIdIn", "l.execution_id")
          .tenants("l.tenant_id")
          .priorityRange("priority", "l.priority")
          .with(LogStates.on("l.state"))
          .sort("timestamp", "l.log_time")
          .sortable(
              "externalTaskId", "topicName", "workerId", "activityId", "activityInstanceId",
              "executionId", "processInstanceId", "processDefinitionId", "processDefinitionKey",
              "tenantId")
          .sort("retries", "l.retries")
          .sort("priority", "l.priority")
          .build();

  public HistoricExternalTaskLogQuery() {
    super(DEFINITION);
  }
}
