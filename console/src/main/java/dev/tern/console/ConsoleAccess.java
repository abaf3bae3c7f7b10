package dev.tern.console;

import dev.tern.rest.auth.Authenticator;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who is using the console. Every visitor gets a session cookie ({@code HttpOnly}, {@code
 * SameSite=Strict}, path {@code /console}) whose session carries the CSRF token of its forms; with
 * an {@link Authenticator} the pages need a signed-in user, without one the console is open like
 * the API (the session's caller is the system).
 */
final class ConsoleAccess {

  static final String COOKIE = "tern_console";
  static final String CSRF_FIELD = "csrf";

  private final Sessions sessions;
  private final Authenticator authenticator;

  /**
   * @param authenticator checks sign-ins; null: no authentication
   */
  ConsoleAccess(Sessions sessions, Authenticator authenticator) {
    this.sessions = sessions;
    this.authenticator = authenticator;
  }

  boolean authenticationRequired() {
    return authenticator != null;
  }

  /** The request's session, or a new anonymous one whose cookie goes with the response. */
  Sessions.Session session(Context ctx) {
    return current(ctx).orElseGet(() -> issue(ctx, sessions.create(null)));
  }

  /** The session of a signed-in user, or null when the user must sign in first. */
  Sessions.Session signedIn(Context ctx) {
    Sessions.Session session = session(ctx);
    return session.caller() == null ? null : session;
  }

  /** Refuses (403) a POST whose CSRF field is not its session's token. */
  Sessions.Session checkCsrf(Context ctx) {
    Optional<Sessions.Session> session = current(ctx);
    String sent = ctx.formParam(CSRF_FIELD);
    if (session.isEmpty()
        || sent == null
        || !MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8),
            session.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
      throw new ConsoleProblem(
          403,
          "This form has expired or did not come from the console: reload the page and retry.");
    }
    return session.get();
  }

  /**
   * Signs {@code userId} in: a new session (a new id, so a session id planted before sign-in is
   * worth nothing) replaces the current one.
   */
  Optional<Sessions.Session> signIn(Context ctx, String userId, String password) {
    if (authenticator == null || userId == null || password == null) {
      return Optional.empty();
    }
    if (authenticator.authenticate(userId, password).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(issue(ctx, sessions.create(userId)));
  }

  /** Ends the session in this browser: its cookie is replaced by an expired one. */
  void signOut(Context ctx) {
    ctx.header("Set-Cookie", COOKIE + "=; Max-Age=0" + attributes(ctx));
  }

  private Optional<Sessions.Session> current(Context ctx) {
    return sessions.find(ctx.cookie(COOKIE)).map(found -> issue(ctx, found));
  }

  private static Sessions.Session issue(Context ctx, Sessions.Issued issued) {
    if (issued.cookie() != null) {
      ctx.header("Set-Cookie", COOKIE + "=" + issued.cookie() + attributes(ctx));
    }
    return issued.session();
  }

  private static String attributes(Context ctx) {
    String secure = "https".equalsIgnoreCase(ctx.scheme()) ? "; Secure" : "";
    return "; Path=" + ConsoleResource.HOME + "; HttpOnly; SameSite=Strict" + secure;
  }
}
