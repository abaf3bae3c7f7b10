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
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Set;

/** {@code /history/process-instance}: queries (GET and POST alike) and one historic instance. */
public final class HistoricProcessInstanceRestResource implements RestResource {

  private final HistoricProcessInstanceService history;

  public HistoricProcessInstanceRestResource(ProcessEngine engine) {
    this.history = engine.historicProcessInstances();
  }

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
        .get(
            "/history/process-instance/{id}",
            ctx -> ctx.json(HistoricProcessInstanceDto.of(history.get(ctx.pathParam("id")))));
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
