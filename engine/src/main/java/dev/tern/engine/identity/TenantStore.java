package dev.tern.engine.identity;

import dev.tern.engine.authorization.Resource;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** SQL for {@code tern_tenant} and {@code tern_tenant_member}. */
final class TenantStore extends IdentityStore<Tenant> {

  static final String USER = "U";
  static final String GROUP = "G";

  TenantStore() {
    super(
        "Tenant",
        Resource.TENANT,
        "tern_tenant",
        "t",
        "t.id, t.name",
        Tenant.class,
        "name = :name",
        "DELETE FROM tern_tenant_member WHERE tenant_id = :id");
  }

  void insert(Handle handle, Tenant tenant) {
    handle.createUpdate("INSERT INTO tern_tenant (id, name) VALUES (:id, :name)").bindMethods(tenant).execute();
  }

  boolean addMember(Handle handle, String tenantId, String memberType, String memberId) {
    return handle
            .createUpdate(
                "INSERT INTO tern_tenant_member (tenant_id, member_type, member_id) SELECT :t, :k, :m"
                    + " WHERE NOT EXISTS (SELECT 1 FROM tern_tenant_member"
                    + " WHERE tenant_id = :t AND member_type = :k AND member_id = :m)")
            .bind("t", tenantId)
            .bind("k", memberType)
            .bind("m", memberId)
            .execute()
        == 1;
  }

  void removeMember(Handle handle, String tenantId, String memberType, String memberId) {
    handle
        .createUpdate(
            "DELETE FROM tern_tenant_member WHERE tenant_id = :t AND member_type = :k"
                + " AND member_id = :m")
        .bind("t", tenantId)
        .bind("k", memberType)
        .bind("m", memberId)
        .execute();
  }

  /** Removes a user's or a group's memberships in every tenant. */
  void removeMemberEverywhere(Handle handle, String memberType, String memberId) {
    handle
        .createUpdate("DELETE FROM tern_tenant_member WHERE member_type = :k AND member_id = :m")
        .bind("k", memberType)
        .bind("m", memberId)
        .execute();
  }

  /** The tenants a user belongs to, directly or through one of its groups. */
  List<String> tenantIdsOf(Handle handle, String userId) {
    return handle
        .createQuery(
            "SELECT DISTINCT tenant_id FROM tern_tenant_member"
                + " WHERE (member_type = 'U' AND member_id = :u)"
                + " OR (member_type = 'G' AND member_id IN"
                + " (SELECT group_id FROM tern_group_member WHERE user_id = :u))"
                + " ORDER BY tenant_id")
        .bind("u", userId)
        .mapTo(String.class)
        .list();
  }
}
