package dev.tern.engine.runtime;

import dev.tern.engine.authorization.ReadableQuery;
import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.Type;
import dev.tern.engine.query.VariableConditionSql;

/**
 * A selection of runtime variables, with the filters of Camunda 7.24's {@code
 * VariableInstanceQueryDto}. A process variable's execution, variable scope and activity instance
 * are the process instance; a local variable's are its scope execution and that scope's activity
 * instance; case, task and batch filters match nothing. {@code variableValues} are conditions on the variable itself (name and
 * value).
 */
public final class VariableInstanceQuery extends ReadableQuery<VariableInstanceQuery> {

  /**
   * A process variable's activity instance is the process instance, a local's its scope's; the
   * loop variables of a parallel multi-instance instance, stored under its execution, show the
   * activity instance that execution is in (Camunda's concurrent execution's).
   */
  private static final String ACTIVITY_INSTANCE =
      "CASE WHEN vi.act_inst_id = vi.execution_id AND vi.act_inst_id <> vi.process_instance_id"
          + " THEN COALESCE((SELECT x.activity_instance_id FROM tern_execution x"
          + " WHERE x.id = vi.execution_id), vi.act_inst_id) ELSE vi.act_inst_id END";

  static final String COLUMNS =
      "vi.id, vi.name, vi.process_instance_id, vi.execution_id, "
          + ACTIVITY_INSTANCE
          + " act_inst_id, pi.proc_def_id, pi.tenant_id, "
          + VariableStore.VALUE_COLUMNS.replace("v.", "vi.");

  private static final String NAMES_IGNORE_CASE = "variableNamesIgnoreCase";

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder(
              "tern_variable vi JOIN tern_process_instance pi ON pi.id = vi.process_instance_id",
              "vi.id")
          .emptyListsUnset()
          .variables(
              "variableValues", new VariableConditionSql("tern_variable", "id", null), "vi.id")
          .filter("variableName", Type.STRING, name("="))
          .filter("variableNameLike", Type.STRING, name("LIKE"))
          .anyOf("processInstanceIdIn", "vi.process_instance_id")
          .anyOf("executionIdIn", "vi.execution_id")
          .anyOf("variableScopeIdIn", "vi.execution_id")
          .anyOf("activityInstanceIdIn", ACTIVITY_INSTANCE)
          .nothingIn("caseInstanceIdIn", "caseExecutionIdIn", "taskIdIn", "batchIdIn")
          .anyOf("tenantIdIn", "pi.tenant_id")
          .sort("variableName", "vi.name")
          .sort("variableType", "vi.var_type")
          .sort("activityInstanceId", ACTIVITY_INSTANCE)
          .sort("tenantId", "pi.tenant_id")
          .build();

  /** A filter on the variable's name with {@code operator}, ignoring case when asked to. */
  private static QueryDefinition.Condition name(String operator) {
    return (w, v, c) ->
        w.add(
            Boolean.TRUE.equals(c.values().get(NAMES_IGNORE_CASE))
                ? "LOWER(vi.name) " + operator + " LOWER(" + w.bind(v) + ")"
                : "vi.name " + operator + " " + w.bind(v));
  }

  /** A query with no filter set: every variable. */
  public VariableInstanceQuery() {
    this(new FilterQuery(DEFINITION));
  }

  /** Variables of instances the caller may read, of its tenants or of none. */
  private VariableInstanceQuery(FilterQuery filters) {
    super(
        filters,
        "viq",
        VariableInstanceQuery::new,
        Rule.instanceReadable("vi.process_instance_id", "pi.proc_def_key", "pi.tenant_id"));
  }
}
