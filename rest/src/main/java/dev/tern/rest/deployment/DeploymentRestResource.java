package dev.tern.rest.deployment;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.NotFoundException;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.deployment.DeploymentQuery;
import dev.tern.engine.deployment.DeploymentResource;
import dev.tern.engine.deployment.DeploymentService;
import dev.tern.engine.deployment.DeploymentWithDefinitions;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.deployment.ParseException;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.deployment.DeploymentDtos.DeploymentDto;
import dev.tern.rest.deployment.DeploymentDtos.DeploymentResourceDto;
import dev.tern.rest.deployment.DeploymentDtos.DeploymentWithDefinitionsDto;
import dev.tern.rest.deployment.DeploymentDtos.ParseExceptionDto;
import dev.tern.rest.support.FilterParams;
import dev.tern.rest.support.QueryRequests;
import dev.tern.rest.support.QueryParams;
import dev.tern.rest.support.Responses;
import dev.tern.rest.support.MultipartForms;
import io.javalin.http.Context;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /deployment}: create (multipart, as Camunda accepts it), list, count, get, delete, and a
 * deployment's resources.
 */
public final class DeploymentRestResource implements RestResource {

  /** Form parts with a meaning; every other part is a resource file. */
  private static final Set<String> RESERVED_PARTS =
      Set.of(
          "deployment-name",
          "deployment-source",
          "enable-duplicate-filtering",
          "deploy-changed-only",
          "tenant-id",
          "deployment-activation-time");

  private final DeploymentService deployments;

  public DeploymentRestResource(ProcessEngine engine) {
    this.deployments = engine.deploymentService();
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .post("/deployment/create", this::create)
        .get("/deployment", this::list)
        .get("/deployment/count", this::count)
        .get("/deployment/{id}", this::get)
        .delete("/deployment/{id}", this::delete)
        .get("/deployment/{id}/resources", this::resources)
        .get("/deployment/{id}/resources/{resourceId}", this::resource)
        .get("/deployment/{id}/resources/{resourceId}/data", this::resourceData);
  }

  private void create(Context ctx) throws Exception {
    MultipartForms.requireMultipart(ctx);
    Map<String, String> fields = new LinkedHashMap<>();
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (Part part : MultipartForms.parts(ctx)) {
      byte[] content;
      try (InputStream in = part.getInputStream()) {
        content = in.readAllBytes();
      }
      if (RESERVED_PARTS.contains(part.getName())) {
        fields.put(part.getName(), new String(content, StandardCharsets.UTF_8));
      } else {
        String name =
            part.getSubmittedFileName() != null ? part.getSubmittedFileName() : part.getName();
        resources.put(name, content);
      }
    }
    if (resources.isEmpty()) {
      throw new InvalidRequestException("No deployment resources contained in the form upload.");
    }
    boolean deployChangedOnly = Boolean.parseBoolean(fields.get("deploy-changed-only"));
    boolean duplicateFiltering =
        deployChangedOnly || Boolean.parseBoolean(fields.get("enable-duplicate-filtering"));
    NewDeployment request =
        new NewDeployment(
            fields.get("deployment-name"),
            fields.get("deployment-source"),
            fields.get("tenant-id"),
            duplicateFiltering,
            deployChangedOnly,
            resources);
    DeploymentWithDefinitions result;
    try {
      result = deployments.deploy(Callers.of(ctx), request);
    } catch (ParseException e) {
      ctx.status(400).json(ParseExceptionDto.of(e));
      return;
    }
    String self = baseUrl(ctx) + "/deployment/" + result.deployment().id();
    ctx.json(
        DeploymentWithDefinitionsDto.of(
            result.deployment(), result.deployedProcessDefinitions(), self));
  }

  /** {@code scheme://host[:port]/engine-rest}, as Camunda builds its links. */
  static String baseUrl(Context ctx) {
    String url = ctx.fullUrl();
    int at = url.indexOf("/engine-rest");
    return at < 0 ? ctx.scheme() + "://" + ctx.host() + "/engine-rest" : url.substring(0, at + 12);
  }

