package dev.tern.engine.authorization;

import dev.tern.engine.TernException;
import java.util.List;
import java.util.stream.Collectors;

/** The caller lacks every one of the permissions that would allow an operation (HTTP 403). */
public final class AuthorizationException extends TernException {

  /** A permission that would have allowed the operation; {@code resourceId} may be null. */
  public record Missing(String permissionName, String resourceName, String resourceId) {
    static Missing of(PermissionCheck check) {
      return new Missing(
          check.permission().name(), check.resource().resourceName(), check.resourceId());
    }

    String describe() {
      return "'" + permissionName + "' permission on resource '"
          + (resourceId != null ? resourceId + "' of type '" : "") + resourceName + "'";
    }
  }

  private final String userId;
  private final List<Missing> missing;

  public AuthorizationException(String userId, List<Missing> missing) {
    this(userId, missing, message(userId, missing));
  }

  private AuthorizationException(String userId, List<Missing> missing, String message) {
    super(Category.FORBIDDEN, "AuthorizationException", message);
    this.userId = userId;
    this.missing = List.copyOf(missing);
  }

  /** Camunda's refusal of an operation reserved to {@value Caller#ADMIN_GROUP}. */
  public static AuthorizationException adminRequired(String userId) {
    return new AuthorizationException(
        userId, List.of(), "Required admin authenticated group or user.");
  }

  /** Camunda's forms: one permission, or "one of the following permissions: … or …". */
  private static String message(String userId, List<Missing> missing) {
    if (missing.size() == 1) {
      return "The user with id '" + userId + "' does not have " + missing.get(0).describe() + ".";
    }
    return "The user with id '" + userId + "' does not have one of the following permissions: "
        + missing.stream().map(Missing::describe).collect(Collectors.joining(" or "));
  }

  public String userId() {
    return userId;
  }

  public List<Missing> missing() {
    return missing;
  }
}
