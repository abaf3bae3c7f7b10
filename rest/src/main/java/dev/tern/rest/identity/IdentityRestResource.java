package dev.tern.rest.identity;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.identity.GroupQuery;
import dev.tern.engine.identity.IdentityService;
import dev.tern.engine.identity.UserQuery;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.identity.IdentityDtos.AuthenticationResult;
import dev.tern.rest.identity.IdentityDtos.BasicUserCredentialsDto;
import dev.tern.rest.identity.IdentityDtos.IdentityServiceGroupDto;
import dev.tern.rest.identity.IdentityDtos.IdentityServiceGroupInfoDto;
import dev.tern.rest.identity.IdentityDtos.IdentityServiceUserDto;
import dev.tern.rest.support.JsonBodies;
import dev.tern.rest.support.RestException;
import io.javalin.http.Context;
import java.util.List;

/** Camunda's {@code /identity}: password verification and a user's groups with their members. */
public final class IdentityRestResource implements RestResource {

  private final IdentityService identity;

  public IdentityRestResource(ProcessEngine engine) {
    this.identity = engine.identityService();
  }

  @Override
  public void addRoutes(Routes routes) {
    routes.post("/identity/verify", this::verify).get("/identity/groups", this::groups);
  }

  private void verify(Context ctx) {
    BasicUserCredentialsDto dto = JsonBodies.read(ctx, BasicUserCredentialsDto.class);
    if (dto.username() == null || dto.password() == null) {
      throw new RestException(400, "InvalidRequestException", "Username and password are required");
    }
    boolean ok = identity.checkPassword(dto.username(), dto.password());
    ctx.json(new AuthenticationResult(dto.username(), ok, null, null));
  }

  private void groups(Context ctx) {
    String userId = ctx.queryParam("userId");
    if (userId == null) {
      throw new RestException(400, "InvalidRequestException", "No user id was supplied");
    }
    Caller caller = Callers.of(ctx);
    GroupQuery groupQuery = identity.createGroupQuery();
    groupQuery.filters().set("member", userId).orderBy("name", true);
    List<IdentityServiceGroupDto> groups =
        identity.listGroups(caller, groupQuery, 0, Integer.MAX_VALUE).stream()
            .map(g -> new IdentityServiceGroupDto(g.id(), g.name()))
            .toList();
    List<IdentityServiceUserDto> users = new java.util.ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (IdentityServiceGroupDto group : groups) {
      UserQuery members = identity.createUserQuery();
      members.filters().set("memberOfGroup", group.id());
      identity.listUsers(caller, members, 0, Integer.MAX_VALUE).stream()
          .filter(u -> !u.id().equals(userId) && seen.add(u.id()))
          .map(IdentityServiceUserDto::of)
          .forEach(users::add);
    }
    ctx.json(new IdentityServiceGroupInfoDto(groups, users));
  }
}
