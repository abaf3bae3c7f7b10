package dev.tern.engine.identity;

import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.Type;

/** Selects users with the filters of Camunda's {@code GET /user}. */
public final class UserQuery {

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_user u", "u.id")
          .equalOrAnyOf("id", "u.id")
          .equal("firstName", "u.first_name")
          .like("firstNameLike", "u.first_name")
          .equal("lastName", "u.last_name")
          .like("lastNameLike", "u.last_name")
          .equal("email", "u.email")
          .like("emailLike", "u.email")
          .filter(
              "memberOfGroup",
              Type.STRING,
              (w, v, c) ->
                  w.addIf(
                      true,
                      "u.id IN (SELECT m.user_id FROM tern_group_member m WHERE m.group_id = "
                          + w.bind(v)
                          + ")"))
          .filter(
              "memberOfTenant",
              Type.STRING,
              (w, v, c) -> {
                String tenant = w.bind(v);
                w.addIf(
                    true,
                    "u.id IN (SELECT tm.member_id FROM tern_tenant_member tm WHERE tm.tenant_id = "
                        + tenant
                        + " AND tm.member_type = 'U' UNION SELECT m.user_id FROM tern_group_member m"
                        + " JOIN tern_tenant_member tg ON tg.member_type = 'G'"
                        + " AND tg.member_id = m.group_id WHERE tg.tenant_id = "
                        + tenant
                        + ")");
              })
          // Tern has no per-definition starter authorizations: every user is a potential starter.
          .filter("potentialStarter", Type.STRING, (w, v, c) -> {})
          .sort("userId", "u.id")
          .sort("firstName", "u.first_name")
          .sort("lastName", "u.last_name")
          .sort("email", "u.email")
          .build();

  private final FilterQuery filters = new FilterQuery(DEFINITION);

  public FilterQuery filters() {
    return filters;
  }
}
