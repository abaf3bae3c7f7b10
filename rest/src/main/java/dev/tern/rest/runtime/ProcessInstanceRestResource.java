package dev.tern.rest.runtime;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.NotFoundException;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.runtime.ProcessInstanceQuery;
import dev.tern.engine.runtime.ProcessInstanceService;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.runtime.ProcessInstanceDtos.ProcessInstanceDto;
import dev.tern.rest.runtime.ProcessInstanceDtos.SuspensionStateDto;
import dev.tern.rest.support.JsonBodies;
import dev.tern.rest.support.QueryRequests;
import dev.tern.rest.support.QueryParams;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.util.Set;

/**
 * {@code /process-instance}: queries (GET query string and POST body alike), one instance, deletion,
 * suspension, and the instance's variables.
 */
public final class ProcessInstanceRestResource implements RestResource {

  private final ProcessInstanceService instances;

  public ProcessInstanceRestResource(ProcessEngine engine) {
    this.instances = engine.processInstances();
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .get("/process-instance", this::list)
        .post("/process-instance", this::list)
        .get("/process-instance/count", this::count)
        .post("/process-instance/count", this::count)
        .get("/process-instance/{id}", ctx -> ctx.json(ProcessInstanceDto.of(instances.get(Callers.of(ctx), ctx.pathParam("id")))))
        .get("/process-instance/{id}/activity-instances", this::activityInstances)
        .delete("/process-instance/{id}", this::delete)
        .put("/process-instance/{id}/suspended", this::suspend);
    new VariableRoutes(
            "process instance",
            new VariableRoutes.Scope(instances::variables, instances::variable, instances::modifyVariables))
        .add(routes, "/process-instance/{id}/variables");
  }

  /** The query of a {@code GET}'s query string or a {@code POST}'s body. */
  private static ProcessInstanceQuery query(Context ctx) {
    ProcessInstanceQuery query = new ProcessInstanceQuery();
    QueryRequests.fill(ctx, query.filters(), Set.of());
    return query;
  }

  private void list(Context ctx) {
    ProcessInstanceQuery query = query(ctx);
    ctx.json(
        instances.list(Callers.of(ctx), query, QueryRequests.page(ctx)).stream()
            .map(ProcessInstanceDto::of)
            .toList());
  }

  private void activityInstances(Context ctx) {
    String id = ctx.pathParam("id");
    var tree = instances.activityInstances(Callers.of(ctx), id);
    // the root's activity id is the process definition id (Camunda's shape)
    ctx.json(ActivityInstanceDto.of(tree, id, tree.activityId()));
  }

  private void count(Context ctx) {
    Responses.count(ctx, instances.count(Callers.of(ctx), query(ctx)));
  }

  private void delete(Context ctx) {
    QueryParams params = QueryParams.of(ctx);
    // skipCustomListeners, skipIoMappings, skipSubprocesses are accepted: Tern runs no listeners
    // and no end mappings on deletion, and deletes the instances its call activities started
    Boolean failIfNotExists = params.bool("failIfNotExists");
    try {
      instances.delete(Callers.of(ctx), ctx.pathParam("id"), null);
    } catch (NotFoundException e) {
      if (failIfNotExists == null || failIfNotExists) {
        throw e;
      }
    }
    Responses.noContent(ctx);
  }

  private void suspend(Context ctx) {
    SuspensionStateDto dto = JsonBodies.read(ctx, SuspensionStateDto.class);
    if (dto.suspended() == null) {
      throw new InvalidRequestException("Property 'suspended' is required");
    }
    if (dto.suspended()) {
      instances.setSuspended(Callers.of(ctx), ctx.pathParam("id"), true);
    } else {
      instances.setSuspended(Callers.of(ctx), ctx.pathParam("id"), false);
    }
    Responses.noContent(ctx);
  }
}
