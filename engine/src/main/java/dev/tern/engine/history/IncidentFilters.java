package dev.tern.engine.history;

import dev.tern.engine.query.QueryDefinition;

/**
 * The filters and sort keys Camunda's runtime and historic incident queries share, on the columns
 * both incident tables name alike (alias {@code i}). A family declares its tenant filter before
 * this group ({@code tenantId} sorts by its column).
 */
public final class IncidentFilters {

  private IncidentFilters() {}

  public static void declare(QueryDefinition.Builder incidents) {
    incidents
        .equal("incidentId", "i.id")
        .equalColumns(
            "incidentType", "incidentMessage", "processDefinitionId", "processInstanceId",
            "executionId", "activityId", "failedActivityId", "causeIncidentId",
            "rootCauseIncidentId", "configuration")
        .like("incidentMessageLike", "i.incident_message")
        .anyOf("processDefinitionKeyIn", "i.proc_def_key")
        .anyOf("jobDefinitionIdIn", "i.job_definition_id")
        .sortable(
            "incidentId", "incidentMessage", "incidentType", "executionId", "activityId",
            "processInstanceId", "processDefinitionId", "causeIncidentId", "rootCauseIncidentId",
            "configuration", "tenantId");
  }
}
