package dev.tern.rest.history;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.history.HistoricActivityInstanceQuery;
import dev.tern.engine.history.HistoricActivityInstanceService;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.support.QueryRoutes;

/** Camunda's {@code /history/activity-instance} resource. */
public final class HistoricActivityInstanceResource implements RestResource {

  private final HistoricActivityInstanceService history;

  public HistoricActivityInstanceResource(ProcessEngine engine) {
    this.history = engine.historicActivityInstances();
  }

  @Override
  public void addRoutes(Routes routes) {
    new QueryRoutes<>(history::createQuery, HistoricActivityInstanceQuery::filters)
        .add(
            routes,
            "/history/activity-instance",
            (caller, query, page) ->
                history.list(caller, query, page).stream().map(HistoricActivityInstanceDto::of).toList(),
            history::count)
        .get(
            "/history/activity-instance/{id}",
            ctx ->
                ctx.json(
                    HistoricActivityInstanceDto.of(
                        history.get(Callers.of(ctx), ctx.pathParam("id")))));
  }
}
