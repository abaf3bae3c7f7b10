package dev.tern.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tern.engine.EngineSettings;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.TernException;
import dev.tern.rest.auth.Authenticator;
import dev.tern.rest.auth.BasicAuthentication;
import dev.tern.rest.support.CamundaJson;
import dev.tern.rest.support.ErrorResponses;
import dev.tern.rest.support.RestException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import dev.tern.rest.engine.MetricsResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The HTTP server of Camunda's REST API, mounted under {@value #BASE_PATH}. Holds no business
 * logic: resources parse, call the engine, render.
 */
public final class RestServer implements AutoCloseable {

  public static final String BASE_PATH = "/engine-rest";

  /** The address {@link #start(int)} binds to: nothing beyond this machine can connect. */
  public static final String LOOPBACK = "127.0.0.1";

  /** Largest request body accepted (deployments carry BPMN files). */
  public static final long MAX_REQUEST_BYTES = 16L * 1024 * 1024;

  private static final int RESPONSE_COPY_BYTES = 4096;

  private final Javalin javalin;
  private final List<String> routes;

  /** The server of {@code engine} with every resource of {@link RestResources#all}, without authentication. */
  public RestServer(ProcessEngine engine) {
    this(engine.name(), RestResources.all(engine));
  }

  /**
   * The server of {@code engine} with every resource; with {@code basicAuthentication}, every
   * request but the open ones must carry HTTP Basic credentials of a user of the engine.
   */
  public RestServer(ProcessEngine engine, boolean basicAuthentication) {
    this(engine, RestSettings.defaults(), basicAuthentication);
  }

  /** The server of {@code engine} with every resource, under these limits and policies. */
  public RestServer(ProcessEngine engine, RestSettings settings) {
    this(engine, settings, false);
  }

  /**
   * The server of {@code engine} with every resource, under these limits and policies; with {@code
   * basicAuthentication}, every request but the open ones must carry HTTP Basic credentials.
   */
  public RestServer(ProcessEngine engine, RestSettings settings, boolean basicAuthentication) {
    this(engine, settings, basicAuthentication, null);
  }

  /**
   * Like {@link #RestServer(ProcessEngine, RestSettings, boolean)}, timing every request into the
   * engine's meter registry; a non-null {@code metricsScrape} (the registry rendered in Prometheus'
   * text format) is served at {@code GET /metrics}.
   */
  public RestServer(
      ProcessEngine engine,
      RestSettings settings,
      boolean basicAuthentication,
      Supplier<String> metricsScrape) {
    this(engine, settings, basicAuthentication, metricsScrape, List.of());
  }

  /**
   * Like {@link #RestServer(ProcessEngine, RestSettings, boolean, Supplier)}, also serving {@code
   * extra} resources beside the API (such as the operations console, which declares its routes
   * under {@link Routes#root()}).
   */
  public RestServer(
      ProcessEngine engine,
      RestSettings settings,
      boolean basicAuthentication,
      Supplier<String> metricsScrape,
      List<RestResource> extra) {
    this(
        engine.name(),
        withExtra(withMetrics(RestResources.all(engine), metricsScrape), extra),
        settings,
        basicAuthentication ? engine.identityService()::authenticate : null,
        engine.meterRegistry());
  }

  private static List<RestResource> withExtra(
      List<RestResource> resources, List<RestResource> extra) {
    if (extra.isEmpty()) {
      return resources;
    }
    List<RestResource> all = new ArrayList<>(resources);
    all.addAll(extra);
    return all;
  }

  private static List<RestResource> withMetrics(
      List<RestResource> resources, Supplier<String> metricsScrape) {
    if (metricsScrape == null) {
      return resources;
    }
    List<RestResource> all = new ArrayList<>(resources);
    all.add(new MetricsResource(metricsScrape));
    return all;
  }

  /** A server with just these resources, for an engine named {@code default}. */
  public RestServer(List<RestResource> resources) {
    this(EngineSettings.defaults().name(), resources);
  }

