package dev.tern.rest.externaltask;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.externaltask.ExternalTaskQuery;
import dev.tern.engine.externaltask.ExternalTaskService;
import dev.tern.engine.externaltask.FetchRequest;
import dev.tern.engine.externaltask.LockedExternalTask;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.support.FilterParams;
import dev.tern.rest.support.QueryRequests;
import dev.tern.rest.runtime.VariableValueDto;
import dev.tern.rest.runtime.VariableValues;
import dev.tern.rest.support.JsonBodies;
import dev.tern.rest.support.Paging;
import dev.tern.rest.support.QueryParams;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/** Camunda's {@code /external-task} resource: the worker's calls and the operator's queries. */
public final class ExternalTaskResource implements RestResource {

  /** Camunda's upper bound for {@code asyncResponseTimeout}: 30 minutes. */
  static final long MAX_ASYNC_RESPONSE_TIMEOUT = 1_800_000;

  private final ExternalTaskService tasks;
  private final LongPolling longPolling;

  public ExternalTaskResource(ProcessEngine engine) {
    this.tasks = engine.externalTaskService();
    this.longPolling = new LongPolling(tasks);
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .get("/external-task", this::list)
        .post("/external-task", this::list)
        .get("/external-task/count", this::count)
        .post("/external-task/count", this::count)
        .get("/external-task/topic-names", this::topicNames)
        .post("/external-task/fetchAndLock", this::fetchAndLock)
        .get("/external-task/{id}", ctx -> ctx.json(ExternalTaskDto.of(tasks.get(Callers.of(ctx), id(ctx)))))
        .get("/external-task/{id}/errorDetails", this::errorDetails)
        .post("/external-task/{id}/complete", this::complete)
        .post("/external-task/{id}/failure", this::failure)
        .post("/external-task/{id}/bpmnError", this::bpmnError)
        .post("/external-task/{id}/extendLock", this::extendLock)
        .post("/external-task/{id}/lock", this::lock)
        .post("/external-task/{id}/unlock", this::unlock)
        .put("/external-task/{id}/retries", this::retries)
        .put("/external-task/{id}/priority", this::priority);
  }

  /** An {@link ExternalTaskQuery} from a {@code GET} query string or a {@code POST} body. */
  private ExternalTaskQuery query(Context ctx) {
    ExternalTaskQuery query = tasks.createQuery();
    QueryRequests.fill(ctx, query.filters(), Set.of());
    return query;
  }

  /** Camunda's {@code ExternalTaskQueryDto} as JSON, e.g. inside a retries request. */
  public static ExternalTaskQuery query(ExternalTaskService tasks, JsonNode body) {
    ExternalTaskQuery query = tasks.createQuery();
    FilterParams.fromJson(body, query.filters(), Set.of());
    return query;
  }

  private void list(Context ctx) {
    ExternalTaskQuery query = query(ctx);
    Paging paging = QueryRequests.paging(ctx);
    ctx.json(
        tasks.list(Callers.of(ctx), query, paging.firstResult(), paging.maxResults()).stream()
            .map(ExternalTaskDto::of)
            .toList());
  }

  private void count(Context ctx) {
    Responses.count(ctx, tasks.count(Callers.of(ctx), query(ctx)));
  }

  private void topicNames(Context ctx) {
    QueryParams params = QueryParams.of(ctx);
    ctx.json(
        tasks.topicNames(
            flag(params, "withLockedTasks"),
            flag(params, "withUnlockedTasks"),
            flag(params, "withRetriesLeft")));
  }

  private static boolean flag(QueryParams params, String name) {
    return Boolean.TRUE.equals(params.bool(name));
  }

  private void fetchAndLock(Context ctx) {
    FetchDto dto = JsonBodies.readOr(ctx, FetchDto.class, () -> new FetchDto(null, null, null, null, null, null, null));
    Long timeout = dto.asyncResponseTimeout();
    if (timeout != null && timeout > MAX_ASYNC_RESPONSE_TIMEOUT) {
      throw new InvalidRequestException(
          "The asynchronous response timeout cannot be set to a value greater than "
              + MAX_ASYNC_RESPONSE_TIMEOUT
              + " milliseconds");
    }
    FetchRequest request = dto.toRequest();
    List<LockedExternalTask> locked = tasks.fetchAndLock(Callers.of(ctx), request);
    if (!locked.isEmpty() || timeout == null || timeout <= 0) {
      ctx.json(render(locked));
      return;
    }
    keepConnectionOpen(ctx, timeout);
    ctx.future(() -> longPolling.await(Callers.of(ctx), request, timeout).thenAccept(result -> ctx.json(render(result))));
  }

