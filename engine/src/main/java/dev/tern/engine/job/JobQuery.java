package dev.tern.engine.job;

import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.DateCondition;
import dev.tern.engine.query.QueryDefinition.Type;
import dev.tern.engine.query.SqlFragment;
import dev.tern.engine.query.TypedQuery;
import java.time.Clock;
import java.util.List;

/**
 * Selects jobs with Camunda's {@code JobQuery} filters (names as in {@code JobQueryDto}). Obtain
 * one from {@code JobService#createJobQuery()}; {@link #idsSql()} turns it into a sub-select for
 * bulk operations.
 */
public final class JobQuery extends TypedQuery<JobQuery> {

  private static final String WITH_EXCEPTION =
      "(j.exception_message IS NOT NULL OR j.exception_stacktrace IS NOT NULL)";

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_job j", "j.id")
          .equal("jobId", "j.id")
          .anyOf("jobIds", "j.id")
          .equalColumns(
              "jobDefinitionId", "processInstanceId", "processDefinitionId",
              "processDefinitionKey", "activityId", "exceptionMessage", "failedActivityId")
          // the timer of an event sub-process of the process names the instance (JobService)
          .where(
              "executionId",
              Type.STRING,
              "(j.execution_id = ? OR (j.execution_id IS NULL AND j.process_instance_id = ?"
                  + " AND j.handler_type = 'timer-start-event-subprocess'))")
          .anyOf("processInstanceIds", "j.process_instance_id")
          .flag("withRetriesLeft", "j.retries > 0")
          .flag("noRetriesLeft", "j.retries = 0")
          .flagAtNow("executable", "j.retries > 0 AND (j.due_date IS NULL OR j.due_date <= ?)")
          .flag("timers", "j.job_kind = 'timer'")
          .flag("messages", "j.job_kind = 'message'")
          .flag("withException", WITH_EXCEPTION)
          .flag("active", "j.suspended = FALSE")
          .flag("suspended", "j.suspended = TRUE")
          .priorityRange("priority", "j.priority")
          .dateConditions("dueDates", "j.due_date")
          .dateConditions("createTimes", "j.create_time")
          .tenants("j.tenant_id", "includeJobsWithoutTenantId")
          .flag("acquired", "j.lock_expiration_time IS NOT NULL")
          .sortable(
              "jobId", "processInstanceId", "processDefinitionId",
              "processDefinitionKey", "tenantId")
          .sort("executionId", "j.execution_id")
          .sort("jobPriority", "j.priority")
          .sort("jobRetries", "j.retries")
          .sort("jobDueDate", "j.due_date")
          .build();

  private final Clock clock;

  public JobQuery(Clock clock) {
    super(DEFINITION);
    this.clock = clock;
  }

  public JobQuery jobId(String id) {
    return set("jobId", id);
  }

  public JobQuery jobIds(List<String> ids) {
    return set("jobIds", ids);
  }

  public JobQuery processInstanceId(String id) {
    return set("processInstanceId", id);
  }

  public JobQuery processInstanceIds(List<String> ids) {
    return set("processInstanceIds", ids);
  }

  public JobQuery jobDefinitionId(String id) {
    return set("jobDefinitionId", id);
  }

  public JobQuery processDefinitionKey(String key) {
    return set("processDefinitionKey", key);
  }

  public JobQuery activityId(String id) {
    return set("activityId", id);
  }

  public JobQuery withRetriesLeft() {
    return set("withRetriesLeft", true);
  }

  public JobQuery noRetriesLeft() {
    return set("noRetriesLeft", true);
  }

  public JobQuery executable() {
    return set("executable", true);
  }

  public JobQuery withException() {
    return set("withException", true);
  }

  public JobQuery suspended() {
    return set("suspended", true);
  }

  public JobQuery active() {
    return set("active", true);
  }

  public JobQuery tenantIdIn(List<String> tenantIds) {
    return set("tenantIdIn", tenantIds);
  }

  public JobQuery dueDates(List<DateCondition> conditions) {
    return set("dueDates", conditions);
  }

  /** Restricts this query to the jobs the caller may read ({@code READ} on their instance or
   * {@code READ_INSTANCE} on their definition); returns it. */
  public JobQuery readableBy(Caller caller) {
    filters().restrict(
        new Authorizer()
            .instanceReadable(caller, "j.process_instance_id", "j.proc_def_key", "j.tenant_id"));
    return this;
  }

  /** The matching jobs' ids as a sub-select ({@code SELECT j.id FROM tern_job j WHERE …}). */
  public SqlFragment idsSql() {
    return filters().idsSql("jq", clock.instant());
  }

  SqlFragment where() {
    return filters().where("jq", clock.instant());
  }
}
