package dev.tern.rest.runtime;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.runtime.ExecutionQuery;
import dev.tern.engine.runtime.ExecutionService;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.support.QueryRoutes;

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
            new VariableRoutes.Scope(executions::localVariables, executions::localVariable, executions::modifyLocalVariables))
        .add(routes, "/execution/{id}/localVariables");
  }
}
