package dev.tern.rest.externaltask;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.batch.BatchService;
import dev.tern.engine.externaltask.ExternalTaskRetriesService;
import dev.tern.engine.externaltask.ExternalTaskSelection;
import dev.tern.engine.externaltask.ExternalTaskService;
import dev.tern.engine.history.HistoricProcessInstanceQuery;
import dev.tern.engine.runtime.ProcessInstanceQuery;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.batch.BatchDtos.BatchDto;
import dev.tern.rest.support.FilterParams;
import dev.tern.rest.support.JsonBodies;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/**
 * Setting the retries of many external tasks: at once ({@code PUT /external-task/retries}) or as a
 * {@code set-external-task-retries} batch ({@code POST /external-task/retries-async}).
 */
public final class ExternalTaskRetriesResource implements RestResource {

  private final ExternalTaskService tasks;
  private final ExternalTaskRetriesService retries;
  private final BatchService batches;

  public ExternalTaskRetriesResource(ProcessEngine engine) {
    this.tasks = engine.externalTaskService();
    this.retries = engine.externalTaskRetries();
    this.batches = engine.batchService();
  }

  /**
   * Camunda's {@code SetRetriesForExternalTasksDto}; the queries are the bodies of {@code POST
   * /external-task}, {@code POST /process-instance} and {@code POST /history/process-instance}.
   */
  record SetRetriesForExternalTasksDto(
      List<String> externalTaskIds,
      List<String> processInstanceIds,
      JsonNode externalTaskQuery,
      JsonNode processInstanceQuery,
      JsonNode historicProcessInstanceQuery,
      Integer retries) {}

  @Override
  public void addRoutes(Routes routes) {
    routes
        .put("/external-task/retries", this::setRetries)
        .post("/external-task/retries-async", this::setRetriesAsync);
  }

  private void setRetries(Context ctx) {
    Request request = read(ctx);
    retries.setRetries(request.caller(), request.selection(), request.retries());
    Responses.noContent(ctx);
  }

  private void setRetriesAsync(Context ctx) {
    Request request = read(ctx);
    ctx.json(
        BatchDto.of(
            batches.setExternalTaskRetriesAsync(
                request.caller(), request.selection(), request.retries())));
  }

  private record Request(Caller caller, ExternalTaskSelection selection, int retries) {}

  /** The body, in Camunda's order: the queries are read first, then the retries are required. */
  private Request read(Context ctx) {
    SetRetriesForExternalTasksDto dto = JsonBodies.read(ctx, SetRetriesForExternalTasksDto.class);
    Caller caller = Callers.of(ctx);
    ExternalTaskSelection selection =
        new ExternalTaskSelection(
            dto.externalTaskIds(),
            dto.externalTaskQuery() == null || dto.externalTaskQuery().isNull()
                ? null
                : ExternalTaskResource.query(tasks, dto.externalTaskQuery()),
            dto.processInstanceIds(),
            dto.processInstanceQuery() == null || dto.processInstanceQuery().isNull()
                ? null
                : processInstanceQuery(dto.processInstanceQuery()),
            dto.historicProcessInstanceQuery() == null
                    || dto.historicProcessInstanceQuery().isNull()
                ? null
                : historicProcessInstanceQuery(dto.historicProcessInstanceQuery()));
    if (dto.retries() == null) {
      throw new InvalidRequestException("The number of retries cannot be null.");
    }
    return new Request(
        caller,
        selection,
        dto.retries());
  }

  private static ProcessInstanceQuery processInstanceQuery(JsonNode body) {
    ProcessInstanceQuery query = new ProcessInstanceQuery();
    FilterParams.fromJson(body, query.filters(), Set.of());
    return query;
  }

  private static HistoricProcessInstanceQuery historicProcessInstanceQuery(JsonNode body) {
    HistoricProcessInstanceQuery query = new HistoricProcessInstanceQuery();
    FilterParams.fromJson(body, query.filters(), Set.of());
    return query;
  }
}
