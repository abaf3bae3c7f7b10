package dev.tern.rest.auth;

import dev.tern.engine.authorization.AuthorizationException;
import dev.tern.rest.RestServer;
import dev.tern.rest.engine.HealthResource;
import dev.tern.rest.support.RestException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP Basic in front of every path: a request without valid credentials answers 401 with {@code
 * WWW-Authenticate: Basic realm="tern"}. Only {@code GET}/{@code HEAD} of {@value #OPEN_PATH} and
 * of the health probes ({@code /health/live}, {@code /health/ready}) stay open; they reveal no data. Paths under {@code /admin} need a member of {@code camunda-admin}.
 * Credentials are never logged or echoed.
 */
public final class BasicAuthentication implements Handler {

  public static final String REALM = "tern";
  public static final String OPEN_PATH = RestServer.BASE_PATH + "/version";
  private static final Set<String> OPEN_PATHS =
      Set.of(OPEN_PATH, HealthResource.LIVE_PATH, HealthResource.READY_PATH);

  /**
   * The operations console's paths: it signs its users in with a form and a session cookie of its
   * own (against the same users), so Basic credentials are not asked for there.
   */
  public static final String CONSOLE_PATH = "/console";

  private final Authenticator authenticator;

  public BasicAuthentication(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public void handle(Context ctx) {
    if (isOpen(ctx) || isConsole(ctx.path())) {
      return;
    }
    credentials(ctx.header("Authorization"))
        .flatMap(c -> authenticator.authenticate(c[0], c[1]))
        .ifPresentOrElse(
            caller -> {
              // Tern's own operations (the job executor) have no Camunda resource: admins only.
              if (ctx.path().startsWith("/admin/") && !caller.unrestricted()) {
                throw AuthorizationException.adminRequired(caller.userId());
              }
              ctx.attribute(Callers.ATTRIBUTE, caller);
            },
            () -> {
              ctx.header("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
              throw new RestException(
                  401, "NotAuthorizedException", "HTTP 401 Unauthorized: authentication required");
            });
  }

  private static boolean isOpen(Context ctx) {
    HandlerType method = ctx.method();
    String path = ctx.path();
    if (path.endsWith("/") && path.length() > 1) {
      path = path.substring(0, path.length() - 1);
    }
    return (method == HandlerType.GET || method == HandlerType.HEAD) && OPEN_PATHS.contains(path);
  }

  private static boolean isConsole(String path) {
    return path.equals(CONSOLE_PATH) || path.startsWith(CONSOLE_PATH + "/");
  }

  /** {user, password} from a Basic header, or empty when absent or malformed. */
  static Optional<String[]> credentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
  }
}
