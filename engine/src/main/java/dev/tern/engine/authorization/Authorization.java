package dev.tern.engine.authorization;

import java.time.Instant;

/**
 * One authorization row: who ({@code userId}, {@code *} for everyone, or {@code groupId}), what
 * ({@code resourceType} and {@code resourceId}, {@code *} for all) and the permission mask.
 */
public record Authorization(
    String id,
    int type,
    String userId,
    String groupId,
    int resourceType,
    String resourceId,
    int permissions,
    Instant removalTime,
    String rootProcessInstanceId) {

  public static final int GLOBAL = 0;
  public static final int GRANT = 1;
  public static final int REVOKE = 2;
  public static final String ANY = "*";

  public Resource resource() {
    return Resource.of(resourceType);
  }

  /** Camunda's permission names: those granted, or for a revoke those revoked. */
  public java.util.List<String> permissionNames() {
    int shown = type == REVOKE ? ~permissions & Permission.ALL.bits() : permissions;
    if (type == REVOKE && shown == Permission.ALL.bits()) {
      return java.util.List.of(Permission.ALL.name());
    }
    return Permission.namesOf(shown, resource());
  }
}
