package dev.tern.rest.batch;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.history.HistoricBatchQuery;
import dev.tern.engine.history.HistoricBatchService;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.batch.BatchDtos.HistoricBatchDto;
import dev.tern.rest.support.Paging;
import dev.tern.rest.support.QueryParams;
import dev.tern.rest.support.QueryRequests;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.util.Set;

/** {@code /history/batch}: batches as history keeps them. */
public final class HistoricBatchResource implements RestResource {

  private final HistoricBatchService history;

  public HistoricBatchResource(ProcessEngine engine) {
    this.history = engine.historicBatchService();
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .get("/history/batch", this::list)
        .get("/history/batch/count", ctx -> Responses.count(ctx, history.count(Callers.of(ctx), query(ctx))))
        .get("/history/batch/{id}", this::get)
        .delete("/history/batch/{id}", this::delete);
  }

  private void list(Context ctx) {
    Paging paging = Paging.from(QueryParams.of(ctx));
    ctx.json(
        history.list(Callers.of(ctx), query(ctx), paging.firstResult(), paging.maxResults()).stream()
            .map(HistoricBatchDto::of)
            .toList());
  }

  private void get(Context ctx) {
    String id = ctx.pathParam("id");
    ctx.json(
        HistoricBatchDto.of(
            history
                .find(Callers.of(ctx), id)
                .orElseThrow(
                    () ->
                        new NotFoundException(
                            "Historic batch with id '" + id + "' does not exist"))));
  }

  private void delete(Context ctx) {
    String id = ctx.pathParam("id");
    try {
      history.delete(Callers.of(ctx), id);
    } catch (NotFoundException e) {
      throw new NotFoundException("Unable to delete historic batch with id '" + id + "'");
    }
    Responses.noContent(ctx);
  }

  private static HistoricBatchQuery query(Context ctx) {
    HistoricBatchQuery query = new HistoricBatchQuery();
    QueryRequests.fill(ctx, query.filters(), Set.of());
    return query;
  }
}
