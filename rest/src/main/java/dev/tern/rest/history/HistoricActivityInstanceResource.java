package dev.tern.rest.history;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.history.HistoricActivityInstanceQuery;
import dev.tern.engine.history.HistoricActivityInstanceService;
import dev.tern.engine.query.Page;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.support.Paging;
import dev.tern.rest.support.QueryRequests;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.util.Set;

/** Camunda's {@code /history/activity-instance} resource. */
public final class HistoricActivityInstanceResource implements RestResource {

  private final HistoricActivityInstanceService history;

  public HistoricActivityInstanceResource(ProcessEngine engine) {
    this.history = engine.historicActivityInstances();
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .get("/history/activity-instance", this::list)
        .post("/history/activity-instance", this::list)
        .get("/history/activity-instance/count", this::count)
        .post("/history/activity-instance/count", this::count)
        .get(
            "/history/activity-instance/{id}",
            ctx ->
                ctx.json(
                    HistoricActivityInstanceDto.of(
                        history.get(Callers.of(ctx), ctx.pathParam("id")))));
  }

  private HistoricActivityInstanceQuery query(Context ctx) {
    HistoricActivityInstanceQuery query = history.createQuery();
    QueryRequests.fill(ctx, query.filters(), Set.of());
    return query;
  }

  private void list(Context ctx) {
    HistoricActivityInstanceQuery query = query(ctx);
    Paging paging = QueryRequests.paging(ctx);
    Page page =
        new Page(
            paging.firstResult(),
            paging.maxResults() == Integer.MAX_VALUE ? null : paging.maxResults());
    ctx.json(
        history.list(Callers.of(ctx), query, page).stream()
            .map(HistoricActivityInstanceDto::of)
            .toList());
  }

  private void count(Context ctx) {
    Responses.count(ctx, history.count(Callers.of(ctx), query(ctx)));
  }
}
