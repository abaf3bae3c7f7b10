package dev.tern.rest.identity;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.identity.Group;
import dev.tern.engine.identity.GroupQuery;
import dev.tern.engine.identity.IdentityService;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.identity.IdentityDtos.GroupDto;
import dev.tern.rest.support.QueryRequests;
import dev.tern.rest.support.JsonBodies;
import dev.tern.rest.support.Paging;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.util.Set;

/** Camunda's {@code /group} resource with its members. */
public final class GroupRestResource implements RestResource {

  private final IdentityService identity;

  public GroupRestResource(ProcessEngine engine) {
    this.identity = engine.identityService();
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .get("/group", this::list)
        .post("/group", this::list)
        .get("/group/count", this::count)
        .post("/group/count", this::count)
        .post("/group/create", this::create)
        .get("/group/{id}", this::get)
        .put("/group/{id}", this::update)
        .delete("/group/{id}", this::delete)
        .put("/group/{id}/members/{userId}", this::addMember)
        .delete("/group/{id}/members/{userId}", this::removeMember);
  }

  private GroupQuery query(Context ctx) {
    GroupQuery query = identity.createGroupQuery();
    QueryRequests.fill(ctx, query.filters(), Set.of());
    return query;
  }

  private void list(Context ctx) {
    GroupQuery query = query(ctx);
    Paging paging = QueryRequests.paging(ctx);
    ctx.json(
        identity.listGroups(Callers.of(ctx), query, paging.firstResult(), paging.maxResults()).stream()
            .map(GroupDto::of)
            .toList());
  }

  private void count(Context ctx) {
    Responses.count(ctx, identity.countGroups(Callers.of(ctx), query(ctx)));
  }

  private void create(Context ctx) {
    GroupDto dto = JsonBodies.read(ctx, GroupDto.class);
    identity.createGroup(Callers.of(ctx), new Group(dto.id(), dto.name(), dto.type()));
    ctx.status(204);
  }

  private void get(Context ctx) {
    String id = ctx.pathParam("id");
    ctx.json(
        GroupDto.of(
            identity
                .findGroup(Callers.of(ctx), id)
                .orElseThrow(() -> new NotFoundException("Group with id " + id + " does not exist"))));
  }

  private void update(Context ctx) {
    String id = ctx.pathParam("id");
    GroupDto dto = JsonBodies.read(ctx, GroupDto.class);
    identity.updateGroup(Callers.of(ctx), id, new Group(id, dto.name(), dto.type()));
    ctx.status(204);
  }

  private void delete(Context ctx) {
    identity.deleteGroup(Callers.of(ctx), ctx.pathParam("id"));
    ctx.status(204);
  }

  private void addMember(Context ctx) {
    identity.addGroupMember(Callers.of(ctx), ctx.pathParam("id"), ctx.pathParam("userId"));
    ctx.status(204);
  }

  private void removeMember(Context ctx) {
    identity.removeGroupMember(Callers.of(ctx), ctx.pathParam("id"), ctx.pathParam("userId"));
    ctx.status(204);
  }
}
