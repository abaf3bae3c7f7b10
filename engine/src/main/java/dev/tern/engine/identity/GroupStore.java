package dev.tern.engine.identity;

import dev.tern.engine.authorization.Resource;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** SQL for {@code tern_group} and {@code tern_group_member}. */
final class GroupStore extends IdentityStore<Group> {

  GroupStore() {
    super(
        "Group",
        Resource.GROUP,
        "tern_group",
        "g",
        "g.id, g.name, g.group_type",
        Group.class,
        "name = :name, group_type = :type",
        "DELETE FROM tern_group_member WHERE group_id = :id");
  }

  void insert(Handle handle, Group group) {
    handle
        .createUpdate("INSERT INTO tern_group (id, name, group_type) VALUES (:id, :name, :type)")
        .bindMethods(group)
        .execute();
  }

  /** Adds the membership; false when it existed already. */
  boolean addMember(Handle handle, String groupId, String userId) {
    return handle
            .createUpdate(
                "INSERT INTO tern_group_member (group_id, user_id) SELECT :g, :u"
                    + " WHERE NOT EXISTS (SELECT 1 FROM tern_group_member"
                    + " WHERE group_id = :g AND user_id = :u)")
            .bind("g", groupId)
            .bind("u", userId)
            .execute()
        == 1;
  }

  void removeMember(Handle handle, String groupId, String userId) {
    handle
        .createUpdate("DELETE FROM tern_group_member WHERE group_id = :g AND user_id = :u")
        .bind("g", groupId)
        .bind("u", userId)
        .execute();
  }

  void removeUser(Handle handle, String userId) {
    handle.createUpdate("DELETE FROM tern_group_member WHERE user_id = :u").bind("u", userId).execute();
  }

  /** The ids of the groups {@code userId} belongs to. */
  List<String> groupIdsOf(Handle handle, String userId) {
    return handle
        .createQuery("SELECT group_id FROM tern_group_member WHERE user_id = :u ORDER BY group_id")
        .bind("u", userId)
        .mapTo(String.class)
        .list();
  }
}
