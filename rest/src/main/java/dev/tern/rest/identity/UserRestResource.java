package dev.tern.rest.identity;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.identity.IdentityService;
import dev.tern.engine.identity.UserQuery;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.identity.IdentityDtos.UserCredentialsDto;
import dev.tern.rest.identity.IdentityDtos.UserDto;
import dev.tern.rest.identity.IdentityDtos.UserProfileDto;
import dev.tern.rest.support.QueryRequests;
import dev.tern.rest.support.JsonBodies;
import dev.tern.rest.support.Paging;
import dev.tern.rest.support.Responses;
import dev.tern.rest.support.RestException;
import io.javalin.http.Context;
import java.util.Set;

/** Camunda's {@code /user} resource. */
public final class UserRestResource implements RestResource {

  private final IdentityService identity;

  public UserRestResource(ProcessEngine engine) {
    this.identity = engine.identityService();
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .get("/user", this::list)
        .get("/user/count", this::count)
        .post("/user/create", this::create)
        .get("/user/{id}/profile", this::profile)
        .put("/user/{id}/profile", this::updateProfile)
        .put("/user/{id}/credentials", this::updateCredentials)
        .post("/user/{id}/unlock", this::unlock)
        .delete("/user/{id}", this::delete);
  }

  private UserQuery query(Context ctx) {
    UserQuery query = identity.createUserQuery();
    QueryRequests.fill(ctx, query.filters(), Set.of());
    return query;
  }

  private void list(Context ctx) {
    UserQuery query = query(ctx);
    Paging paging = QueryRequests.paging(ctx);
    ctx.json(
        identity.listUsers(Callers.of(ctx), query, paging.firstResult(), paging.maxResults()).stream()
            .map(UserProfileDto::of)
            .toList());
  }

  private void count(Context ctx) {
    Responses.count(ctx, identity.countUsers(Callers.of(ctx), query(ctx)));
  }

  private void create(Context ctx) {
    UserDto dto = JsonBodies.read(ctx, UserDto.class);
    if (dto.profile() == null || dto.profile().id() == null) {
      throw new RestException(
          400,
          "InvalidRequestException",
          "request object must provide profile information with valid id.");
    }
    String password = dto.credentials() == null ? null : dto.credentials().password();
    identity.createUser(Callers.of(ctx), dto.profile().toUser(dto.profile().id()), password);
    ctx.status(204);
  }

  private void profile(Context ctx) {
    String id = ctx.pathParam("id");
    ctx.json(
        UserProfileDto.of(
            identity.findUser(Callers.of(ctx), id).orElseThrow(() -> notFound(id))));
  }

  private void updateProfile(Context ctx) {
    String id = ctx.pathParam("id");
    UserProfileDto dto = JsonBodies.read(ctx, UserProfileDto.class);
    identity.updateProfile(Callers.of(ctx), id, dto.toUser(id));
    ctx.status(204);
  }

  private void updateCredentials(Context ctx) {
    UserCredentialsDto dto = JsonBodies.read(ctx, UserCredentialsDto.class);
    identity.updatePassword(
        Callers.of(ctx), ctx.pathParam("id"), dto.password(), dto.authenticatedUserPassword());
    ctx.status(204);
  }

  private void unlock(Context ctx) {
    identity.unlockUser(Callers.of(ctx), ctx.pathParam("id"));
    ctx.status(204);
  }

  private void delete(Context ctx) {
    identity.deleteUser(Callers.of(ctx), ctx.pathParam("id"));
    ctx.status(204);
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException("User with id " + id + " does not exist");
  }
}
