package dev.tern.rest.history;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.history.HistoricJobLogQuery;
import dev.tern.engine.history.JobHistoryService;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.support.QueryRequests;
import dev.tern.rest.support.Paging;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.util.Set;

/** Camunda's {@code /history/job-log} resource. */
public final class HistoricJobLogResource implements RestResource {

  private final JobHistoryService history;

  public HistoricJobLogResource(ProcessEngine engine) {
    this.history = engine.jobHistoryService();
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .get("/history/job-log", this::list)
        .post("/history/job-log", this::list)
        .get("/history/job-log/count", this::count)
        .post("/history/job-log/count", this::count);
  }

  private HistoricJobLogQuery query(Context ctx) {
    HistoricJobLogQuery query = history.createHistoricJobLogQuery();
    QueryRequests.fill(ctx, query.filters(), Set.of());
    return query;
  }

  private void list(Context ctx) {
    HistoricJobLogQuery query = query(ctx);
    Paging paging = QueryRequests.paging(ctx);
    ctx.json(
        history.listJobLogs(Callers.of(ctx), query, paging.firstResult(), paging.maxResults()).stream()
            .map(HistoricJobLogDto::of)
            .toList());
  }

  private void count(Context ctx) {
    Responses.count(ctx, history.countJobLogs(Callers.of(ctx), query(ctx)));
  }
}
