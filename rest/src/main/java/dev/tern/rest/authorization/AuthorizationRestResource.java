package dev.tern.rest.authorization;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.authorization.Authorization;
import dev.tern.engine.authorization.AuthorizationQuery;
import dev.tern.engine.authorization.AuthorizationService;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.Permission;
import dev.tern.engine.authorization.PermissionCheck;
import dev.tern.engine.authorization.Resource;
import dev.tern.engine.identity.IdentityService;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.support.QueryRequests;
import dev.tern.rest.support.CamundaDates;
import dev.tern.rest.support.JsonBodies;
import dev.tern.rest.support.Paging;
import dev.tern.rest.support.QueryParams;
import dev.tern.rest.support.Responses;
import dev.tern.rest.support.RestException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/** Camunda's {@code /authorization} resource. */
public final class AuthorizationRestResource implements RestResource {

  record AuthorizationDto(
      String id,
      Integer type,
      List<String> permissions,
      String userId,
      String groupId,
      Integer resourceType,
      String resourceId,
      String removalTime,
      String rootProcessInstanceId) {
    static AuthorizationDto of(Authorization a) {
      return new AuthorizationDto(
          a.id(),
          a.type(),
          a.permissionNames(),
          a.userId(),
          a.groupId(),
          a.resourceType(),
          a.resourceId(),
          a.removalTime() == null ? null : CamundaDates.format(a.removalTime()),
          a.rootProcessInstanceId());
    }
  }

  record AuthorizationCreateDto(
      Integer type,
      List<String> permissions,
      String userId,
      String groupId,
      Integer resourceType,
      String resourceId) {}

  record AuthorizationUpdateDto(
      List<String> permissions, String userId, String groupId, Integer resourceType, String resourceId) {}

  record AuthorizationCheckResultDto(
      String permissionName, String resourceName, String resourceId, boolean authorized) {}

  private final AuthorizationService authorizations;
  private final IdentityService identity;

  public AuthorizationRestResource(ProcessEngine engine) {
    this.authorizations = engine.authorizationService();
    this.identity = engine.identityService();
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .get("/authorization", this::list)
        .get("/authorization/count", this::count)
        .get("/authorization/check", this::check)
        .post("/authorization/create", this::create)
        .get(
            "/authorization/{id}",
            ctx -> ctx.json(AuthorizationDto.of(authorizations.get(Callers.of(ctx), ctx.pathParam("id")))))
        .put("/authorization/{id}", this::update)
        .delete("/authorization/{id}", this::delete);
  }

  private AuthorizationQuery query(Context ctx) {
    AuthorizationQuery query = authorizations.createQuery();
    QueryRequests.fill(ctx, query.filters(), Set.of());
    return query;
  }

  private void list(Context ctx) {
    Paging paging = QueryRequests.paging(ctx);
    ctx.json(
        authorizations
            .list(Callers.of(ctx), query(ctx), paging.firstResult(), paging.maxResults())
            .stream()
            .map(AuthorizationDto::of)
            .toList());
  }

  private void count(Context ctx) {
    Responses.count(ctx, authorizations.count(Callers.of(ctx), query(ctx)));
  }

  private void create(Context ctx) {
    AuthorizationCreateDto dto = JsonBodies.read(ctx, AuthorizationCreateDto.class);
    Authorization created =
        authorizations.create(
            Callers.of(ctx),
            dto.type() == null ? Authorization.GRANT : dto.type(),
            new AuthorizationService.Definition(
                dto.userId(), dto.groupId(), dto.resourceType(), dto.resourceId(), dto.permissions()));
    ctx.json(AuthorizationDto.of(created));
  }

  private void update(Context ctx) {
    AuthorizationUpdateDto dto = JsonBodies.read(ctx, AuthorizationUpdateDto.class);
    authorizations.update(
        Callers.of(ctx),
        ctx.pathParam("id"),
        new AuthorizationService.Definition(
            dto.userId(), dto.groupId(), dto.resourceType(), dto.resourceId(), dto.permissions()));
    ctx.status(204);
  }

  private void delete(Context ctx) {
    authorizations.delete(Callers.of(ctx), ctx.pathParam("id"));
    ctx.status(204);
  }

  /** Camunda's {@code GET /authorization/check}: whether a user has one permission. */
  private void check(Context ctx) {
    QueryParams params = QueryParams.of(ctx);
    String permissionName = ctx.queryParam("permissionName");
    String resourceName = ctx.queryParam("resourceName");
    Integer resourceType = params.integer("resourceType");
    String resourceId = ctx.queryParam("resourceId");
    String userId = ctx.queryParam("userId");
    if (permissionName == null) {
      throw new RestException(400, "InvalidRequestException", "Query parameter 'permissionName' cannot be null");
    }
    if (resourceName == null) {
      throw new RestException(400, "InvalidRequestException", "Query parameter 'resourceName' cannot be null");
    }
    if (resourceType == null) {
      throw new RestException(400, "InvalidRequestException", "Query parameter 'resourceType' cannot be null");
    }
    if (!Callers.authenticated(ctx)) {
      throw new RestException(
          401, "InvalidRequestException", "You must be authenticated in order to use this resource.");
    }
    Caller caller = Callers.of(ctx);
    Caller subject = caller;
    if (userId != null && !userId.equals(caller.userId())) {
      if (!authorizations.isAuthorized(caller, PermissionCheck.of(Permission.READ, Resource.AUTHORIZATION))) {
        throw new RestException(
            403, "InvalidRequestException", "You must have READ permission for Authorization resource.");
      }
      subject = identity.callerOf(userId);
    }
    Resource resource = Resource.of(resourceType);
    Permission permission = Permission.of(permissionName, resource);
    String id = resourceId == null || Authorization.ANY.equals(resourceId) ? null : resourceId;
    boolean authorized =
        Integer.bitCount(permission.bits()) == 1
            ? authorizations.isAuthorized(subject, PermissionCheck.of(permission, resource, id))
            : subject.unrestricted();
    ctx.json(new AuthorizationCheckResultDto(permissionName, resourceName, resourceId, authorized));
  }
}
