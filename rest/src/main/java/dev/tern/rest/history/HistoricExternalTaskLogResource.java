package dev.tern.rest.history;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.history.ExternalTaskLogService;
import dev.tern.engine.history.HistoricExternalTaskLogQuery;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.support.Paging;
import dev.tern.rest.support.QueryRequests;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.util.Set;

/** Camunda's {@code /history/external-task-log} resource. */
public final class HistoricExternalTaskLogResource implements RestResource {

  private final ExternalTaskLogService log;

  public HistoricExternalTaskLogResource(ProcessEngine engine) {
    this.log = engine.externalTaskLog();
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .get("/history/external-task-log", this::list)
        .post("/history/external-task-log", this::list)
        .get("/history/external-task-log/count", this::count)
        .post("/history/external-task-log/count", this::count)
        .get(
            "/history/external-task-log/{id}",
            ctx ->
                ctx.json(
                    HistoricExternalTaskLogDto.of(log.get(Callers.of(ctx), ctx.pathParam("id")))))
        .get("/history/external-task-log/{id}/error-details", this::errorDetails);
  }

  private HistoricExternalTaskLogQuery query(Context ctx) {
    HistoricExternalTaskLogQuery query = log.createQuery();
    QueryRequests.fill(ctx, query.filters(), Set.of());
    return query;
  }

  private void list(Context ctx) {
    HistoricExternalTaskLogQuery query = query(ctx);
    Paging paging = QueryRequests.paging(ctx);
    ctx.json(
        log.list(Callers.of(ctx), query, paging.firstResult(), paging.maxResults()).stream()
            .map(HistoricExternalTaskLogDto::of)
            .toList());
  }

  private void count(Context ctx) {
    Responses.count(ctx, log.count(Callers.of(ctx), query(ctx)));
  }

  private void errorDetails(Context ctx) {
    String details = log.errorDetails(Callers.of(ctx), ctx.pathParam("id"));
    if (details == null) {
      Responses.noContent(ctx);
    } else {
      ctx.contentType("text/plain").result(details);
    }
  }
}
