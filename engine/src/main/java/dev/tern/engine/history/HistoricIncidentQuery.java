package dev.tern.engine.history;

import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.QueryDefinition;

/** Selects historic incidents with the filters of Camunda's {@code GET /history/incident}. */
public final class HistoricIncidentQuery {

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_hi_incident i", "i.id")
          .equal("incidentId", "i.id")
          .equal("incidentType", "i.incident_type")
          .equal("incidentMessage", "i.incident_message")
          .like("incidentMessageLike", "i.incident_message")
          .equal("processDefinitionId", "i.proc_def_id")
          .equal("processDefinitionKey", "i.proc_def_key")
          .anyOf("processDefinitionKeyIn", "i.proc_def_key")
          .equal("processInstanceId", "i.process_instance_id")
          .equal("executionId", "i.execution_id")
          .dateRange("createTime", "i.create_time", false)
          .dateRange("endTime", "i.end_time", false)
          .equal("activityId", "i.activity_id")
          .equal("failedActivityId", "i.failed_activity_id")
          .equal("causeIncidentId", "i.cause_incident_id")
          .equal("rootCauseIncidentId", "i.root_cause_incident_id")
          .equal("configuration", "i.configuration")
          .equal("historyConfiguration", "i.history_configuration")
          .flag("open", "i.incident_state = 0")
          .flag("resolved", "i.incident_state = 1")
          .flag("deleted", "i.incident_state = 2")
          .tenants("i.tenant_id")
          .anyOf("jobDefinitionIdIn", "i.job_definition_id")
          .sort("incidentId", "i.id")
          .sort("incidentMessage", "i.incident_message")
          .sort("createTime", "i.create_time")
          .sort("endTime", "i.end_time")
          .sort("incidentType", "i.incident_type")
          .sort("executionId", "i.execution_id")
          .sort("activityId", "i.activity_id")
          .sort("processInstanceId", "i.process_instance_id")
          .sort("processDefinitionId", "i.proc_def_id")
          .sort("processDefinitionKey", "i.proc_def_key")
          .sort("causeIncidentId", "i.cause_incident_id")
          .sort("rootCauseIncidentId", "i.root_cause_incident_id")
          .sort("configuration", "i.configuration")
          .sort("historyConfiguration", "i.history_configuration")
          .sort("tenantId", "i.tenant_id")
          .sort("incidentState", "i.incident_state")
          .build();

  private final FilterQuery filters = new FilterQuery(DEFINITION);

  public FilterQuery filters() {
    return filters;
  }

  public HistoricIncidentQuery configuration(String configuration) {
    filters.set("configuration", configuration);
    return this;
  }

  public HistoricIncidentQuery processInstanceId(String id) {
    filters.set("processInstanceId", id);
    return this;
  }
}
