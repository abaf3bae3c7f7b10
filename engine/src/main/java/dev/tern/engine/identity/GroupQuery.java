package dev.tern.engine.identity;

import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.Type;

/** Selects groups with the filters of Camunda's {@code GET /group}. */
public final class GroupQuery {

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_group g", "g.id")
          .equalOrAnyOf("id", "g.id")
          .equal("name", "g.name")
          .like("nameLike", "g.name")
          .equal("type", "g.group_type")
          .filter(
              "member",
              Type.STRING,
              (w, v, c) ->
                  w.addIf(
                      true,
                      "g.id IN (SELECT m.group_id FROM tern_group_member m WHERE m.user_id = "
                          + w.bind(v)
                          + ")"))
          .filter(
              "memberOfTenant",
              Type.STRING,
              (w, v, c) ->
                  w.addIf(
                      true,
                      "g.id IN (SELECT tm.member_id FROM tern_tenant_member tm"
                          + " WHERE tm.member_type = 'G' AND tm.tenant_id = "
                          + w.bind(v)
                          + ")"))
          .sort("id", "g.id")
          .sort("name", "g.name")
          .sort("type", "g.group_type")
          .build();

  private final FilterQuery filters = new FilterQuery(DEFINITION);

  public FilterQuery filters() {
    return filters;
  }
}
