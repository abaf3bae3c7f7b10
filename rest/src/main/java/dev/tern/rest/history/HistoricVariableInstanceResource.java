package dev.tern.rest.history;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.query.Page;
import dev.tern.engine.runtime.HistoricVariableInstanceQuery;
import dev.tern.engine.runtime.HistoricVariableInstanceService;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.support.Paging;
import dev.tern.rest.support.QueryRequests;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.util.Set;

/**
 * Camunda's {@code /history/variable-instance} resource (reads). {@code deserializeValues} is
 * accepted and changes nothing: Tern stores no serialized Java objects.
 */
public final class HistoricVariableInstanceResource implements RestResource {

  private final HistoricVariableInstanceService history;

  public HistoricVariableInstanceResource(ProcessEngine engine) {
    this.history = engine.historicVariableInstances();
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .get("/history/variable-instance", this::list)
        .post("/history/variable-instance", this::list)
        .get("/history/variable-instance/count", this::count)
        .post("/history/variable-instance/count", this::count)
        .get(
            "/history/variable-instance/{id}",
            ctx ->
                ctx.json(
                    HistoricVariableInstanceDto.of(
                        history.get(Callers.of(ctx), ctx.pathParam("id")))));
  }

  private HistoricVariableInstanceQuery query(Context ctx) {
    HistoricVariableInstanceQuery query = history.createQuery();
    QueryRequests.fill(ctx, query.filters(), Set.of());
    return query;
  }

  private void list(Context ctx) {
    HistoricVariableInstanceQuery query = query(ctx);
    Paging paging = QueryRequests.paging(ctx);
    Page page =
        new Page(
            paging.firstResult(),
            paging.maxResults() == Integer.MAX_VALUE ? null : paging.maxResults());
    ctx.json(
        history.list(Callers.of(ctx), query, page).stream()
            .map(HistoricVariableInstanceDto::of)
            .toList());
  }

  private void count(Context ctx) {
    Responses.count(ctx, history.count(Callers.of(ctx), query(ctx)));
  }
}
