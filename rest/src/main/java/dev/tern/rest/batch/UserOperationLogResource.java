package dev.tern.rest.batch;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.history.UserOperationLogQuery;
import dev.tern.engine.history.UserOperationLogService;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.batch.BatchDtos.UserOperationLogEntryDto;
import dev.tern.rest.support.Paging;
import dev.tern.rest.support.QueryParams;
import dev.tern.rest.support.Responses;
import dev.tern.rest.support.Sorting;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

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
        .get("/history/user-operation/count", ctx -> Responses.count(ctx, log.count(query(ctx))));
  }

  private void list(Context ctx) {
    Paging paging = Paging.from(QueryParams.of(ctx));
    ctx.json(
        log.list(query(ctx), paging.firstResult(), paging.maxResults()).stream()
            .map(UserOperationLogEntryDto::of)
            .toList());
  }

  private static UserOperationLogQuery query(Context ctx) {
    QueryParams p = QueryParams.of(ctx);
    List<Sorting.Criterion> sorting = Sorting.fromQuery(p, Set.of("timestamp"));
    boolean unsupported =
        Stream.of("caseDefinitionId", "caseInstanceId", "caseExecutionId", "taskId", "externalTaskId")
            .anyMatch(name -> p.string(name) != null);
    return new UserOperationLogQuery(
        p.string("deploymentId"),
        p.string("processDefinitionId"),
        p.string("processDefinitionKey"),
        p.string("processInstanceId"),
        p.string("executionId"),
        p.string("batchId"),
        p.string("jobId"),
        p.string("jobDefinitionId"),
        p.string("userId"),
        p.string("operationId"),
        p.string("operationType"),
        p.string("entityType"),
        p.list("entityTypeIn"),
        p.string("category"),
        p.list("categoryIn"),
        p.string("property"),
        p.date("afterTimestamp"),
        p.date("beforeTimestamp"),
        unsupported,
        sorting.isEmpty() ? null : sorting.get(0).ascending());
  }
}
