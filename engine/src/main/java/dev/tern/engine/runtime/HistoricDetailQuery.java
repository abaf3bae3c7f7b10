package dev.tern.engine.runtime;

import dev.tern.engine.authorization.ReadableQuery;
import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.Type;
import java.util.Locale;

/**
 * Selects historic details with the filters and sortings of Camunda's {@code GET /history/detail}.
 * Tern records variable updates only, so {@code formFields} selects nothing; Tern keeps no user
 * operation on an update and no case instances.
 */
public final class HistoricDetailQuery extends ReadableQuery<HistoricDetailQuery> {

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_hi_detail d", "d.id")
          .equalOrAnyOf("processInstanceId", "d.process_instance_id")
          .equalColumns("executionId", "taskId")
          .equal("activityInstanceId", "d.act_inst_id")
          .equal("variableInstanceId", "d.variable_instance_id")
          .matchingNothing("caseInstanceId", "caseExecutionId", "userOperationId")
          .strings("variableTypeIn", HistoricVariableInstanceQuery.typeIn("d"))
          // Camunda matches the pattern case-insensitively
          .filter(
              "variableNameLike",
              Type.STRING,
              (w, v, c) ->
                  w.add("LOWER(d.name) LIKE " + w.bind(v.toString().toLowerCase(Locale.ROOT))))
          .tenants("d.tenant_id")
          .flag("formFields", "d.detail_type = 'formField'")
          .flag("variableUpdates", "d.detail_type = 'variableUpdate'")
          .filter(
              "excludeTaskDetails",
              Type.BOOLEAN,
              (w, v, c) ->
                  w.addIf(
                      Boolean.TRUE.equals(v) && c.values().get("taskId") == null,
                      "d.task_id IS NULL"))
          .flag("initial", "d.is_initial = TRUE")
          .dateRange("occurred", "d.detail_time", true)
          .sort("processInstanceId", "d.process_instance_id")
          .sort("variableName", "d.name")
          .sort("variableType", "d.var_type")
          .sort("variableRevision", "d.revision")
          .sort("formPropertyId", "d.name")
          .sort("time", "d.detail_time")
          .sort("occurrence", "d.occurrence")
          .sort("tenantId", "d.tenant_id")
          .build();

  /** A query with no filter set: every historic detail. */
  public HistoricDetailQuery() {
    this(new FilterQuery(DEFINITION));
  }

  /** Details of definitions the caller may read the history of, of its tenants or of none. */
  private HistoricDetailQuery(FilterQuery filters) {
    super(
        filters, "hdq", HistoricDetailQuery::new, (a, caller) -> a.historyReadable(caller, "d"));
  }

  public HistoricDetailQuery processInstanceId(String id) {
    return set("processInstanceId", id);
  }
}
