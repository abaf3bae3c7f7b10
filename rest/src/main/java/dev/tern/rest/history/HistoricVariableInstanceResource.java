package dev.tern.rest.history;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.runtime.HistoricVariableInstanceQuery;
import dev.tern.engine.runtime.HistoricVariableInstanceService;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.runtime.VariableValues;
import dev.tern.rest.support.QueryRoutes;

/**
 * Camunda's {@code /history/variable-instance} resource (reads): the query, one variable, its
 * binary {@code /data}; {@code deserializeValues} as for runtime variables.
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
            (ctx, caller, query, page) -> {
              boolean deserialize = VariableValues.deserialize(ctx, "deserializeValues");
              return history.list(caller, query, page).stream()
                  .map(v -> HistoricVariableInstanceDto.of(v, deserialize))
                  .toList();
            },
            history::count)
        .get(
            "/history/variable-instance/{id}",
            ctx ->
                ctx.json(
                    HistoricVariableInstanceDto.of(
                        history.get(Callers.of(ctx), ctx.pathParam("id")),
                        VariableValues.deserialize(ctx, "deserializeValue"))))
        .get(
            "/history/variable-instance/{id}/data",
            ctx ->
                VariableValues.sendBinary(
                    ctx, ctx.pathParam("id"), history.data(Callers.of(ctx), ctx.pathParam("id")).value()));
  }
}
