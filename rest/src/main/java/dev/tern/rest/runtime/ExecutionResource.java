package dev.tern.rest.runtime;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.runtime.ExecutionQuery;
import dev.tern.engine.runtime.ExecutionService;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.support.QueryRoutes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /execution}: the query, one execution, and its local variables (those of the process
 * instance for its root execution; none for a token, where setting one is refused).
 */
public final class ExecutionResource implements RestResource {

  private final ExecutionService executions;

  public ExecutionResource(ProcessEngine engine) {
    this.executions = engine.executions();
  }

  @Override
  public void addRoutes(Routes routes) {
    new QueryRoutes<>(executions::createQuery, ExecutionQuery::filters)
        .add(
            routes,
            "/execution",
            (caller, query, page) ->
                executions.list(caller, query, page).stream().map(ExecutionDto::of).toList(),
            executions::count)
        .get(
            "/execution/{id}",
            ctx -> ctx.json(ExecutionDto.of(executions.get(Callers.of(ctx), ctx.pathParam("id")))));
    new VariableRoutes(
            "execution",
            new VariableRoutes.Scope() {
              @Override
              public Map<String, TypedValue> all(Caller caller, String id) {
                return executions.localVariables(caller, id);
              }

              @Override
              public Optional<TypedValue> one(Caller caller, String id, String name) {
                return executions.localVariable(caller, id, name);
              }

              @Override
              public void modify(
                  Caller caller, String id, Map<String, TypedValue> set, List<String> remove) {
                executions.modifyLocalVariables(caller, id, set, remove);
              }
            })
        .add(routes, "/execution/{id}/localVariables");
  }
}
