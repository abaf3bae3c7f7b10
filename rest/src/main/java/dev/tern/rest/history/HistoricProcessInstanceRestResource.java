package dev.tern.rest.history;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.history.HistoricProcessInstance;
import dev.tern.engine.history.HistoricProcessInstanceQuery;
import dev.tern.engine.history.HistoricProcessInstanceService;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.support.QueryRequests;
import dev.tern.rest.support.Responses;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.engine.batch.Batch;
import dev.tern.engine.batch.BatchService;
import dev.tern.engine.runtime.HistoricVariableInstanceService;
import dev.tern.rest.batch.BatchDtos.BatchDto;
import dev.tern.rest.support.FilterParams;
import dev.tern.rest.support.JsonBodies;
import dev.tern.rest.support.QueryParams;
import io.javalin.http.Context;
import java.util.List;
import java.time.Instant;
import java.util.Set;

/** {@code /history/process-instance}: queries (GET and POST alike) and one historic instance. */
public final class HistoricProcessInstanceRestResource implements RestResource {

  private final HistoricProcessInstanceService history;
  private final HistoricVariableInstanceService variables;
  private final BatchService batches;

  public HistoricProcessInstanceRestResource(ProcessEngine engine) {
    this.history = engine.historicProcessInstances();
    this.variables = engine.historicVariableInstances();
    this.batches = engine.batchService();
  }

  /** Camunda's {@code DeleteHistoricProcessInstancesDto}; the query is the body of a POST query. */
  record DeleteHistoricProcessInstancesDto(
      List<String> historicProcessInstanceIds,
      JsonNode historicProcessInstanceQuery,
      String deleteReason,
      Boolean failIfNotExists) {}

  /** Camunda's {@code HistoricProcessInstanceDto}. */
  record HistoricProcessInstanceDto(
      String id,
      String rootProcessInstanceId,
      String superProcessInstanceId,
      String superCaseInstanceId,
      String caseInstanceId,
      String processDefinitionName,
      String processDefinitionKey,
      Integer processDefinitionVersion,
      String processDefinitionId,
      String businessKey,
      Instant startTime,
      Instant endTime,
      Instant removalTime,
      Long durationInMillis,
      String startUserId,
      String startActivityId,
      String deleteReason,
      String tenantId,
      String state,
      String restartedProcessInstanceId) {

    static HistoricProcessInstanceDto of(HistoricProcessInstance h) {
      return new HistoricProcessInstanceDto(
          h.id(),
          h.rootProcessInstanceId(),
          h.superProcessInstanceId(),
          null,
          null,
          h.processDefinitionName(),
          h.processDefinitionKey(),
          h.processDefinitionVersion(),
          h.processDefinitionId(),
          h.businessKey(),
          h.startTime(),
          h.endTime(),
          h.removalTime(),
          h.durationInMillis(),
          h.startUserId(),
          h.startActivityId(),
          h.deleteReason(),
          h.tenantId(),
          h.state(),
          null);
    }
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .get("/history/process-instance", this::list)
        .post("/history/process-instance", this::list)
        .get("/history/process-instance/count", this::count)
        .post("/history/process-instance/count", this::count)
        .post("/history/process-instance/delete", this::deleteAsync)
        .get(
            "/history/process-instance/{id}",
            ctx -> ctx.json(HistoricProcessInstanceDto.of(history.get(ctx.pathParam("id")))))
        .delete(
            "/history/process-instance/{id}",
            ctx -> {
              Boolean failIfNotExists = QueryParams.of(ctx).bool("failIfNotExists");
              history.delete(
                  Callers.of(ctx), ctx.pathParam("id"), !Boolean.FALSE.equals(failIfNotExists));
              Responses.noContent(ctx);
            })
        .delete(
            "/history/process-instance/{id}/variable-instances",
            ctx -> {
              variables.deleteOfProcessInstance(Callers.of(ctx), ctx.pathParam("id"));
              Responses.noContent(ctx);
            });
  }

  private void deleteAsync(Context ctx) {
    DeleteHistoricProcessInstancesDto dto =
        JsonBodies.readOr(
            ctx,
            DeleteHistoricProcessInstancesDto.class,
            () -> new DeleteHistoricProcessInstancesDto(null, null, null, null));
    HistoricProcessInstanceQuery query = null;
    JsonNode queryBody = dto.historicProcessInstanceQuery();
    if (queryBody != null && !queryBody.isNull()) {
      query = new HistoricProcessInstanceQuery();
      FilterParams.fromJson(queryBody, query.filters(), Set.of());
    }
    Batch batch =
        batches.deleteHistoricProcessInstancesAsync(
            Callers.of(ctx),
            dto.historicProcessInstanceIds(),
            query,
            dto.deleteReason(),
            !Boolean.FALSE.equals(dto.failIfNotExists()));
    ctx.json(BatchDto.of(batch));
  }

  /** The query of a {@code GET}'s query string or a {@code POST}'s body. */
  private static HistoricProcessInstanceQuery query(Context ctx) {
    HistoricProcessInstanceQuery query = new HistoricProcessInstanceQuery();
    QueryRequests.fill(ctx, query.filters(), Set.of());
    return query;
  }

  private void list(Context ctx) {
    HistoricProcessInstanceQuery query = query(ctx);
    ctx.json(
        history.list(Callers.of(ctx), query, QueryRequests.page(ctx)).stream()
            .map(HistoricProcessInstanceDto::of)
            .toList());
  }

  private void count(Context ctx) {
    Responses.count(ctx, history.count(Callers.of(ctx), query(ctx)));
  }
}
