package dev.tern.rest.support;

import dev.tern.engine.authorization.AuthorizationException;
import java.util.List;

/** Camunda's 403 body: the error plus who lacked which permissions. */
public record AuthorizationExceptionDto(
    String type, String message, int code, String userId, List<MissingAuthorizationDto> missingAuthorizations) {

  /** One permission that would have allowed the operation. */
  public record MissingAuthorizationDto(String permissionName, String resourceName, String resourceId) {}

  static AuthorizationExceptionDto of(AuthorizationException e) {
    return new AuthorizationExceptionDto(
        e.type(),
        e.getMessage(),
        e.code(),
        e.userId(),
        e.missing().stream()
            .map(m -> new MissingAuthorizationDto(m.permissionName(), m.resourceName(), m.resourceId()))
            .toList());
  }
}
