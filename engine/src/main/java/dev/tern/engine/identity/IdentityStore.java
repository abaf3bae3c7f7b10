package dev.tern.engine.identity;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Resource;
import dev.tern.engine.persistence.RecordMapper;
import dev.tern.engine.persistence.Rows;
import dev.tern.engine.query.FilterQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * What the user, group and tenant stores share: one row per id in their table, found, listed and
 * deleted alike (a group's or a tenant's memberships go with it), one authorization resource.
 */
abstract class IdentityStore<T extends Record> {

  private final String kind;
  private final Resource resource;
  private final String table;
  private final String alias;
  private final String columns;
  private final RowMapper<T> mapper;
  private final String updates;
  private final String membershipDelete;

  /**
   * @param kind Camunda's word in messages ("User", "Group", "Tenant")
   * @param columns the selected columns, in the order of {@code type}'s components
   * @param updates the {@code SET} list of an update, bound by the record's accessors
   * @param membershipDelete the statement deleting the memberships of {@code :id}, or null
   */
  IdentityStore(
      String kind,
      Resource resource,
      String table,
      String alias,
      String columns,
      Class<T> type,
      String updates,
      String membershipDelete) {
    this.kind = kind;
    this.resource = resource;
    this.table = table;
    this.alias = alias;
    this.columns = columns;
    this.mapper = RecordMapper.of(type, columns);
    this.updates = updates;
    this.membershipDelete = membershipDelete;
  }

  String kind() {
    return kind;
  }

  Resource resource() {
    return resource;
  }

  /** The id column as the family's query definition names it. */
  String idColumn() {
    return alias + ".id";
  }

  /** Changes the row's fields (not its id); false when there is no such row. */
  boolean update(Handle handle, String id, T value) {
    return handle
            .createUpdate("UPDATE " + table + " SET " + updates + " WHERE id = :oldId")
            .bindMethods(value)
            .bind("oldId", id)
            .execute()
        == 1;
  }

  Optional<T> find(Handle handle, String id) {
    return Rows.findById(handle, table + " " + alias, columns, mapper, id);
  }

  List<T> list(Handle handle, FilterQuery query, Instant now, int first, int max) {
    return query.list(handle, columns, mapper, now, first, max);
  }

  boolean delete(Handle handle, String id) {
    if (membershipDelete != null) {
      handle.createUpdate(membershipDelete).bind("id", id).execute();
    }
    return handle.createUpdate("DELETE FROM " + table + " WHERE id = :id").bind("id", id).execute()
        == 1;
  }

  NotFoundException notFound(String id) {
    return new NotFoundException(kind + " with id " + id + " does not exist");
  }
}
