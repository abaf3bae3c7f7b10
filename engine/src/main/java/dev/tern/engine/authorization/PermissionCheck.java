package dev.tern.engine.authorization;

/**
 * One permission on one resource: {@code resourceId} is a concrete id, or null for the resource
 * type as a whole (only wildcard authorizations grant it).
 */
public record PermissionCheck(Permission permission, Resource resource, String resourceId) {

  public static PermissionCheck of(Permission permission, Resource resource, String resourceId) {
    return new PermissionCheck(permission, resource, resourceId);
  }

  public static PermissionCheck of(Permission permission, Resource resource) {
    return new PermissionCheck(permission, resource, null);
  }
}
