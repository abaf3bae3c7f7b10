package dev.tern.engine.job;

import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.DateCondition;
import dev.tern.engine.query.QueryDefinition.Type;
import dev.tern.engine.query.SqlFragment;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Selects jobs with Camunda's {@code JobQuery} filters (names as in {@code JobQueryDto}). Obtain
 * one from {@code JobService#createJobQuery()}; {@link #idsSql()} turns it into a sub-select for
 * bulk operations.
 */
public final class JobQuery {

  private static final String WITH_EXCEPTION =
      "(j.exception_message IS NOT NULL OR j.exception_stacktrace IS NOT NULL)";

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_job j", "j.id")
          .equal("jobId", "j.id")
          .anyOf("jobIds", "j.id")
          .equal("jobDefinitionId", "j.job_definition_id")
          .equal("processInstanceId", "j.process_instance_id")
          .anyOf("processInstanceIds", "j.process_instance_id")
          .equal("executionId", "j.execution_id")
          .equal("processDefinitionId", "j.proc_def_id")
          .equal("processDefinitionKey", "j.proc_def_key")
          .equal("activityId", "j.activity_id")
          .flag("withRetriesLeft", "j.retries > 0")
          .flag("noRetriesLeft", "j.retries = 0")
          .filter(
              "executable",
              Type.BOOLEAN,
              (w, v, c) -> {
                if (Boolean.TRUE.equals(v)) {
                  w.add("j.retries > 0 AND (j.due_date IS NULL OR j.due_date <= " + w.bind(c.now()) + ")");
                }
              })
          .flag("timers", "j.job_kind = 'timer'")
          .flag("messages", "j.job_kind = 'message'")
          .flag("withException", WITH_EXCEPTION)
          .equal("exceptionMessage", "j.exception_message")
          .equal("failedActivityId", "j.failed_activity_id")
          .flag("active", "j.suspended = FALSE")
          .flag("suspended", "j.suspended = TRUE")
          .compare("priorityLowerThanOrEquals", Type.LONG, "j.priority", "<=")
          .compare("priorityHigherThanOrEquals", Type.LONG, "j.priority", ">=")
          .dateConditions("dueDates", "j.due_date")
          .dateConditions("createTimes", "j.create_time")
          .tenantIn("tenantIdIn", "j.tenant_id", "includeJobsWithoutTenantId")
          .flag("withoutTenantId", "j.tenant_id IS NULL")
          .flag("acquired", "j.lock_expiration_time IS NOT NULL")
          .sort("jobId", "j.id")
          .sort("executionId", "j.execution_id")
          .sort("processInstanceId", "j.process_instance_id")
          .sort("processDefinitionId", "j.proc_def_id")
          .sort("processDefinitionKey", "j.proc_def_key")
          .sort("jobPriority", "j.priority")
          .sort("jobRetries", "j.retries")
          .sort("jobDueDate", "j.due_date")
          .sort("tenantId", "j.tenant_id")
          .build();

  private final Clock clock;
  private final FilterQuery filters = new FilterQuery(DEFINITION);

  public JobQuery(Clock clock) {
    this.clock = clock;
  }

  /** The generic filter values: set any {@code JobQueryDto} field by name. */
  public FilterQuery filters() {
    return filters;
  }

  public JobQuery jobId(String id) {
    filters.set("jobId", id);
    return this;
  }

  public JobQuery jobIds(List<String> ids) {
    filters.set("jobIds", ids);
    return this;
  }

  public JobQuery processInstanceId(String id) {
    filters.set("processInstanceId", id);
    return this;
  }

  public JobQuery processInstanceIds(List<String> ids) {
    filters.set("processInstanceIds", ids);
    return this;
  }

  public JobQuery jobDefinitionId(String id) {
    filters.set("jobDefinitionId", id);
    return this;
  }

  public JobQuery processDefinitionKey(String key) {
    filters.set("processDefinitionKey", key);
    return this;
  }

  public JobQuery activityId(String id) {
    filters.set("activityId", id);
    return this;
  }

  public JobQuery withRetriesLeft() {
    filters.set("withRetriesLeft", true);
    return this;
  }

  public JobQuery noRetriesLeft() {
    filters.set("noRetriesLeft", true);
    return this;
  }

  public JobQuery executable() {
    filters.set("executable", true);
    return this;
  }

  public JobQuery withException() {
    filters.set("withException", true);
    return this;
  }

  public JobQuery suspended() {
    filters.set("suspended", true);
    return this;
  }

  public JobQuery active() {
    filters.set("active", true);
    return this;
  }

  public JobQuery tenantIdIn(List<String> tenantIds) {
    filters.set("tenantIdIn", tenantIds);
    return this;
  }

  public JobQuery dueDates(List<DateCondition> conditions) {
    filters.set("dueDates", conditions);
    return this;
  }

  public JobQuery orderBy(String sortBy, boolean ascending) {
    filters.orderBy(sortBy, ascending);
    return this;
  }

  /** Restricts this query to the jobs the caller may read ({@code READ} on their instance or
   * {@code READ_INSTANCE} on their definition); returns it. */
  public JobQuery readableBy(Caller caller) {
    filters.restrict(
        new Authorizer()
            .instanceReadable(caller, "j.process_instance_id", "j.proc_def_key", "j.tenant_id"));
    return this;
  }

  /** The matching jobs' ids as a sub-select ({@code SELECT j.id FROM tern_job j WHERE …}). */
  public SqlFragment idsSql() {
    return filters.idsSql("jq", clock.instant());
  }

  SqlFragment where() {
    return filters.where("jq", clock.instant());
  }

  FilterQuery compiled() {
    return filters;
  }

  Map<String, Object> values() {
    return filters.values();
  }
}
