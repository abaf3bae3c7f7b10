package dev.tern.rest;

import dev.tern.rest.support.NamedEngines;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
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
 *
 * <p>As in Camunda, every route under {@code /engine-rest} is also served for the named engine at
 * {@code /engine-rest/engine/{engineName}/…} (except {@code /engine} and {@code /version}); another
 * name than the engine's answers 400 {@code No process engine available} ({@link NamedEngines}).
 */
public final class Routes {

  private record Route(HandlerType method, String path, Handler handler) {}

  private static final String ENGINE_PARAM = "engineName";
  private static final String NAMED_ENGINE_PREFIX = NamedEngines.PREFIX + "{" + ENGINE_PARAM + "}";

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

  /** The declared routes as {@code "METHOD /path"}, in declaration order (no HEAD/OPTIONS). */
  List<String> describe() {
    return routes.stream().map(r -> r.method().name() + " " + r.path()).toList();
  }

  /**
   * Registers every route, plus HEAD for each GET (same handler; Jetty sends no body) and OPTIONS
   * for each path, answering 204 with the {@code Allow} header, as JAX-RS servers do; and the 405s
   * of {@link #literalShadows(List)}.
   */
  void registerOn(JavalinDefaultRoutingApi javalin, String engineName) {
    List<Route> declared = new ArrayList<>(routes);
    declared.addAll(namedEngineRoutes(engineName));
    List<Route> shadows = literalShadows(declared);
    List<Route> all = new ArrayList<>(declared);
    all.addAll(shadows);
    List<Route> sorted =
        all.stream().sorted(Comparator.comparing(Route::path, Routes::literalsFirst)).toList();
    Map<String, Set<String>> allowed = new LinkedHashMap<>();
    for (Route r : sorted) {
      javalin.addHttpHandler(r.method(), r.path(), r.handler());
      if (shadows.contains(r)) {
        continue;
      }
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
   * JAX-RS semantics, which Camunda has: a request whose path matches a literal route (say {@code
   * POST /process-instance/job-retries}) is answered by that path's routes, so another method there
   * is 405, even if a parameter route ({@code GET /process-instance/{id}}) would take it.
   */
  private static List<Route> literalShadows(List<Route> routes) {
    Map<String, Set<HandlerType>> methodsByPath = new LinkedHashMap<>();
    for (Route route : routes) {
      methodsByPath.computeIfAbsent(route.path(), p -> new HashSet<>()).add(route.method());
    }
    List<Route> shadows = new ArrayList<>();
    for (Map.Entry<String, Set<HandlerType>> literal : methodsByPath.entrySet()) {
      for (Route route : routes) {
        if (!literal.getValue().contains(route.method())
            && moreSpecific(literal.getKey(), route.path())) {
          literal.getValue().add(route.method());
          shadows.add(
              new Route(
                  route.method(),
                  literal.getKey(),
                  ctx -> {
                    throw new MethodNotAllowedResponse();
                  }));
        }
      }
    }
    return shadows;
  }

  /** The routes under {@code /engine-rest} again under {@code /engine-rest/engine/{engineName}}. */
  private List<Route> namedEngineRoutes(String engineName) {
    List<Route> named = new ArrayList<>();
    for (Route r : routes) {
      if (!r.path().startsWith(RestServer.BASE_PATH + "/")) {
        continue;
      }
      String relative = r.path().substring(RestServer.BASE_PATH.length());
      if (!NamedEngines.UNSCOPED.contains(relative)) {
        named.add(
            new Route(
                r.method(), NAMED_ENGINE_PREFIX + relative, forEngine(engineName, r.handler())));
      }
    }
    return named;
  }

  private static Handler forEngine(String engineName, Handler handler) {
    return ctx -> {
      if (!engineName.equals(ctx.pathParam(ENGINE_PARAM))) {
        throw NamedEngines.unknownEngine();
      }
      handler.handle(ctx);
    };
  }

  /** Whether {@code template} also matches {@code path}, which is literal where it has a parameter. */
  private static boolean moreSpecific(String path, String template) {
    String[] p = path.split("/");
    String[] t = template.split("/");
    if (p.length != t.length) {
      return false;
    }
    boolean narrower = false;
    for (int i = 0; i < p.length; i++) {
      boolean templateParam = isParameter(t[i]);
      if (!templateParam && !t[i].equals(p[i])) {
        return false;
      }
      narrower |= templateParam && !isParameter(p[i]);
    }
    return narrower;
  }

  private static boolean isParameter(String segment) {
    return segment.startsWith("{") || segment.startsWith("<");
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
