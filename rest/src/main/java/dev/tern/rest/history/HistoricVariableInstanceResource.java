package dev.tern.rest.history;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.runtime.HistoricVariableInstanceQuery;
import dev.tern.engine.runtime.HistoricVariableInstanceService;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;

/**
 * Camunda's {@code /history/variable-instance} resource (reads). {@code deserializeValues} is
 * accepted and changes nothing: Tern stores no serialized Java objects.
 */
public final class HistoricVariableInstanceResource implements RestResource {

  private final HistoricVariableInstanceService history;

  public HistoricVariableInstanceResource(ProcessEngine engine) {
    this.history = engine.historicVariableInstances();
  }

  @Override
  public void addRoutes(Routes routes) {
    new QueryRoutes<>(history::createQuery, HistoricVariableInstanceQuery::filters)
        .add(
            routes,
            "/history/variable-instance",
            (caller, query, page) ->
                history.list(caller, query, page).stream().map(HistoricVariableInstanceDto::of).toList(),
            history::count)
        .get(
            "/history/variable-instance/{id}",
            ctx ->
                ctx.json(
                    HistoricVariableInstanceDto.of(
                        history.get(Callers.of(ctx), ctx.pathParam("id")))));
  }
}
