package dev.tern.rest.deployment;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.deployment.DeploymentService;
import dev.tern.engine.query.Page;
import dev.tern.engine.deployment.ProcessDefinition;
import dev.tern.engine.deployment.ProcessDefinitionQuery;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.deployment.DeploymentDtos.ProcessDefinitionDiagramDto;
import dev.tern.rest.deployment.DeploymentDtos.ProcessDefinitionDto;
import dev.tern.rest.support.Paging;
import dev.tern.rest.support.QueryParams;
import dev.tern.rest.support.Responses;
import dev.tern.rest.support.Sorting;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * {@code /process-definition}: list, count, get by id or by key (latest version), and the BPMN XML.
 * Starting instances lives with the runtime resources.
 */
public final class ProcessDefinitionRestResource implements RestResource {

  private static final Map<String, ProcessDefinitionQuery.Field> SORT_BY =
      Map.of(
          "category", ProcessDefinitionQuery.Field.CATEGORY,
          "key", ProcessDefinitionQuery.Field.KEY,
          "id", ProcessDefinitionQuery.Field.ID,
          "name", ProcessDefinitionQuery.Field.NAME,
          "version", ProcessDefinitionQuery.Field.VERSION,
          "deploymentId", ProcessDefinitionQuery.Field.DEPLOYMENT_ID,
          "deployTime", ProcessDefinitionQuery.Field.DEPLOY_TIME,
          "tenantId", ProcessDefinitionQuery.Field.TENANT_ID,
          "versionTag", ProcessDefinitionQuery.Field.VERSION_TAG);

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
    return deployments.getProcessDefinition(ctx.pathParam("id"));
  }

  /** The latest version of the key, of the path's tenant or else of no tenant. */
  private ProcessDefinition byKey(Context ctx) {
    String tenantId = ctx.pathParamMap().get("tenantId");
    return deployments.getLatestProcessDefinition(ctx.pathParam("key"), tenantId);
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
    QueryParams params = QueryParams.of(ctx);
    ProcessDefinitionQuery query = query(params);
    Paging paging = Paging.from(params);
    ctx.json(
        deployments
            .queryProcessDefinitions(query, new Page(paging.firstResult(), paging.maxResults()))
            .stream()
            .map(ProcessDefinitionDto::of)
            .toList());
  }

  private void count(Context ctx) {
    Responses.count(ctx, deployments.countProcessDefinitions(query(QueryParams.of(ctx))));
  }

  private static ProcessDefinitionQuery query(QueryParams params) {
    List<ProcessDefinitionQuery.Sort> sorting =
        Sorting.fromQuery(params, SORT_BY.keySet()).stream()
            .map(c -> new ProcessDefinitionQuery.Sort(SORT_BY.get(c.sortBy()), c.ascending()))
            .toList();
    Boolean suspended = null;
    if (Boolean.TRUE.equals(params.bool("suspended"))) {
      suspended = true;
    } else if (Boolean.TRUE.equals(params.bool("active"))) {
      suspended = false;
    }
    return new ProcessDefinitionQuery(
        params.string("processDefinitionId"),
        params.list("processDefinitionIdIn"),
        params.string("key"),
        params.list("keysIn"),
        params.string("keyLike"),
        params.string("name"),
        params.string("nameLike"),
        params.integer("version"),
        Boolean.TRUE.equals(params.bool("latestVersion")),
        params.string("deploymentId"),
        params.list("tenantIdIn"),
        Boolean.TRUE.equals(params.bool("withoutTenantId")),
        Boolean.TRUE.equals(params.bool("includeProcessDefinitionsWithoutTenantId")),
        suspended,
        params.string("versionTag"),
        params.string("versionTagLike"),
        sorting);
  }
}
