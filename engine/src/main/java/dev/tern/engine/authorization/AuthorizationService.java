package dev.tern.engine.authorization;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.NotFoundException;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.Ids;
import dev.tern.engine.query.Listing;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** The engine API for Camunda's authorizations: create, change, delete, query, check. */
public final class AuthorizationService {

  /** What a client sets on an authorization (Camunda's create and update DTOs). */
  public record Definition(
      String userId, String groupId, Integer resourceType, String resourceId, List<String> permissions) {}

  private final Database database;
  private final Listing<Authorization> rows;
  private final Ids ids;
  private final Authorizer authorizer;
  private final AuthorizationStore store;

  public AuthorizationService(
      Database database, Clock clock, Ids ids, Authorizer authorizer, AuthorizationStore store) {
    this.database = database;
    this.rows = new Listing<>(database, clock, AuthorizationStore.COLUMNS, AuthorizationStore.MAPPER);
    this.ids = ids;
    this.authorizer = authorizer;
    this.store = store;
  }

  public Authorizer authorizer() {
    return authorizer;
  }

  public Authorization create(Caller caller, int type, Definition definition) {
    if (type != Authorization.GLOBAL && type != Authorization.GRANT && type != Authorization.REVOKE) {
      throw new InvalidRequestException(
          "Invalid value '" + type + "' for authorization type: must be 0, 1 or 2");
    }
    Authorization authorization = validated(ids.next(), type, definition);
    database.useTransaction(
        handle -> {
          authorizer.check(handle, caller, PermissionCheck.of(Permission.CREATE, Resource.AUTHORIZATION));
          store.insert(handle, authorization);
        });
    return authorization;
  }

  public void update(Caller caller, String id, Definition definition) {
    database.useTransaction(
        handle -> {
          Authorization existing = store.find(handle, id).orElseThrow(() -> notFound(id));
          authorizer.check(
              handle, caller, PermissionCheck.of(Permission.UPDATE, Resource.AUTHORIZATION, id));
          store.update(handle, validated(id, existing.type(), definition));
        });
  }

  public void delete(Caller caller, String id) {
    database.useTransaction(
        handle -> {
          store.find(handle, id).orElseThrow(() -> notFound(id));
          authorizer.check(
              handle, caller, PermissionCheck.of(Permission.DELETE, Resource.AUTHORIZATION, id));
          store.delete(handle, id);
        });
  }

  /** One authorization the caller may read; 404 otherwise, as Camunda's query finds nothing. */
  public Authorization get(Caller caller, String id) {
    AuthorizationQuery query = new AuthorizationQuery();
    query.filters().set("id", id);
    return list(caller, query, 0, 1).stream().findFirst().orElseThrow(() -> notFound(id));
  }

  public AuthorizationQuery createQuery() {
    return new AuthorizationQuery();
  }

  public List<Authorization> list(Caller caller, AuthorizationQuery query, int first, int max) {
    restrict(caller, query);
    return rows.list(query.filters(), first, max);
  }

  public long count(Caller caller, AuthorizationQuery query) {
    restrict(caller, query);
    return rows.count(query.filters());
  }

  /** Whether {@code subject} (the caller, or another user it may look at) has a permission. */
  public boolean isAuthorized(Caller subject, PermissionCheck check) {
    return database.withHandle(handle -> authorizer.granted(handle, subject, check));
  }

  /** Throws unless the caller may read authorizations (to check another user's permissions). */
  public void checkReadAuthorizations(Caller caller) {
    database.withHandle(
        handle -> {
          authorizer.check(handle, caller, PermissionCheck.of(Permission.READ, Resource.AUTHORIZATION));
          return null;
        });
  }

  private void restrict(Caller caller, AuthorizationQuery query) {
    query
        .filters()
        .restrict(
            authorizer.restriction(
                caller, new Authorizer.RowCheck(Permission.READ, Resource.AUTHORIZATION, "a.id")));
  }

  private static Authorization validated(String id, int type, Definition d) {
    if ((d.userId() == null) == (d.groupId() == null)) {
      throw new InvalidRequestException("Authorization must either have a 'userId' or a 'groupId'.");
    }
    if (d.resourceType() == null) {
      throw new InvalidRequestException("Authorization 'resourceType' cannot be null.");
    }
    if (type == Authorization.GLOBAL && !Authorization.ANY.equals(d.userId())) {
      throw new InvalidRequestException(
          "Illegal value '" + (d.userId() != null ? d.userId() : d.groupId())
              + "' for userId for GLOBAL authorization. Must be '" + Authorization.ANY + "'.");
    }
    Resource resource = Resource.of(d.resourceType());
    int bits = type == Authorization.REVOKE ? Permission.ALL.bits() : 0;
    for (String name : d.permissions() == null ? List.<String>of() : d.permissions()) {
      Permission p = Permission.of(Objects.requireNonNullElse(name, "null"), resource);
      bits = type == Authorization.REVOKE ? bits & ~p.bits() : bits | p.bits();
    }
    return new Authorization(
        id,
        type,
        d.userId(),
        d.groupId(),
        resource.type(),
        d.resourceId() == null ? Authorization.ANY : d.resourceId(),
        bits,
        null,
        null);
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException("Authorization with id " + id + " does not exist.");
  }
}
