package dev.tern.engine.history;

import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.TypedQuery;

/** Selects job log entries with the filters of Camunda's {@code GET /history/job-log}. */
public final class HistoricJobLogQuery extends TypedQuery<HistoricJobLogQuery> {

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_hi_job_log l", "l.id")
          .tieBreaker("l.log_time ASC, l.sequence_counter ASC, l.job_state ASC, l.id ASC")
          .equal("logId", "l.id")
          .equalColumns(
              "jobId", "jobExceptionMessage", "jobDefinitionId", "jobDefinitionType",
              "jobDefinitionConfiguration", "processInstanceId", "processDefinitionId",
              "processDefinitionKey", "deploymentId", "hostname")
          .anyOf("activityIdIn", "l.activity_id")
          .anyOf("failedActivityIdIn", "l.failed_activity_id")
          .anyOf("executionIdIn", "l.execution_id")
          .tenants("l.tenant_id", "includeJobLogsWithoutTenantId")
          .priorityRange("jobPriority", "l.job_priority")
          .with(LogStates.on("l.job_state"))
          .sort("timestamp", "l.log_time")
          .sortable(
              "jobId", "jobDefinitionId", "activityId", "executionId", "processInstanceId",
              "processDefinitionId", "processDefinitionKey", "deploymentId", "hostname", "tenantId")
          .sort("jobDueDate", "l.job_due_date")
          .sort("jobRetries", "l.job_retries")
          .sort("jobPriority", "l.job_priority")
          .sort("occurrence", "l.sequence_counter")
          .build();

  public HistoricJobLogQuery() {
    super(DEFINITION);
  }
}
