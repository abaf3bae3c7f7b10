package dev.tern.engine.authorization;

import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.Type;
import dev.tern.engine.query.TypedQuery;

/** Selects authorizations with the filters of Camunda's {@code GET /authorization}. */
public final class AuthorizationQuery extends TypedQuery<AuthorizationQuery> {

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_authorization a", "a.id")
          .equal("id", "a.id")
          .filter("type", Type.INTEGER, (w, v, c) -> w.eq("a.auth_type", v))
          .anyOf("userIdIn", "a.user_id")
          .anyOf("groupIdIn", "a.group_id")
          .filter("resourceType", Type.INTEGER, (w, v, c) -> w.eq("a.resource_type", v))
          .equal("resourceId", "a.resource_id")
          .sort("resourceType", "a.resource_type")
          .sort("resourceId", "a.resource_id")
          .build();

  public AuthorizationQuery() {
    super(DEFINITION);
  }
}
