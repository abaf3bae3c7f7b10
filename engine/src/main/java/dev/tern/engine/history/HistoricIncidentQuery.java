package dev.tern.engine.history;

import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.TypedQuery;

/** Selects historic incidents with the filters of Camunda's {@code GET /history/incident}. */
public final class HistoricIncidentQuery extends TypedQuery<HistoricIncidentQuery> {

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_hi_incident i", "i.id")
          .equalColumns("processDefinitionKey", "historyConfiguration")
          .dateRange("createTime", "i.create_time", false)
          .dateRange("endTime", "i.end_time", false)
          .flag("open", "i.incident_state = 0")
          .flag("resolved", "i.incident_state = 1")
          .flag("deleted", "i.incident_state = 2")
          .tenants("i.tenant_id")
          .with(IncidentFilters::declare)
          .sortable("processDefinitionKey", "historyConfiguration", "createTime", "endTime")
          .sort("incidentState", "i.incident_state")
          .build();

  public HistoricIncidentQuery() {
    super(DEFINITION);
  }
}
