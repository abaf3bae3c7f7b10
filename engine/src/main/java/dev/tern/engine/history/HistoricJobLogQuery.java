package dev.tern.engine.history;

import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.Type;

/** Selects job log entries with the filters of Camunda's {@code GET /history/job-log}. */
public final class HistoricJobLogQuery {

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_hi_job_log l", "l.id")
          .tieBreaker("l.log_time ASC, l.sequence_counter ASC, l.job_state ASC, l.id ASC")
          .equal("logId", "l.id")
          .equal("jobId", "l.job_id")
          .equal("jobExceptionMessage", "l.job_exception_message")
          .equal("jobDefinitionId", "l.job_definition_id")
          .equal("jobDefinitionType", "l.job_definition_type")
          .equal("jobDefinitionConfiguration", "l.job_definition_configuration")
          .anyOf("activityIdIn", "l.activity_id")
          .anyOf("failedActivityIdIn", "l.failed_activity_id")
          .anyOf("executionIdIn", "l.execution_id")
          .equal("processInstanceId", "l.process_instance_id")
          .equal("processDefinitionId", "l.proc_def_id")
          .equal("processDefinitionKey", "l.proc_def_key")
          .equal("deploymentId", "l.deployment_id")
          .tenantIn("tenantIdIn", "l.tenant_id", "includeJobLogsWithoutTenantId")
          .flag("withoutTenantId", "l.tenant_id IS NULL")
          .equal("hostname", "l.hostname")
          .compare("jobPriorityLowerThanOrEquals", Type.LONG, "l.job_priority", "<=")
          .compare("jobPriorityHigherThanOrEquals", Type.LONG, "l.job_priority", ">=")
          .flag("creationLog", "l.job_state = 0")
          .flag("failureLog", "l.job_state = 1")
          .flag("successLog", "l.job_state = 2")
          .flag("deletionLog", "l.job_state = 3")
          .sort("timestamp", "l.log_time")
          .sort("jobId", "l.job_id")
          .sort("jobDefinitionId", "l.job_definition_id")
          .sort("jobDueDate", "l.job_due_date")
          .sort("jobRetries", "l.job_retries")
          .sort("jobPriority", "l.job_priority")
          .sort("activityId", "l.activity_id")
          .sort("executionId", "l.execution_id")
          .sort("processInstanceId", "l.process_instance_id")
          .sort("processDefinitionId", "l.proc_def_id")
          .sort("processDefinitionKey", "l.proc_def_key")
          .sort("deploymentId", "l.deployment_id")
          .sort("hostname", "l.hostname")
          .sort("occurrence", "l.sequence_counter")
          .sort("tenantId", "l.tenant_id")
          .build();

  private final FilterQuery filters = new FilterQuery(DEFINITION);

  public FilterQuery filters() {
    return filters;
  }

  public HistoricJobLogQuery jobId(String jobId) {
    filters.set("jobId", jobId);
    return this;
  }

  public HistoricJobLogQuery processInstanceId(String id) {
    filters.set("processInstanceId", id);
    return this;
  }
}
