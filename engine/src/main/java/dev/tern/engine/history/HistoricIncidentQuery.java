package dev.tern.engine.history;

import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.TypedQuery;

/** Selects historic incidents with the filters of Camunda's {@code GET /history/incident}. */
public final class HistoricIncidentQuery extends TypedQuery<HistoricIncidentQuery> {

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_hi_incident i", "i.id")
          .equal("incidentId", "i.id")
          .equalColumns(
              "incidentType", "incidentMessage", "processDefinitionId", "processDefinitionKey",
              "processInstanceId", "executionId", "activityId", "failedActivityId",
              "causeIncidentId", "rootCauseIncidentId", "configuration", "historyConfiguration")
          .like("incidentMessageLike", "i.incident_message")
          .anyOf("processDefinitionKeyIn", "i.proc_def_key")
          .dateRange("createTime", "i.create_time", false)
          .dateRange("endTime", "i.end_time", false)
          .flag("open", "i.incident_state = 0")
          .flag("resolved", "i.incident_state = 1")
          .flag("deleted", "i.incident_state = 2")
          .tenants("i.tenant_id")
          .anyOf("jobDefinitionIdIn", "i.job_definition_id")
          .sortable(
              "incidentId", "incidentMessage", "createTime", "endTime", "incidentType",
              "executionId", "activityId", "processInstanceId", "processDefinitionId",
              "processDefinitionKey", "causeIncidentId", "rootCauseIncidentId", "configuration",
              "historyConfiguration", "tenantId")
          .sort("incidentState", "i.incident_state")
          .build();

  public HistoricIncidentQuery() {
    super(DEFINITION);
  }


}
