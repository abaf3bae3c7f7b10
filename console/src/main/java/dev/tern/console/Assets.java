package dev.tern.console;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The console's static files, from the classpath: htmx from its webjar (no CDN, works offline). */
final class Assets {

  static final String HTMX_VERSION = "2.0.4";
  static final String HTMX_PATH = ConsoleResource.HOME + "/assets/htmx.min.js";
  private static final String HTMX_RESOURCE =
      "META-INF/resources/webjars/htmx.org/" + HTMX_VERSION + "/dist/htmx.min.js";

  private final byte[] htmx;

  Assets() {
    this.htmx = read(HTMX_RESOURCE);
  }

  void htmx(Context ctx) {
    ctx.contentType("text/javascript; charset=utf-8")
        .header("Cache-Control", "public, max-age=86400")
        .result(htmx);
  }

  private static byte[] read(String resource) {
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing on the classpath: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
