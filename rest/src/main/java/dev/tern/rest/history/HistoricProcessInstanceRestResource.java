package dev.tern.rest.history;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.history.HistoricProcessInstance;
import dev.tern.engine.history.HistoricProcessInstanceQuery;
import dev.tern.engine.history.HistoricProcessInstanceService;
import dev.tern.engine.query.Page;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.support.JsonBodies;
import dev.tern.rest.support.Paging;
import dev.tern.rest.support.QueryParams;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.time.Instant;

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
        .get(
            "/history/process-instance",
            ctx -> list(ctx, HistoricProcessInstanceQueryDto.fromQueryString(QueryParams.of(ctx))))
        .post("/history/process-instance", ctx -> list(ctx, body(ctx)))
        .get(
            "/history/process-instance/count",
            ctx ->
                Responses.count(
                    ctx,
                    history.count(
                        Callers.of(ctx),
                        HistoricProcessInstanceQueryDto.fromQueryString(QueryParams.of(ctx)))))
        .post("/history/process-instance/count", ctx -> Responses.count(ctx, history.count(Callers.of(ctx), body(ctx))))
        .get(
            "/history/process-instance/{id}",
            ctx -> ctx.json(HistoricProcessInstanceDto.of(history.get(ctx.pathParam("id")))));
  }

  private static HistoricProcessInstanceQuery body(Context ctx) {
    return JsonBodies.readOr(
            ctx, HistoricProcessInstanceQueryDto.class, HistoricProcessInstanceQueryDto::empty)
        .toQuery();
  }

  private void list(Context ctx, HistoricProcessInstanceQuery query) {
    Paging paging = Paging.from(QueryParams.of(ctx));
    Page page =
        new Page(
            paging.firstResult(),
            paging.maxResults() == Integer.MAX_VALUE ? null : paging.maxResults());
    ctx.json(history.list(Callers.of(ctx), query, page).stream().map(HistoricProcessInstanceDto::of).toList());
  }
}
