package dev.tern.rest.identity;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.identity.IdentityService;
import dev.tern.engine.identity.Tenant;
import dev.tern.engine.identity.TenantQuery;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.identity.IdentityDtos.TenantDto;
import dev.tern.rest.support.QueryRequests;
import dev.tern.rest.support.JsonBodies;
import dev.tern.rest.support.Paging;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.util.Set;

/** Camunda's {@code /tenant} resource with its user and group members. */
public final class TenantRestResource implements RestResource {

  private final IdentityService identity;

  public TenantRestResource(ProcessEngine engine) {
    this.identity = engine.identityService();
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .get("/tenant", this::list)
        .get("/tenant/count", this::count)
        .post("/tenant/create", this::create)
        .get("/tenant/{id}", this::get)
        .put("/tenant/{id}", this::update)
        .delete("/tenant/{id}", this::delete)
        .put(
            "/tenant/{id}/user-members/{userId}",
            ctx -> done(ctx, () -> identity.addTenantUser(Callers.of(ctx), ctx.pathParam("id"), ctx.pathParam("userId"))))
        .delete(
            "/tenant/{id}/user-members/{userId}",
            ctx -> done(ctx, () -> identity.removeTenantUser(Callers.of(ctx), ctx.pathParam("id"), ctx.pathParam("userId"))))
        .put(
            "/tenant/{id}/group-members/{groupId}",
            ctx -> done(ctx, () -> identity.addTenantGroup(Callers.of(ctx), ctx.pathParam("id"), ctx.pathParam("groupId"))))
        .delete(
            "/tenant/{id}/group-members/{groupId}",
            ctx -> done(ctx, () -> identity.removeTenantGroup(Callers.of(ctx), ctx.pathParam("id"), ctx.pathParam("groupId"))));
  }

  private static void done(Context ctx, Runnable action) {
    action.run();
    ctx.status(204);
  }

  private TenantQuery query(Context ctx) {
    TenantQuery query = identity.createTenantQuery();
    QueryRequests.fill(ctx, query.filters(), Set.of());
    return query;
  }

  private void list(Context ctx) {
    TenantQuery query = query(ctx);
    Paging paging = QueryRequests.paging(ctx);
    ctx.json(
        identity.listTenants(Callers.of(ctx), query, paging.firstResult(), paging.maxResults()).stream()
            .map(TenantDto::of)
            .toList());
  }

  private void count(Context ctx) {
    Responses.count(ctx, identity.countTenants(Callers.of(ctx), query(ctx)));
  }

  private void create(Context ctx) {
    TenantDto dto = JsonBodies.read(ctx, TenantDto.class);
    identity.createTenant(Callers.of(ctx), new Tenant(dto.id(), dto.name()));
    ctx.status(204);
  }

  private void get(Context ctx) {
    String id = ctx.pathParam("id");
    ctx.json(
        TenantDto.of(
            identity
                .findTenant(Callers.of(ctx), id)
                .orElseThrow(() -> new NotFoundException("Tenant with id " + id + " does not exist"))));
  }

  private void update(Context ctx) {
    String id = ctx.pathParam("id");
    TenantDto dto = JsonBodies.read(ctx, TenantDto.class);
    identity.updateTenant(Callers.of(ctx), id, new Tenant(id, dto.name()));
    ctx.status(204);
  }

  private void delete(Context ctx) {
    identity.deleteTenant(Callers.of(ctx), ctx.pathParam("id"));
    ctx.status(204);
  }
}
