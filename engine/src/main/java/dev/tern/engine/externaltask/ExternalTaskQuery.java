package dev.tern.engine.externaltask;

import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.Restriction;
import dev.tern.engine.query.SqlFragment;
import java.time.Instant;
import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.VariableConditionSql;
import dev.tern.engine.query.QueryDefinition.Type;

/**
 * Selects external tasks with Camunda's {@code ExternalTaskQuery} filters (names as in {@code
 * ExternalTaskQueryDto}). Obtain one from {@link ExternalTaskService#createQuery()}.
 */
public final class ExternalTaskQuery {

  private static final String INSTANCE_SUSPENDED =
      "EXISTS (SELECT 1 FROM tern_process_instance p WHERE p.id = t.process_instance_id"
          + " AND p.suspended = TRUE)";

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_external_task t", "t.id")
          .equalOrAnyOf("externalTaskId", "t.id")
          .equalOrAnyOf("activityId", "t.activity_id")
          .dateRange("lockExpiration", "t.lock_expiration_time", false)
          .equal("topicName", "t.topic_name")
          .filter(
              "locked",
              Type.BOOLEAN,
              (w, v, c) -> {
                if (Boolean.TRUE.equals(v)) {
                  w.add(
                      "t.lock_expiration_time IS NOT NULL AND t.lock_expiration_time > "
                          + w.bind(c.now()));
                }
              })
          .filter(
              "notLocked",
              Type.BOOLEAN,
              (w, v, c) -> {
                if (Boolean.TRUE.equals(v)) {
                  w.add(
                      "(t.lock_expiration_time IS NULL OR t.lock_expiration_time < "
                          + w.bind(c.now())
                          + ")");
                }
              })
          .equal("executionId", "t.execution_id")
          .equalOrAnyOf("processInstanceId", "t.process_instance_id")
          .equalOrAnyOf("processDefinitionKey", "t.proc_def_key")
          .equal("processDefinitionId", "t.proc_def_id")
          .variables(
              "processVariables",
              new VariableConditionSql("tern_variable", "process_instance_id", null),
              "t.process_instance_id")
          .filter(
              "processDefinitionName",
              Type.STRING,
              (w, v, c) ->
                  w.add(
                      "EXISTS (SELECT 1 FROM tern_process_definition d WHERE d.id = t.proc_def_id"
                          + " AND d.name = "
                          + w.bind(v)
                          + ")"))
          .filter(
              "processDefinitionNameLike",
              Type.STRING,
              (w, v, c) ->
                  w.add(
                      "EXISTS (SELECT 1 FROM tern_process_definition d WHERE d.id = t.proc_def_id"
                          + " AND d.name LIKE "
                          + w.bind(v)
                          + ")"))
          .flag("active", "NOT " + INSTANCE_SUSPENDED)
          .flag("suspended", INSTANCE_SUSPENDED)
          .flag("withRetriesLeft", "(t.retries IS NULL OR t.retries > 0)")
          .flag("noRetriesLeft", "t.retries = 0")
          .equal("workerId", "t.worker_id")
          .anyOf("tenantIdIn", "t.tenant_id")
          .compare("priorityHigherThanOrEquals", Type.LONG, "t.priority", ">=")
          .compare("priorityLowerThanOrEquals", Type.LONG, "t.priority", "<=")
          .sort("id", "t.id")
          .sort("lockExpirationTime", "t.lock_expiration_time")
          .sort("processInstanceId", "t.process_instance_id")
          .sort("processDefinitionId", "t.proc_def_id")
          .sort("processDefinitionKey", "t.proc_def_key")
          .sort("tenantId", "t.tenant_id")
          .sort("taskPriority", "t.priority")
          .sort("createTime", "t.create_time")
          .build();

  private static final Authorizer AUTHORIZER = new Authorizer();

  private final FilterQuery filters;

  ExternalTaskQuery() {
    this(new FilterQuery(DEFINITION));
  }

  private ExternalTaskQuery(FilterQuery filters) {
    this.filters = filters;
  }

  /** A copy of this query restricted to the tasks the caller may read; this one is left as it is. */
  public ExternalTaskQuery readableBy(Caller caller) {
    return new ExternalTaskQuery(filters.restricted(readable(caller)));
  }

  /** Tasks of instances the caller may read, of its tenants or none. */
  static Restriction readable(Caller caller) {
    return AUTHORIZER.instanceReadable(
        caller, "t.process_instance_id", "t.proc_def_key", "t.tenant_id");
  }

  /** {@code SELECT t.id FROM …}: the query's tasks as a sub-select (binds prefixed {@code etq}). */
  SqlFragment idsSql(Instant now) {
    return filters.idsSql("etq", now);
  }

  /** The generic filter values: set any {@code ExternalTaskQueryDto} field by name. */
  public FilterQuery filters() {
    return filters;
  }

  public ExternalTaskQuery externalTaskId(String id) {
    filters.set("externalTaskId", id);
    return this;
  }

  public ExternalTaskQuery processInstanceId(String id) {
    filters.set("processInstanceId", id);
    return this;
  }

  public ExternalTaskQuery topicName(String topicName) {
    filters.set("topicName", topicName);
    return this;
  }

  public ExternalTaskQuery noRetriesLeft() {
    filters.set("noRetriesLeft", true);
    return this;
  }

  public ExternalTaskQuery locked() {
    filters.set("locked", true);
    return this;
  }

  public ExternalTaskQuery orderBy(String sortBy, boolean ascending) {
    filters.orderBy(sortBy, ascending);
    return this;
  }
}
