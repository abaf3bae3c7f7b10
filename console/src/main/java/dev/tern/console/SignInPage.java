package dev.tern.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Signing in with a user of the engine, and out again. */
final class SignInPage {

  private final ConsoleAccess access;

  SignInPage(ConsoleAccess access) {
    this.access = access;
  }

  void form(Context ctx) {
    if (!access.authenticationRequired()) {
      ctx.redirect(ConsoleResource.HOME, HttpStatus.SEE_OTHER);
      return;
    }
    render(ctx, access.session(ctx), "");
  }

  void signIn(Context ctx) {
    if (!access.authenticationRequired()) {
      ctx.redirect(ConsoleResource.HOME, HttpStatus.SEE_OTHER);
      return;
    }
    Sessions.Session anonymous = access.checkCsrf(ctx);
    if (access.signIn(ctx, ctx.formParam("username"), ctx.formParam("password")).isPresent()) {
      ctx.redirect(ConsoleResource.HOME, HttpStatus.SEE_OTHER);
      return;
    }
    ctx.status(401);
    render(
        ctx, anonymous, "<p class=\"problem\" id=\"problem\">Unknown user or wrong password.</p>");
  }

  void signOut(Context ctx) {
    access.checkCsrf(ctx);
    access.signOut(ctx);
    ctx.redirect(
        access.authenticationRequired() ? ConsoleResource.SIGN_IN : ConsoleResource.HOME,
        HttpStatus.SEE_OTHER);
  }

  private static void render(Context ctx, Sessions.Session session, String problem) {
    ctx.html(
        Html.page(
            "Sign in",
            null,
            problem
                + "<form method=\"post\" action=\""
                + ConsoleResource.SIGN_IN
                + "\">"
                + Html.csrfField(session)
                + "<label>User <input name=\"username\" id=\"username\" autocomplete=\"username\""
                + " required></label><label>Password <input type=\"password\" name=\"password\""
                + " id=\"password\" autocomplete=\"current-password\" required></label>"
                + "<button type=\"submit\" id=\"sign-in\">Sign in</button></form>"));
  }
}
