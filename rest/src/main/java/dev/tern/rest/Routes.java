package dev.tern.rest;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where resources declare routes. Paths are relative to {@link RestServer#BASE_PATH} and use
 * Javalin's syntax for parameters: {@code /job/{id}/retries}.
 *
 * <p>Javalin matches routes in registration order; Routes registers literal segments before
 * parameters ({@code /job/count} before {@code /job/{id}}), whatever order resources declare them
 * in.
 */
public final class Routes {

  private record Route(HandlerType method, String path, Handler handler) {}

  private final List<Route> routes;
  private final String prefix;

  Routes() {
    this(new ArrayList<>(), RestServer.BASE_PATH);
  }

  private Routes(List<Route> routes, String prefix) {
    this.routes = routes;
    this.prefix = prefix;
  }

  /**
   * The same registry for paths outside {@code /engine-rest} (Tern's own endpoints such as {@code
   * /admin/job-executor}); paths are then absolute.
   */
  public Routes root() {
    return new Routes(routes, "");
  }

  public Routes get(String path, Handler handler) {
    return add(HandlerType.GET, path, handler);
  }

  public Routes post(String path, Handler handler) {
    return add(HandlerType.POST, path, handler);
  }

  public Routes put(String path, Handler handler) {
    return add(HandlerType.PUT, path, handler);
  }

  public Routes delete(String path, Handler handler) {
    return add(HandlerType.DELETE, path, handler);
  }

  private Routes add(HandlerType method, String path, Handler handler) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("Route paths start with '/': " + path);
    }
    routes.add(new Route(method, prefix + path, handler));
    return this;
  }

  /**
   * Registers every route, plus HEAD for each GET (same handler; Jetty sends no body) and OPTIONS
   * for each path, answering 204 with the {@code Allow} header, as JAX-RS servers do.
   */
  void registerOn(JavalinDefaultRoutingApi javalin) {
    List<Route> sorted =
        routes.stream().sorted(Comparator.comparing(Route::path, Routes::literalsFirst)).toList();
    Map<String, Set<String>> allowed = new LinkedHashMap<>();
    for (Route r : sorted) {
      javalin.addHttpHandler(r.method(), r.path(), r.handler());
      Set<String> methods = allowed.computeIfAbsent(r.path(), p -> new TreeSet<>());
      methods.add(r.method().name());
      if (r.method() == HandlerType.GET) {
        javalin.addHttpHandler(HandlerType.HEAD, r.path(), r.handler());
        methods.add("HEAD");
      }
    }
    allowed.forEach(
        (path, methods) -> {
          methods.add("OPTIONS");
          String allow = String.join(", ", methods);
          javalin.addHttpHandler(
              HandlerType.OPTIONS, path, ctx -> ctx.header("Allow", allow).status(204));
        });
  }

  /**
   * Segment by segment, a literal sorts before a parameter, then shorter paths first (a total
   * order on the literal/parameter pattern, so the stable sort keeps declaration order otherwise).
   */
  private static int literalsFirst(String a, String b) {
    String[] left = a.split("/");
    String[] right = b.split("/");
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      int l = left[i].startsWith("{") || left[i].startsWith("<") ? 1 : 0;
      int r = right[i].startsWith("{") || right[i].startsWith("<") ? 1 : 0;
      if (l != r) {
        return Integer.compare(l, r);
      }
    }
    return Integer.compare(left.length, right.length);
  }
}
