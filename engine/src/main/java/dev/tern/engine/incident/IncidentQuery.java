package dev.tern.engine.incident;

import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.QueryDefinition;

/** Selects runtime incidents with the filters of Camunda's {@code GET /incident}. */
public final class IncidentQuery {

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_incident i", "i.id")
          .equal("incidentId", "i.id")
          .equal("incidentType", "i.incident_type")
          .equal("incidentMessage", "i.incident_message")
          .like("incidentMessageLike", "i.incident_message")
          .equal("processDefinitionId", "i.proc_def_id")
          .anyOf("processDefinitionKeyIn", "i.proc_def_key")
          .equal("processInstanceId", "i.process_instance_id")
          .equal("executionId", "i.execution_id")
          .dateRange("incidentTimestamp", "i.incident_timestamp", false)
          .equal("activityId", "i.activity_id")
          .equal("failedActivityId", "i.failed_activity_id")
          .equal("causeIncidentId", "i.cause_incident_id")
          .equal("rootCauseIncidentId", "i.root_cause_incident_id")
          .equal("configuration", "i.configuration")
          .anyOf("tenantIdIn", "i.tenant_id")
          .anyOf("jobDefinitionIdIn", "i.job_definition_id")
          .sort("incidentId", "i.id")
          .sort("incidentMessage", "i.incident_message")
          .sort("incidentTimestamp", "i.incident_timestamp")
          .sort("incidentType", "i.incident_type")
          .sort("executionId", "i.execution_id")
          .sort("activityId", "i.activity_id")
          .sort("processInstanceId", "i.process_instance_id")
          .sort("processDefinitionId", "i.proc_def_id")
          .sort("causeIncidentId", "i.cause_incident_id")
          .sort("rootCauseIncidentId", "i.root_cause_incident_id")
          .sort("configuration", "i.configuration")
          .sort("tenantId", "i.tenant_id")
          .build();

  private final FilterQuery filters = new FilterQuery(DEFINITION);

  public FilterQuery filters() {
    return filters;
  }

  public IncidentQuery processInstanceId(String id) {
    filters.set("processInstanceId", id);
    return this;
  }

  public IncidentQuery incidentType(String type) {
    filters.set("incidentType", type);
    return this;
  }

  public IncidentQuery configuration(String configuration) {
    filters.set("configuration", configuration);
    return this;
  }
}
