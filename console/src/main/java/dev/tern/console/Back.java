package dev.tern.console;

import io.javalin.http.Context;
import java.util.regex.Pattern;

/**
 * Where an action's form returns to (its {@code back} field): only a path of the console itself, so
 * a forged form cannot send the browser elsewhere; anything else returns to the console's home.
 */
final class Back {

  private static final Pattern CONSOLE_PATH =
      Pattern.compile("/console(/[A-Za-z0-9._~%/-]*)?(\\?[A-Za-z0-9._~%&=+-]*)?");

  private Back() {}

  static String of(Context ctx) {
    String back = ctx.formParam("back");
    return back != null && CONSOLE_PATH.matcher(back).matches() && !back.contains("//")
        ? back
        : ConsoleResource.HOME;
  }
}
