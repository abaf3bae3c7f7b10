package dev.tern.rest.history;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.history.HistoricIncidentQuery;
import dev.tern.engine.history.JobHistoryService;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.support.QueryRequests;
import dev.tern.rest.support.Paging;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.util.Set;

/** Camunda's {@code /history/incident} resource. */
public final class HistoricIncidentResource implements RestResource {

  private final JobHistoryService history;

  public HistoricIncidentResource(ProcessEngine engine) {
    this.history = engine.jobHistoryService();
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .get("/history/incident", this::list)
        .get("/history/incident/count", this::count);
  }

  private HistoricIncidentQuery query(Context ctx) {
    HistoricIncidentQuery query = history.createHistoricIncidentQuery();
    QueryRequests.fill(ctx, query.filters(), Set.of());
    return query;
  }

  private void list(Context ctx) {
    HistoricIncidentQuery query = query(ctx);
    Paging paging = QueryRequests.paging(ctx);
    ctx.json(
        history.listHistoricIncidents(Callers.of(ctx), query, paging.firstResult(), paging.maxResults()).stream()
            .map(HistoricIncidentDto::of)
            .toList());
  }

  private void count(Context ctx) {
    Responses.count(ctx, history.countHistoricIncidents(Callers.of(ctx), query(ctx)));
  }
}
