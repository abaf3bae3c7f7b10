package dev.tern.rest.auth;

import dev.tern.engine.authorization.Caller;
import io.javalin.http.Context;

/** The {@link Caller} of a request: the authenticated user, or the system without authentication. */
public final class Callers {

  static final String ATTRIBUTE = "tern.caller";

  private Callers() {}

  public static Caller of(Context ctx) {
    Caller caller = ctx.attribute(ATTRIBUTE);
    return caller != null ? caller : Caller.SYSTEM;
  }

  /** Whether the request was authenticated (false when the server runs without authentication). */
  public static boolean authenticated(Context ctx) {
    return ctx.attribute(ATTRIBUTE) != null;
  }
}
