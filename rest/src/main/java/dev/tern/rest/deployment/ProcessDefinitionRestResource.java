package dev.tern.rest.deployment;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.deployment.DeploymentService;
import dev.tern.engine.deployment.ProcessDefinition;
import dev.tern.engine.deployment.ProcessDefinitionQuery;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.deployment.DeploymentDtos.ProcessDefinitionDiagramDto;
import dev.tern.rest.deployment.DeploymentDtos.ProcessDefinitionDto;
import dev.tern.rest.support.FilterParams;
import dev.tern.rest.support.QueryRequests;
import dev.tern.rest.support.QueryParams;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.util.Set;

/**
 * {@code /process-definition}: list, count, get by id or by key (latest version), and the BPMN XML.
 * Starting instances lives with the runtime resources.
 */
public final class ProcessDefinitionRestResource implements RestResource {

  private final DeploymentService deployments;

  public ProcessDefinitionRestResource(ProcessEngine engine) {
    this.deployments = engine.deploymentService();
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .get("/process-definition", this::list)
        .get("/process-definition/count", this::count)
        .get("/process-definition/{id}", ctx -> ctx.json(ProcessDefinitionDto.of(byId(ctx))))
        .get("/process-definition/{id}/xml", ctx -> xml(ctx, byId(ctx)))
        .get("/process-definition/key/{key}", ctx -> ctx.json(ProcessDefinitionDto.of(byKey(ctx))))
        .get("/process-definition/key/{key}/xml", ctx -> xml(ctx, byKey(ctx)))
        .get(
            "/process-definition/key/{key}/tenant-id/{tenantId}",
            ctx -> ctx.json(ProcessDefinitionDto.of(byKey(ctx))))
        .get("/process-definition/key/{key}/tenant-id/{tenantId}/xml", ctx -> xml(ctx, byKey(ctx)));
  }

  private ProcessDefinition byId(Context ctx) {
    return deployments.getProcessDefinition(Callers.of(ctx), ctx.pathParam("id"));
  }

  /** The latest version of the key, of the path's tenant or else of no tenant. */
  private ProcessDefinition byKey(Context ctx) {
    String tenantId = ctx.pathParamMap().get("tenantId");
    return deployments.getLatestProcessDefinition(Callers.of(ctx), ctx.pathParam("key"), tenantId);
  }

  private void xml(Context ctx, ProcessDefinition definition) {
    String xml;
    try {
      xml = deployments.getProcessDefinitionXml(definition.id());
    } catch (NotFoundException e) {
      throw new NotFoundException("No matching definition with id " + definition.id());
    }
    ctx.json(new ProcessDefinitionDiagramDto(definition.id(), xml));
  }

  private void list(Context ctx) {
    ctx.json(
        deployments.queryProcessDefinitions(Callers.of(ctx), query(ctx), QueryRequests.page(ctx)).stream()
            .map(ProcessDefinitionDto::of)
            .toList());
  }

  private void count(Context ctx) {
    Responses.count(ctx, deployments.countProcessDefinitions(Callers.of(ctx), query(ctx)));
  }

  private static ProcessDefinitionQuery query(Context ctx) {
    ProcessDefinitionQuery query = new ProcessDefinitionQuery();
    FilterParams.fromQuery(QueryParams.of(ctx), query.filters(), Set.of());
    return query;
  }
}
