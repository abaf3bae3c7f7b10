package dev.tern.engine.runtime;

import dev.tern.engine.authorization.ReadableQuery;
import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.Type;
import dev.tern.engine.query.VariableConditionSql;

/**
 * A selection of executions, with the filters of Camunda 7.24's {@code ExecutionQueryDto}. Tern's
 * executions are the process instances themselves (the root execution, whose id is the instance's)
 * and their other resting tokens (child executions, e.g. one per parallel branch after the first).
 * Variables live on the root execution: {@code variables} (local variables) match there, {@code
 * processVariables} match every execution of the instance.
 */
public final class ExecutionQuery extends ReadableQuery<ExecutionQuery> {

  static final String COLUMNS =
      "x.id, x.process_instance_id, x.activity_id, x.proc_def_id, x.proc_def_key, x.tenant_id";

  /**
   * The instance's first token carries the instance's id, as Camunda's process instance executes
   * its first path itself: that token is the root execution (with its activity), every other token
   * a child. A token resting at an activity with an execution of its own keeps its previous id as
   * {@code outer_id}: that execution is listed too, without activity, as Camunda lists the
   * concurrent execution (or the sub-process's scope execution) whose child the activity's
   * execution is.
   */
  private static final String EXECUTIONS =
      "(SELECT pi.id, pi.id AS process_instance_id, own.activity_id, pi.proc_def_id,"
          + " pi.proc_def_key, pi.business_key, pi.tenant_id, pi.suspended"
          + " FROM tern_process_instance pi LEFT JOIN tern_execution own ON own.id = pi.id"
          + " UNION ALL SELECT e.id, e.process_instance_id, e.activity_id, pi.proc_def_id,"
          + " pi.proc_def_key, pi.business_key, pi.tenant_id, pi.suspended"
          + " FROM tern_execution e JOIN tern_process_instance pi ON pi.id = e.process_instance_id"
          + " WHERE e.id <> e.process_instance_id"
          + " UNION ALL SELECT DISTINCT e.outer_id, e.process_instance_id,"
          + " CAST(NULL AS VARCHAR(255)), pi.proc_def_id, pi.proc_def_key, pi.business_key,"
          + " pi.tenant_id, pi.suspended"
          + " FROM tern_execution e JOIN tern_process_instance pi ON pi.id = e.process_instance_id"
          + " WHERE e.outer_id <> e.process_instance_id"
          + " UNION ALL SELECT e.scope_execution_id, e.process_instance_id,"
          + " CAST(NULL AS VARCHAR(255)), pi.proc_def_id, pi.proc_def_key, pi.business_key,"
          + " pi.tenant_id, pi.suspended"
          + " FROM tern_execution e JOIN tern_process_instance pi ON pi.id = e.process_instance_id"
          + " WHERE e.scope_execution_id IS NOT NULL"
          + " AND NOT EXISTS (SELECT 1 FROM tern_execution r WHERE r.id = e.scope_execution_id"
          + " OR r.outer_id = e.scope_execution_id)) x";

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder(EXECUTIONS, "x.id")
          .emptyListsUnset()
          .equal("processDefinitionKey", "x.proc_def_key")
          .equal("businessKey", "x.business_key")
          .equal("processDefinitionId", "x.proc_def_id")
          .equal("processInstanceId", "x.process_instance_id")
          .equal("activityId", "x.activity_id")
          .where("signalEventSubscriptionName", Type.STRING, subscribed("signal"))
          .where("messageEventSubscriptionName", Type.STRING, subscribed("message"))
          .flag("active", "x.suspended = FALSE")
          .flag("suspended", "x.suspended = TRUE")
          .related(
              "EXISTS (SELECT 1 FROM tern_incident i WHERE i.execution_id = x.id",
              incident ->
                  incident
                      .equal("incidentId", "i.id")
                      .equal("incidentType", "i.incident_type")
                      .equal("incidentMessage", "i.incident_message")
                      .like("incidentMessageLike", "i.incident_message"))
          .anyOf("tenantIdIn", "x.tenant_id")
          .variables(new VariableConditionSql("tern_variable", "execution_id", null), "x.id")
          .variables(
              "processVariables",
              new VariableConditionSql("tern_variable", "act_inst_id", null),
              "x.process_instance_id")
          .sort("instanceId", "x.process_instance_id")
          .sort("definitionKey", "x.proc_def_key")
          .sort("definitionId", "x.proc_def_id")
          .sort("tenantId", "x.tenant_id")
          .build();

  /** The execution waits for a message or signal of this name. */
  private static String subscribed(String eventType) {
    return "EXISTS (SELECT 1 FROM tern_event_subscription s WHERE s.execution_id = x.id"
        + " AND s.event_type = '"
        + eventType
        + "' AND s.event_name = ?)";
  }

  /** A query with no filter set: every execution. */
  public ExecutionQuery() {
    this(new FilterQuery(DEFINITION));
  }

  /**
   * Executions of instances the caller may read ({@code READ} on the instance, {@code
   * READ_INSTANCE} on its definition), of the caller's tenants or of none.
   */
  private ExecutionQuery(FilterQuery filters) {
    super(
        filters,
        "exq",
        ExecutionQuery::new,
        Rule.instanceReadable("x.process_instance_id", "x.proc_def_key", "x.tenant_id"));
  }
}
