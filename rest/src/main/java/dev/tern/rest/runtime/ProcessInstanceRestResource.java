package dev.tern.rest.runtime;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.NotFoundException;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.query.Page;
import dev.tern.engine.runtime.ProcessInstanceQuery;
import dev.tern.engine.runtime.ProcessInstanceService;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.runtime.ProcessInstanceDtos.PatchVariablesDto;
import dev.tern.rest.runtime.ProcessInstanceDtos.ProcessInstanceDto;
import dev.tern.rest.runtime.ProcessInstanceDtos.SuspensionStateDto;
import dev.tern.rest.support.JsonBodies;
import dev.tern.rest.support.Paging;
import dev.tern.rest.support.QueryParams;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

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
        .get("/process-instance", ctx -> list(ctx, ProcessInstanceQueryDto.fromQueryString(QueryParams.of(ctx))))
        .post("/process-instance", ctx -> list(ctx, body(ctx)))
        .get(
            "/process-instance/count",
            ctx -> Responses.count(ctx, instances.count(Callers.of(ctx), ProcessInstanceQueryDto.fromQueryString(QueryParams.of(ctx)))))
        .post("/process-instance/count", ctx -> Responses.count(ctx, instances.count(Callers.of(ctx), body(ctx))))
        .get("/process-instance/{id}", ctx -> ctx.json(ProcessInstanceDto.of(instances.get(ctx.pathParam("id")))))
        .delete("/process-instance/{id}", this::delete)
        .put("/process-instance/{id}/suspended", this::suspend)
        .get(
            "/process-instance/{id}/variables",
            ctx -> ctx.json(VariableValues.toDtos(instances.variables(ctx.pathParam("id")))))
        .post("/process-instance/{id}/variables", this::modifyVariables)
        .get("/process-instance/{id}/variables/{varName}", this::variable)
        .put("/process-instance/{id}/variables/{varName}", this::putVariable)
        .delete(
            "/process-instance/{id}/variables/{varName}",
            ctx -> {
              instances.removeVariable(ctx.pathParam("id"), ctx.pathParam("varName"));
              Responses.noContent(ctx);
            });
  }

  private static ProcessInstanceQuery body(Context ctx) {
    return JsonBodies.readOr(ctx, ProcessInstanceQueryDto.class, ProcessInstanceQueryDto::empty)
        .toQuery();
  }

  private void list(Context ctx, ProcessInstanceQuery query) {
    Paging paging = Paging.from(QueryParams.of(ctx));
    ctx.json(
        instances.list(Callers.of(ctx), query, page(paging)).stream().map(ProcessInstanceDto::of).toList());
  }

  static Page page(Paging paging) {
    return new Page(
        paging.firstResult(),
        paging.maxResults() == Integer.MAX_VALUE ? null : paging.maxResults());
  }

  private void delete(Context ctx) {
    QueryParams params = QueryParams.of(ctx);
    // skipCustomListeners, skipIoMappings, skipSubprocesses are accepted: Tern runs no listeners,
    // no end mappings on deletion and has no call activities
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

  private void variable(Context ctx) {
    String name = ctx.pathParam("varName");
    TypedValue value =
        instances
            .variable(ctx.pathParam("id"), name)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "process instance variable with name " + name + " does not exist"));
    ctx.json(VariableValues.toDto(value));
  }

  private void putVariable(Context ctx) {
    String name = ctx.pathParam("varName");
    VariableValueDto dto = JsonBodies.read(ctx, VariableValueDto.class);
    TypedValue value = VariableValues.toTyped(dto, "Cannot put process instance variable " + name);
    instances.setVariable(ctx.pathParam("id"), name, value);
    Responses.noContent(ctx);
  }

  private void modifyVariables(Context ctx) {
    PatchVariablesDto patch =
        JsonBodies.readOr(ctx, PatchVariablesDto.class, () -> new PatchVariablesDto(null, null));
    Map<String, TypedValue> modifications =
        VariableValues.toTyped(patch.modifications(), "Cannot modify variables for process instance");
    List<String> deletions = patch.deletions() == null ? List.of() : patch.deletions();
    instances.modifyVariables(ctx.pathParam("id"), modifications, deletions);
    Responses.noContent(ctx);
  }
}
