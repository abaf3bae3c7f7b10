package dev.tern.engine.identity;

import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.Type;
import dev.tern.engine.query.TypedQuery;

/** Selects groups with the filters of Camunda's {@code GET /group}. */
public final class GroupQuery extends TypedQuery<GroupQuery> {

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_group g", "g.id")
          .equalOrAnyOf("id", "g.id")
          .equal("name", "g.name")
          .like("nameLike", "g.name")
          .equal("type", "g.group_type")
          .where(
              "member",
              Type.STRING,
              "g.id IN (SELECT m.group_id FROM tern_group_member m WHERE m.user_id = ?)")
          .where(
              "memberOfTenant",
              Type.STRING,
              "g.id IN (SELECT tm.member_id FROM tern_tenant_member tm"
                  + " WHERE tm.member_type = 'G' AND tm.tenant_id = ?)")
          .sortable("id", "name", "type")
          .build();

  public GroupQuery() {
    super(DEFINITION);
  }
}
