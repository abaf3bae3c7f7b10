package dev.tern.engine.incident;

import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.TypedQuery;

/** Selects runtime incidents with the filters of Camunda's {@code GET /incident}. */
public final class IncidentQuery extends TypedQuery<IncidentQuery> {

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_incident i", "i.id")
          .equal("incidentId", "i.id")
          .equalColumns(
              "incidentType", "incidentMessage", "processDefinitionId", "processInstanceId",
              "executionId", "activityId", "failedActivityId", "causeIncidentId",
              "rootCauseIncidentId", "configuration")
          .like("incidentMessageLike", "i.incident_message")
          .anyOf("processDefinitionKeyIn", "i.proc_def_key")
          .dateRange("incidentTimestamp", "i.incident_timestamp", false)
          .anyOf("tenantIdIn", "i.tenant_id")
          .anyOf("jobDefinitionIdIn", "i.job_definition_id")
          .sortable(
              "incidentId", "incidentMessage", "incidentTimestamp", "incidentType", "executionId",
              "activityId", "processInstanceId", "processDefinitionId", "causeIncidentId",
              "rootCauseIncidentId", "configuration", "tenantId")
          .build();

  public IncidentQuery() {
    super(DEFINITION);
  }

  public IncidentQuery incidentType(String type) {
    return set("incidentType", type);
  }



}
