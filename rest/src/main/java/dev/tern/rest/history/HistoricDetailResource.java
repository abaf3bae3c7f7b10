package dev.tern.rest.history;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.runtime.HistoricDetailQuery;
import dev.tern.engine.runtime.HistoricDetailService;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.runtime.VariableValues;
import dev.tern.rest.support.QueryRequests;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.util.Set;

/**
 * Camunda's {@code /history/detail} resource: the query ({@code GET} and {@code POST}; the count
 * is {@code GET} only, as in Camunda), one detail, the bytes of a binary one.
 */
public final class HistoricDetailResource implements RestResource {

  private final HistoricDetailService details;

  public HistoricDetailResource(ProcessEngine engine) {
    this.details = engine.historicDetails();
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .get("/history/detail", this::list)
        .post("/history/detail", this::list)
        .get(
            "/history/detail/count",
            ctx -> Responses.count(ctx, details.count(Callers.of(ctx), query(ctx))))
        .get(
            "/history/detail/{id}",
            ctx ->
                ctx.json(
                    HistoricDetailDto.of(
                        details.get(Callers.of(ctx), ctx.pathParam("id")),
                        VariableValues.deserialize(ctx, "deserializeValue"))))
        .get(
            "/history/detail/{id}/data",
            ctx ->
                VariableValues.sendBinary(
                    ctx,
                    ctx.pathParam("id"),
                    details.data(Callers.of(ctx), ctx.pathParam("id")).variable().value()));
  }

  private void list(Context ctx) {
    boolean deserialize = VariableValues.deserialize(ctx, "deserializeValues");
    ctx.json(
        details.list(Callers.of(ctx), query(ctx), QueryRequests.page(ctx)).stream()
            .map(d -> HistoricDetailDto.of(d, deserialize))
            .toList());
  }

  private HistoricDetailQuery query(Context ctx) {
    HistoricDetailQuery query = details.createQuery();
    QueryRequests.fill(ctx, query.filters(), Set.of());
    return query;
  }
}