  /**
   * Jetty drops a connection idle for its idle timeout (30 s); a long poll may wait up to 30
   * minutes, so this connection's timeout is raised beyond the poll's.
   */
  private static void keepConnectionOpen(Context ctx, long timeoutMillis) {
    ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
    if (request != null) {
      EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
      endPoint.setIdleTimeout(Math.max(endPoint.getIdleTimeout(), timeoutMillis + 30_000));
    }
  }

  private static List<LockedExternalTaskDto> render(List<LockedExternalTask> locked) {
    return locked.stream().map(LockedExternalTaskDto::of).toList();
  }

  private void errorDetails(Context ctx) {
    String details = tasks.errorDetails(Callers.of(ctx), id(ctx));
    if (details == null) {
      Responses.noContent(ctx);
    } else {
      ctx.contentType("text/plain").result(details);
    }
  }

  private void complete(Context ctx) {
    HandleDtos.Complete body = JsonBodies.read(ctx, HandleDtos.Complete.class);
    tasks.complete(
        Callers.of(ctx),
        id(ctx),
        body.workerId(),
        typed(body.variables(), "Cannot complete external task " + id(ctx)),
        typed(body.localVariables(), "Cannot complete external task " + id(ctx)));
    Responses.noContent(ctx);
  }

  private void failure(Context ctx) {
    HandleDtos.Failure body = JsonBodies.read(ctx, HandleDtos.Failure.class);
    tasks.handleFailure(
        Callers.of(ctx),
        id(ctx),
        body.workerId(),
        body.errorMessage(),
        body.errorDetails(),
        body.retries() == null ? 0 : body.retries(),
        body.retryTimeout() == null ? 0 : body.retryTimeout(),
        typed(body.variables(), "Cannot report the failure of external task " + id(ctx)));
    Responses.noContent(ctx);
  }

  private void bpmnError(Context ctx) {
    HandleDtos.BpmnError body = JsonBodies.read(ctx, HandleDtos.BpmnError.class);
    tasks.handleBpmnError(
        Callers.of(ctx),
        id(ctx),
        body.workerId(),
        body.errorCode(),
        body.errorMessage(),
        typed(body.variables(), "Cannot report a BPMN error of external task " + id(ctx)));
    Responses.noContent(ctx);
  }

  private void extendLock(Context ctx) {
    HandleDtos.ExtendLock body = JsonBodies.read(ctx, HandleDtos.ExtendLock.class);
    tasks.extendLock(Callers.of(ctx), id(ctx), body.workerId(), body.newDuration() == null ? 0 : body.newDuration());
    Responses.noContent(ctx);
  }

  private void lock(Context ctx) {
    HandleDtos.Lock body = JsonBodies.read(ctx, HandleDtos.Lock.class);
    tasks.lock(Callers.of(ctx), id(ctx), body.workerId(), body.lockDuration() == null ? 0 : body.lockDuration());
    Responses.noContent(ctx);
  }

  private void unlock(Context ctx) {
    tasks.unlock(Callers.of(ctx), id(ctx));
    Responses.noContent(ctx);
  }

  private void retries(Context ctx) {
    HandleDtos.Retries body = JsonBodies.read(ctx, HandleDtos.Retries.class);
    if (body.retries() == null) {
      throw new InvalidRequestException("The number of retries cannot be null.");
    }
    tasks.setRetries(Callers.of(ctx), id(ctx), body.retries());
    Responses.noContent(ctx);
  }

  private void priority(Context ctx) {
    HandleDtos.Priority body = JsonBodies.read(ctx, HandleDtos.Priority.class);
    if (body.priority() == null) {
      throw new InvalidRequestException("The priority cannot be null.");
    }
    tasks.setPriority(Callers.of(ctx), id(ctx), body.priority());
    Responses.noContent(ctx);
  }

  private static Map<String, TypedValue> typed(Map<String, VariableValueDto> values, String prefix) {
    return VariableValues.toTyped(values, prefix);
  }

  private static String id(Context ctx) {
    return ctx.pathParam("id");
  }

}
