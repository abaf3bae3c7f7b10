package dev.tern.rest;

import dev.tern.rest.support.RestException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses state-changing requests a foreign web page sent. Browsers send a multipart upload or a
 * body-less POST to any site without asking first, but they always name the page's origin in
 * {@code Origin}: a write whose origin is neither this server itself nor listed is answered 403
 * before it reaches a resource. Requests without {@code Origin} (curl, clients, same-origin GETs)
 * pass.
 */
final class CrossSiteRequests implements Handler {

  private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "DELETE", "PATCH");

  private final Set<String> allowedOrigins;

  CrossSiteRequests(Set<String> allowedOrigins) {
    this.allowedOrigins = allowedOrigins;
  }

  @Override
  public void handle(Context ctx) {
    if (!STATE_CHANGING.contains(ctx.method().name())) {
      return;
    }
    String origin = ctx.header("Origin");
    if (origin == null
        || allowedOrigins.contains(RestSettings.normalizeOrigin(origin))
        || sameOrigin(origin, ctx.header("Host"))) {
      return;
    }
    throw new RestException(
        403,
        "ForbiddenException",
        "HTTP 403 Forbidden: a "
            + ctx.method()
            + " from origin '"
            + printable(origin)
            + "' is refused; allow the origin with TERN_ALLOWED_ORIGINS");
  }

  private static boolean sameOrigin(String origin, String host) {
    if (host == null) {
      return false;
    }
    try {
      URI uri = new URI(origin.trim());
      String authority = uri.getRawAuthority();
      return authority != null
          && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && authority.toLowerCase(Locale.ROOT).equals(host.trim().toLowerCase(Locale.ROOT));
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  /** The origin as echoed in the message: bounded and without control characters. */
  private static String printable(String origin) {
    String cut = origin.length() > 100 ? origin.substring(0, 100) + "…" : origin;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
