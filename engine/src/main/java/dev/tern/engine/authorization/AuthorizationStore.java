package dev.tern.engine.authorization;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for {@code tern_authorization}. */
public final class AuthorizationStore {

  static final String COLUMNS =
      "a.id, a.auth_type, a.user_id, a.group_id, a.resource_type, a.resource_id, a.permissions,"
          + " a.removal_time, a.root_process_instance_id";

  static final RowMapper<Authorization> MAPPER =
      (rs, ctx) ->
          new Authorization(
              rs.getString(1),
              rs.getInt(2),
              rs.getString(3),
              rs.getString(4),
              rs.getInt(5),
              rs.getString(6),
              rs.getInt(7),
              ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, 8, ctx),
              rs.getString(9));

  public void insert(Handle handle, Authorization a) {
    handle
        .createUpdate(
            "INSERT INTO tern_authorization (id, auth_type, user_id, group_id, resource_type,"
                + " resource_id, permissions, removal_time, root_process_instance_id) VALUES (:id,"
                + " :type, :userId, :groupId, :resourceType, :resourceId, :permissions,"
                + " :removalTime, :rootProcessInstanceId)")
        .bindMethods(a)
        .execute();
  }

  boolean update(Handle handle, Authorization a) {
    return handle
            .createUpdate(
                "UPDATE tern_authorization SET user_id = :userId, group_id = :groupId,"
                    + " resource_type = :resourceType, resource_id = :resourceId,"
                    + " permissions = :permissions, rev = rev + 1 WHERE id = :id")
            .bindMethods(a)
            .execute()
        == 1;
  }

  boolean delete(Handle handle, String id) {
    return handle.createUpdate("DELETE FROM tern_authorization WHERE id = :id").bind("id", id).execute()
        == 1;
  }

  /** Deletes the authorizations of a deleted user or group, and those on it as a resource. */
  public void deleteFor(Handle handle, String userId, String groupId, Resource resource, String id) {
    handle
        .createUpdate(
            "DELETE FROM tern_authorization WHERE user_id = :u OR group_id = :g"
                + " OR (resource_type = :type AND resource_id = :id)")
        .bind("u", userId)
        .bind("g", groupId)
        .bind("type", resource.type())
        .bind("id", id)
        .execute();
  }

  Optional<Authorization> find(Handle handle, String id) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM tern_authorization a WHERE a.id = :id")
        .bind("id", id)
        .map(MAPPER)
        .findOne();
  }
}
