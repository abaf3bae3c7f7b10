package dev.tern.engine.authorization;

import java.util.List;
import java.util.Objects;

/**
 * Who asks: the authenticated user with the groups and tenants it belongs to, passed explicitly to
 * every engine method that checks authorizations. {@link #SYSTEM} (the engine itself, or a server
 * without authentication) may do everything, as Camunda with authorization checks disabled.
 */
public record Caller(String userId, List<String> groupIds, List<String> tenantIds) {

  /** Camunda's administrators' group: its members pass every authorization check. */
  public static final String ADMIN_GROUP = "camunda-admin";

  /** No authorization checks. */
  public static final Caller SYSTEM = new Caller(null, List.of(), List.of());

  public Caller {
    groupIds = List.copyOf(groupIds);
    tenantIds = List.copyOf(tenantIds);
  }

  public static Caller user(String userId, List<String> groupIds, List<String> tenantIds) {
    return new Caller(Objects.requireNonNull(userId), groupIds, tenantIds);
  }

  /** Whether checks are skipped: the system, or a member of {@value #ADMIN_GROUP}. */
  public boolean unrestricted() {
    return userId == null || groupIds.contains(ADMIN_GROUP);
  }
}
