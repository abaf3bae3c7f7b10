package dev.tern.engine.history;

import dev.tern.engine.query.TypedQuery;
import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.Type;

/** Selects activity instances with the filters of Camunda's {@code GET /history/activity-instance}. */
public final class HistoricActivityInstanceQuery extends TypedQuery<HistoricActivityInstanceQuery> {

  static final String COMPLETE_SCOPE =
      "a.end_time IS NOT NULL AND a.canceled = FALSE AND a.activity_type LIKE '%EndEvent'";

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_hi_activity_instance a", "a.id")
          // activities a transaction passed start at the same instant: the finished ones came first
          .tieBreaker("a.start_time ASC, a.end_time ASC NULLS LAST, a.id ASC")
          .equal("activityInstanceId", "a.id")
          .equalColumns(
              "processInstanceId", "processDefinitionId", "executionId", "activityId",
              "activityName", "activityType")
          .where(
              "taskAssignee",
              Type.STRING,
              "EXISTS (SELECT 1 FROM tern_hi_task t WHERE t.activity_instance_id = a.id"
                  + " AND t.assignee = ?)")
          .flag("finished", "a.end_time IS NOT NULL")
          .flag("unfinished", "a.end_time IS NULL")
          .flag("canceled", "a.canceled = TRUE")
          .flag("completeScope", COMPLETE_SCOPE)
          .dateRange("started", "a.start_time", true)
          .dateRange("finished", "a.end_time", true)
          .tenants("a.tenant_id")
          .sortable(
              "activityInstanceId", "executionId", "activityId", "activityName", "activityType",
              "tenantId")
          .sort("instanceId", "a.process_instance_id")
          .sort("startTime", "a.start_time")
          .sort("endTime", "a.end_time")
          .sort("duration", "a.duration_ms")
          .sort("definitionId", "a.proc_def_id")
          .sort("occurrence", "a.start_time")
          .build();

  public HistoricActivityInstanceQuery() {
    super(DEFINITION);
  }
}
