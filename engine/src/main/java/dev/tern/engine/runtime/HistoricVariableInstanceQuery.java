package dev.tern.engine.runtime;

import dev.tern.engine.query.TypedQuery;
import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.Type;
import java.util.List;
import java.util.Locale;

/** Selects historic variables with the filters of Camunda's {@code GET /history/variable-instance}. */
public final class HistoricVariableInstanceQuery extends TypedQuery<HistoricVariableInstanceQuery> {

  private static final String NAMES_IGNORE_CASE = "variableNamesIgnoreCase";
  private static final String VALUES_IGNORE_CASE = "variableValuesIgnoreCase";
  private static final String INCLUDE_DELETED = "includeDeleted";

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_hi_variable v", "v.id")
          .flag(NAMES_IGNORE_CASE, "1 = 1")
          .flag(VALUES_IGNORE_CASE, "1 = 1")
          .filter(
              "variableName",
              Type.STRING,
              (w, v, c) -> w.add(caseFolded("v.name", c.values().get(NAMES_IGNORE_CASE)) + " = "
                  + w.bind(folded(v, c.values().get(NAMES_IGNORE_CASE)))))
          .filter(
              "variableNameLike",
              Type.STRING,
              (w, v, c) -> w.add(caseFolded("v.name", c.values().get(NAMES_IGNORE_CASE)) + " LIKE "
                  + w.bind(folded(v, c.values().get(NAMES_IGNORE_CASE)))))
          .anyOf("variableNameIn", "v.name")
          // string values; Tern keeps other types in typed columns and matches them as text here
          .filter(
              "variableValue",
              Type.STRING,
              (w, v, c) ->
                  w.add(
                      caseFolded(
                              "COALESCE(v.text_value, CAST(v.long_value AS VARCHAR(40)))",
                              c.values().get(VALUES_IGNORE_CASE))
                          + " = "
                          + w.bind(folded(v, c.values().get(VALUES_IGNORE_CASE)))))
          .strings("variableTypeIn", typeIn("v"))
          .filter(INCLUDE_DELETED, Type.BOOLEAN, (w, v, c) -> {})
          .equalOrAnyOf("processInstanceId", "v.process_instance_id")
          .equalColumns("processDefinitionId", "processDefinitionKey")
          .anyOf("executionIdIn", "v.execution_id")
          .anyOf("activityInstanceIdIn", "COALESCE(v.act_inst_id, v.process_instance_id)")
          .matchingNothing("caseInstanceId")
          .nothingIn("caseExecutionIdIn", "caseActivityIdIn", "taskIdIn")
          .tenants("v.tenant_id")
          .sort("instanceId", "v.process_instance_id")
          .sort("variableName", "v.name")
          .sort("tenantId", "v.tenant_id")
          .build();

  /** A query with no filter set: every historic variable. */
  public HistoricVariableInstanceQuery() {
    super(DEFINITION);
  }

  public HistoricVariableInstanceQuery processInstanceId(String id) {
    return set("processInstanceId", id);
  }

  /** Camunda leaves deleted variables out unless {@code includeDeleted} is true. */
  boolean includesDeleted() {
    return Boolean.TRUE.equals(filters().values().get(INCLUDE_DELETED));
  }

  /** Camunda's {@code variableTypeIn} on a variable history table: type names in any case. */
  static QueryDefinition.StringsCondition typeIn(String alias) {
    return (w, types, c) ->
        w.in(alias + ".var_type", types.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList());
  }

  private static String caseFolded(String column, Object ignoreCase) {
    return Boolean.TRUE.equals(ignoreCase) ? "LOWER(" + column + ")" : column;
  }

  private static Object folded(Object value, Object ignoreCase) {
    return Boolean.TRUE.equals(ignoreCase) ? value.toString().toLowerCase(Locale.ROOT) : value;
  }
}
