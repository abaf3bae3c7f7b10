package dev.tern.engine.identity;

import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.Type;
import dev.tern.engine.query.TypedQuery;

/** Selects users with the filters of Camunda's {@code GET /user}. */
public final class UserQuery extends TypedQuery<UserQuery> {

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_user u", "u.id")
          .equalOrAnyOf("id", "u.id")
          .equalColumns("firstName", "lastName", "email")
          .like("firstNameLike", "u.first_name")
          .like("lastNameLike", "u.last_name")
          .like("emailLike", "u.email")
          .where(
              "memberOfGroup",
              Type.STRING,
              "u.id IN (SELECT m.user_id FROM tern_group_member m WHERE m.group_id = ?)")
          .where(
              "memberOfTenant",
              Type.STRING,
              "u.id IN (SELECT tm.member_id FROM tern_tenant_member tm WHERE tm.tenant_id = ?"
                  + " AND tm.member_type = 'U' UNION SELECT m.user_id FROM tern_group_member m"
                  + " JOIN tern_tenant_member tg ON tg.member_type = 'G'"
                  + " AND tg.member_id = m.group_id WHERE tg.tenant_id = ?)")
          // Tern has no per-definition starter authorizations: every user is a potential starter.
          .filter("potentialStarter", Type.STRING, (w, v, c) -> {})
          .sort("userId", "u.id")
          .sortable("firstName", "lastName", "email")
          .build();

  public UserQuery() {
    super(DEFINITION);
  }
}
