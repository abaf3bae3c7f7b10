package dev.tern.engine.identity;

import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.Type;
import dev.tern.engine.query.TypedQuery;

/** Selects tenants with the filters of Camunda's {@code GET /tenant}. */
public final class TenantQuery extends TypedQuery<TenantQuery> {

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_tenant t", "t.id")
          .equalColumns("id", "name")
          .like("nameLike", "t.name")
          .filter(
              "userMember",
              Type.STRING,
              (w, v, c) -> {
                String user = w.bind(v);
                boolean groups = c.isTrue("includingGroupsOfUser");
                w.addIf(
                    true,
                    "t.id IN (SELECT tm.tenant_id FROM tern_tenant_member tm WHERE tm.member_type = 'U'"
                        + " AND tm.member_id = "
                        + user
                        + (groups
                            ? " UNION SELECT tg.tenant_id FROM tern_tenant_member tg"
                                + " JOIN tern_group_member m ON tg.member_type = 'G'"
                                + " AND tg.member_id = m.group_id WHERE m.user_id = "
                                + user
                            : "")
                        + ")");
              })
          .filter(
              "groupMember",
              Type.STRING,
              (w, v, c) ->
                  w.addIf(
                      true,
                      "t.id IN (SELECT tm.tenant_id FROM tern_tenant_member tm"
                          + " WHERE tm.member_type = 'G' AND tm.member_id = "
                          + w.bind(v)
                          + ")"))
          // read by userMember
          .filter("includingGroupsOfUser", Type.BOOLEAN, (w, v, c) -> {})
          .sortable("id", "name")
          .build();

  public TenantQuery() {
    super(DEFINITION);
  }
}
