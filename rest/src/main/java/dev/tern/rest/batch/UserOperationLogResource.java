package dev.tern.rest.batch;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.history.UserOperationLogQuery;
import dev.tern.engine.history.UserOperationLogService;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.batch.BatchDtos.UserOperationLogEntryDto;
import dev.tern.rest.support.Paging;
import dev.tern.rest.support.QueryParams;
import dev.tern.rest.support.QueryRequests;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.util.Set;

/** {@code /history/user-operation}: the user operation log. */
public final class UserOperationLogResource implements RestResource {

  private final UserOperationLogService log;

  public UserOperationLogResource(ProcessEngine engine) {
    this.log = engine.userOperationLogService();
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .get("/history/user-operation", this::list)
        .get("/history/user-operation/count", ctx -> Responses.count(ctx, log.count(Callers.of(ctx), query(ctx))));
  }

  private void list(Context ctx) {
    Paging paging = Paging.from(QueryParams.of(ctx));
    ctx.json(
        log.list(Callers.of(ctx), query(ctx), paging.firstResult(), paging.maxResults()).stream()
            .map(UserOperationLogEntryDto::of)
            .toList());
  }

  private static UserOperationLogQuery query(Context ctx) {
    UserOperationLogQuery query = new UserOperationLogQuery();
    QueryRequests.fill(ctx, query.filters(), Set.of());
    return query;
  }
}