  /**
   * A server with just these resources (for tests of the REST layer); {@code engineName} is the
   * name served under {@code /engine-rest/engine/{name}/…}.
   */
  public RestServer(String engineName, List<RestResource> resources) {
    this(engineName, resources, RestSettings.defaults(), null);
  }

  /**
   * Like {@link #RestServer(String, List)}; a non-null {@code authenticator} puts HTTP Basic in
   * front of every path ({@link BasicAuthentication}).
   */
  public RestServer(String engineName, List<RestResource> resources, Authenticator authenticator) {
    this(engineName, resources, RestSettings.defaults(), authenticator);
  }

  /**
   * Like {@link #RestServer(String, List, Authenticator)}, under these limits and policies ({@code
   * authenticator} may be null: no authentication).
   */
  public RestServer(
      String engineName,
      List<RestResource> resources,
      RestSettings settings,
      Authenticator authenticator) {
    this(engineName, resources, settings, authenticator, new CompositeMeterRegistry());
  }

  private RestServer(
      String engineName,
      List<RestResource> resources,
      RestSettings settings,
      Authenticator authenticator,
      MeterRegistry httpMeters) {
    Routes declared = new Routes();
    resources.forEach(resource -> resource.addRoutes(declared));
    this.routes = declared.describe();
    this.javalin =
        Javalin.create(
            config -> configure(config, engineName, declared, settings, authenticator, httpMeters));
  }

  /**
   * Every declared route as {@code "METHOD /full/path"} with Javalin's parameter syntax, e.g.
   * {@code "GET /engine-rest/job/{id}"} (HEAD and OPTIONS, added for every path, are not listed).
   */
  public List<String> routes() {
    return routes;
  }

  /**
   * Starts listening on the loopback interface at {@code port} (0 picks a free port, see {@link
   * #port()}).
   */
  public RestServer start(int port) {
    return start(LOOPBACK, port);
  }

  /** Starts listening on {@code host} (an address of this machine) at {@code port}. */
  public RestServer start(String host, int port) {
    javalin.start(host, port);
    return this;
  }

  public int port() {
    return javalin.port();
  }

  public void stop() {
    javalin.stop();
  }

  @Override
  public void close() {
    stop();
  }

  private static void configure(
      JavalinConfig config,
      String engineName,
      Routes routes,
      RestSettings settings,
      Authenticator authenticator,
      MeterRegistry httpMeters) {
    config.startup.showJavalinBanner = false;
    config.requestLogger.http(new HttpMetrics(httpMeters));
    config.startup.showOldJavalinVersionWarning = false;
    config.jsonMapper(new JavalinJackson(CamundaJson.mapper(), false));
    config.http.prefer405over404 = true;
    config.http.maxRequestSize = MAX_REQUEST_BYTES;
    // Javalin copies each response into Jetty's output through a buffer of this size, allocated
    // per response (by default Jetty's whole output buffer, 32 KB); most responses are far smaller
    config.http.responseBufferSize = RESPONSE_COPY_BYTES;
    config.router.ignoreTrailingSlashes = true;
    config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
    Uploads.configure(config, settings);

    config.routes.exception(TernException.class, ErrorResponses::handleEngine);
    config.routes.exception(RestException.class, ErrorResponses::handleRest);
    config.routes.exception(JsonProcessingException.class, ErrorResponses::handleJson);
    config.routes.exception(
        HttpResponseException.class, (e, ctx) -> ErrorResponses.handleJavalin(e, ctx, engineName));
    config.routes.exception(Exception.class, ErrorResponses::handleUnexpected);

    config.routes.before(new CrossSiteRequests(settings.allowedOrigins()));
    if (authenticator != null) {
      config.routes.before(new BasicAuthentication(authenticator));
    }
    config.routes.before(new RequestLimits());
    routes.registerOn(config.routes, engineName);
  }
}
