package dev.tern.rest.runtime;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.runtime.VariableInstanceQuery;
import dev.tern.engine.runtime.VariableInstanceService;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.support.QueryRoutes;
import io.javalin.http.Context;

/**
 * {@code /variable-instance}: the query (Bytes and File values without their content, as in
 * Camunda), one variable, and its binary {@code /data}.
 */
public final class VariableInstanceResource implements RestResource {

  private final VariableInstanceService variables;

  public VariableInstanceResource(ProcessEngine engine) {
    this.variables = engine.variableInstances();
  }

  @Override
  public void addRoutes(Routes routes) {
    new QueryRoutes<>(variables::createQuery, VariableInstanceQuery::filters)
        .add(
            routes,
            "/variable-instance",
            (ctx, caller, query, page) -> {
              boolean deserialize = VariableValues.deserialize(ctx, "deserializeValues");
              return variables.list(caller, query, page).stream()
                  .map(v -> VariableInstanceDto.of(v, deserialize))
                  .toList();
            },
            variables::count)
        .get("/variable-instance/{id}", this::one)
        .get("/variable-instance/{id}/data", this::data);
  }

  private void one(Context ctx) {
    boolean deserialize = VariableValues.deserialize(ctx, "deserializeValue");
    ctx.json(
        VariableInstanceDto.of(variables.get(Callers.of(ctx), ctx.pathParam("id")), deserialize));
  }

  private void data(Context ctx) {
    String id = ctx.pathParam("id");
    VariableValues.sendBinary(ctx, id, variables.data(Callers.of(ctx), id).value());
  }
}