  private void list(Context ctx) {
    ctx.json(
        deployments.queryDeployments(Callers.of(ctx), query(ctx), QueryRequests.page(ctx)).stream()
            .map(DeploymentDto::of)
            .toList());
  }

  private void count(Context ctx) {
    Responses.count(ctx, deployments.countDeployments(Callers.of(ctx), query(ctx)));
  }

  private static DeploymentQuery query(Context ctx) {
    DeploymentQuery query = new DeploymentQuery();
    FilterParams.fromQuery(QueryParams.of(ctx), query.filters(), Set.of());
    return query;
  }

  private void get(Context ctx) {
    String id = ctx.pathParam("id");
    ctx.json(DeploymentDto.of(deployments.getDeployment(Callers.of(ctx), id)));
  }

  private void delete(Context ctx) {
    String id = ctx.pathParam("id");
    try {
      deployments.getDeployment(Callers.of(ctx), id); // Camunda looks it up with a READ-filtered query
    } catch (NotFoundException e) {
      throw new NotFoundException("Deployment with id '" + id + "' do not exist");
    }
    deployments.deleteDeployment(Callers.of(ctx), id, "true".equals(ctx.queryParam("cascade")));
    Responses.noContent(ctx);
  }

  private void resources(Context ctx) {
    ctx.json(resourcesOf(ctx, ctx.pathParam("id")).stream().map(DeploymentResourceDto::of).toList());
  }

  /** A deployment's resources; 404 with Camunda's message when there are none. */
  private List<DeploymentResource> resourcesOf(Context ctx, String deploymentId) {
    List<DeploymentResource> resources;
    try {
      resources = deployments.getResources(Callers.of(ctx), deploymentId);
    } catch (NotFoundException e) {
      resources = List.of();
    }
    if (resources.isEmpty()) {
      throw new NotFoundException(
          "Deployment resources for deployment id '" + deploymentId + "' do not exist.");
    }
    return resources;
  }

  private DeploymentResource resourceOf(Context ctx, String deploymentId, String resourceId) {
    return resourcesOf(ctx, deploymentId).stream()
        .filter(r -> r.id().equals(resourceId))
        .findFirst()
        .orElseThrow(
            () ->
                new NotFoundException(
                    "Deployment resource with resource id '"
                        + resourceId
                        + "' for deployment id '"
                        + deploymentId
                        + "' does not exist."));
  }

  private void resource(Context ctx) {
    ctx.json(DeploymentResourceDto.of(resourceOf(ctx, ctx.pathParam("id"), ctx.pathParam("resourceId"))));
  }

  /** The file itself, typed by its extension and offered as an attachment, as Camunda does. */
  private void resourceData(Context ctx) {
    String deploymentId = ctx.pathParam("id");
    String resourceId = ctx.pathParam("resourceId");
    byte[] content =
        deployments
            .findResourceContent(Callers.of(ctx), deploymentId, resourceId)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "Deployment resource '"
                            + resourceId
                            + "' for deployment id '"
                            + deploymentId
                            + "' does not exist."));
    String name = resourceOf(ctx, deploymentId, resourceId).name().replace('\\', '/');
    String fileName = name.substring(name.lastIndexOf('/') + 1);
    String extension = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase();
    ctx.contentType(MEDIA_TYPES.getOrDefault(extension, "application/octet-stream"));
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\""
            + fileName.replace("\"", "")
            + "\"; filename*=UTF-8''"
            + java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
    ctx.result(content);
  }

  private static final Map<String, String> MEDIA_TYPES =
      Map.ofEntries(
          Map.entry("bpmn", "application/xml"),
          Map.entry("cmmn", "application/xml"),
          Map.entry("dmn", "application/xml"),
          Map.entry("xml", "application/xml"),
          Map.entry("json", "application/json"),
          Map.entry("gif", "image/gif"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("jpe", "image/jpeg"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("png", "image/png"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("tiff", "image/tiff"),
          Map.entry("tif", "image/tiff"),
          Map.entry("txt", "text/plain"),
          Map.entry("html", "text/html"),
          Map.entry("htm", "text/html"));
}
