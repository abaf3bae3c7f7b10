package dev.tern.engine.externaltask;

import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.Restriction;
import dev.tern.engine.query.SqlFragment;
import dev.tern.engine.query.TypedQuery;
import java.time.Instant;
import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.VariableConditionSql;
import dev.tern.engine.query.QueryDefinition.Type;

/**
 * Selects external tasks with Camunda's {@code ExternalTaskQuery} filters (names as in {@code
 * ExternalTaskQueryDto}). Obtain one from {@link ExternalTaskService#createQuery()}.
 */
public final class ExternalTaskQuery extends TypedQuery<ExternalTaskQuery> {

  private static final String DEFINITION_NAME =
      "EXISTS (SELECT 1 FROM tern_process_definition d WHERE d.id = t.proc_def_id AND ";

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_external_task t", "t.id")
          .equalOrAnyOf("externalTaskId", "t.id")
          .equalOrAnyOf("activityId", "t.activity_id")
          .dateRange("lockExpiration", "t.lock_expiration_time", false)
          .equalColumns("topicName", "executionId", "processDefinitionId", "workerId")
          .flagAtNow("locked", "t.lock_expiration_time IS NOT NULL AND t.lock_expiration_time > ?")
          .flagAtNow("notLocked", "(t.lock_expiration_time IS NULL OR t.lock_expiration_time < ?)")
          .equalOrAnyOf("processInstanceId", "t.process_instance_id")
          .equalOrAnyOf("processDefinitionKey", "t.proc_def_key")
          .variables(
              "processVariables",
              new VariableConditionSql("tern_variable", "process_instance_id", null),
              "t.process_instance_id")
          .where("processDefinitionName", Type.STRING, DEFINITION_NAME + "d.name = ?)")
          .where("processDefinitionNameLike", Type.STRING, DEFINITION_NAME + "d.name LIKE ?)")
          .instanceSuspension("t.process_instance_id")
          .flag("withRetriesLeft", "(t.retries IS NULL OR t.retries > 0)")
          .flag("noRetriesLeft", "t.retries = 0")
          .anyOf("tenantIdIn", "t.tenant_id")
          .priorityRange("priority", "t.priority")
          .sort("id", "t.id")
          .sort("lockExpirationTime", "t.lock_expiration_time")
          .sortable("processInstanceId", "processDefinitionId", "processDefinitionKey", "tenantId")
          .sort("taskPriority", "t.priority")
          .sort("createTime", "t.create_time")
          .build();

  private static final Authorizer AUTHORIZER = new Authorizer();

  ExternalTaskQuery() {
    super(DEFINITION);
  }

  private ExternalTaskQuery(FilterQuery filters) {
    super(filters);
  }

  /** A copy of this query restricted to the tasks the caller may read; this one is left as it is. */
  public ExternalTaskQuery readableBy(Caller caller) {
    return new ExternalTaskQuery(filters().restricted(readable(caller)));
  }

  /** Tasks of instances the caller may read, of its tenants or none. */
  static Restriction readable(Caller caller) {
    return AUTHORIZER.instanceReadable(
        caller, "t.process_instance_id", "t.proc_def_key", "t.tenant_id");
  }

  /** {@code SELECT t.id FROM …}: the query's tasks as a sub-select (binds prefixed {@code etq}). */
  SqlFragment idsSql(Instant now) {
    return filters().idsSql("etq", now);
  }
}
