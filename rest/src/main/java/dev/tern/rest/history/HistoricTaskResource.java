package dev.tern.rest.history;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.task.HistoricIdentityLinkLog;
import dev.tern.engine.task.HistoricIdentityLinkLogQuery;
import dev.tern.engine.task.HistoricTaskInstance;
import dev.tern.engine.task.HistoricTaskInstanceQuery;
import dev.tern.engine.task.HistoricTaskService;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.support.QueryRoutes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.support.QueryRequests;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Set;

/** Camunda's {@code /history/task} and {@code /history/identity-link-log} (reads). */
public final class HistoricTaskResource implements RestResource {

  private final HistoricTaskService history;

  public HistoricTaskResource(ProcessEngine engine) {
    this.history = engine.historicTaskService();
  }

  @Override
  public void addRoutes(Routes routes) {
    new QueryRoutes<>(HistoricTaskInstanceQuery::new, HistoricTaskInstanceQuery::filters)
        .add(
            routes,
            "/history/task",
            (caller, query, page) ->
                history.list(caller, query, page).stream().map(HistoricTaskInstanceDto::of).toList(),
            history::count);
    // Camunda has only GET for the identity link log (no query body)
    routes
        .get(
            "/history/identity-link-log",
            ctx ->
                ctx.json(
                    history.list(Callers.of(ctx), linkQuery(ctx), QueryRequests.page(ctx)).stream()
                        .map(HistoricIdentityLinkLogDto::of)
                        .toList()))
        .get(
            "/history/identity-link-log/count",
            ctx -> Responses.count(ctx, history.count(Callers.of(ctx), linkQuery(ctx))));
  }

  private static HistoricIdentityLinkLogQuery linkQuery(Context ctx) {
    HistoricIdentityLinkLogQuery query = new HistoricIdentityLinkLogQuery();
    QueryRequests.fill(ctx, query.filters(), Set.of());
    return query;
  }

  /** Camunda's {@code HistoricTaskInstanceDto}; the case fields are null. */
  record HistoricTaskInstanceDto(
      String id,
      String processDefinitionKey,
      String processDefinitionId,
      String processInstanceId,
      String executionId,
      String caseDefinitionKey,
      String caseDefinitionId,
      String caseInstanceId,
      String caseExecutionId,
      String activityInstanceId,
      String name,
      String description,
      String deleteReason,
      String owner,
      String assignee,
      Instant startTime,
      Instant endTime,
      Long duration,
      String taskDefinitionKey,
      int priority,
      Instant due,
      String parentTaskId,
      Instant followUp,
      String tenantId,
      Instant removalTime,
      String rootProcessInstanceId,
      String taskState) {

    static HistoricTaskInstanceDto of(HistoricTaskInstance h) {
      return new HistoricTaskInstanceDto(
          h.id(),
          h.processDefinitionKey(),
          h.processDefinitionId(),
          h.processInstanceId(),
          h.executionId(),
          null,
          null,
          null,
          null,
          h.activityInstanceId(),
          h.name(),
          h.description(),
          h.deleteReason(),
          h.owner(),
          h.assignee(),
          h.startTime(),
          h.endTime(),
          h.duration(),
          h.taskDefinitionKey(),
          h.priority(),
          h.due(),
          h.parentTaskId(),
          h.followUp(),
          h.tenantId(),
          h.removalTime(),
          h.rootProcessInstanceId(),
          h.taskState());
    }
  }

  /** Camunda's {@code HistoricIdentityLinkLogDto}. */
  record HistoricIdentityLinkLogDto(
      String id,
      Instant time,
      String type,
      String userId,
      String groupId,
      String taskId,
      String processDefinitionId,
      String processDefinitionKey,
      String operationType,
      String assignerId,
      String tenantId,
      Instant removalTime,
      String rootProcessInstanceId) {

    static HistoricIdentityLinkLogDto of(HistoricIdentityLinkLog l) {
      return new HistoricIdentityLinkLogDto(
          l.id(),
          l.time(),
          l.type(),
          l.userId(),
          l.groupId(),
          l.taskId(),
          l.processDefinitionId(),
          l.processDefinitionKey(),
          l.operationType(),
          l.assignerId(),
          l.tenantId(),
          l.removalTime(),
          l.rootProcessInstanceId());
    }
  }
}
