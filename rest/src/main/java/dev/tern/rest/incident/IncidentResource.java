package dev.tern.rest.incident;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.incident.IncidentQuery;
import dev.tern.engine.incident.IncidentService;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.support.QueryRequests;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.support.Paging;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.util.Set;

/** Camunda's {@code /incident} resource (reading). */
public final class IncidentResource implements RestResource {

  private final IncidentService incidents;

  public IncidentResource(ProcessEngine engine) {
    this.incidents = engine.incidentService();
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .get("/incident", this::list)
        .get("/incident/count", this::count)
        .get(
            "/incident/{id}",
            ctx -> ctx.json(IncidentDto.of(incidents.getIncident(ctx.pathParam("id")))));
  }

  private IncidentQuery query(Context ctx) {
    IncidentQuery query = incidents.createIncidentQuery();
    QueryRequests.fill(ctx, query.filters(), Set.of());
    return query;
  }

  private void list(Context ctx) {
    IncidentQuery query = query(ctx);
    Paging paging = QueryRequests.paging(ctx);
    ctx.json(
        incidents.listIncidents(Callers.of(ctx), query, paging.firstResult(), paging.maxResults()).stream()
            .map(IncidentDto::of)
            .toList());
  }

  private void count(Context ctx) {
    Responses.count(ctx, incidents.countIncidents(Callers.of(ctx), query(ctx)));
  }
}
