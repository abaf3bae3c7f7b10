package dev.tern.console;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The console's static files, from the classpath (no CDN, works offline): htmx and bpmn-js's viewer
 * from their webjars, with bpmn-js's licence, and the console's own diagram script.
 */
final class Assets {

  static final String HTMX_VERSION = "2.0.4";
  static final String BPMN_JS_VERSION = "8.0.0";
  static final String PATH = ConsoleResource.HOME + "/assets";
  static final String HTMX_PATH = PATH + "/htmx.min.js";
  static final String BPMN_VIEWER_PATH = PATH + "/bpmn-viewer.min.js";
  static final String DIAGRAM_CSS_PATH = PATH + "/diagram-js.css";
  static final String DIAGRAM_SCRIPT_PATH = PATH + "/diagram.js";

  private static final String BPMN_JS = "META-INF/resources/webjars/bpmn-js/" + BPMN_JS_VERSION;

  private record Asset(byte[] content, String contentType) {}

  private final Map<String, Asset> assets =
      Map.of(
          "htmx.min.js",
          js("META-INF/resources/webjars/htmx.org/" + HTMX_VERSION + "/dist/htmx.min.js"),
          "bpmn-viewer.min.js",
          js(BPMN_JS + "/dist/bpmn-viewer.production.min.js"),
          "diagram-js.css",
          new Asset(read(BPMN_JS + "/dist/assets/diagram-js.css"), "text/css; charset=utf-8"),
          "bpmn-js-LICENSE.txt",
          new Asset(read(BPMN_JS + "/LICENSE"), "text/plain; charset=utf-8"),
          "diagram.js",
          js("dev/tern/console/diagram.js"));

  /** {@code GET /console/assets/{name}}: one of the files above, else 404. */
  void serve(Context ctx) {
    Asset asset = assets.get(ctx.pathParam("name"));
    if (asset == null) {
      throw new ConsoleProblem(404, "No such console asset.");
    }
    ctx.contentType(asset.contentType())
        .header("Cache-Control", "public, max-age=86400")
        .result(asset.content());
  }

  private static Asset js(String resource) {
    return new Asset(read(resource), "text/javascript; charset=utf-8");
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
