package dev.tern.engine.incident;

import dev.tern.engine.history.IncidentFilters;
import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.TypedQuery;

/** Selects runtime incidents with the filters of Camunda's {@code GET /incident}. */
public final class IncidentQuery extends TypedQuery<IncidentQuery> {

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_incident i", "i.id")
          .dateRange("incidentTimestamp", "i.incident_timestamp", false)
          .anyOf("tenantIdIn", "i.tenant_id")
          .with(IncidentFilters::declare)
          .sortable("incidentTimestamp")
          .build();

  public IncidentQuery() {
    super(DEFINITION);
  }

  public IncidentQuery incidentType(String type) {
    return set("incidentType", type);
  }
}
