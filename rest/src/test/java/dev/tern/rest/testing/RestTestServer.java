package dev.tern.rest.testing;

import dev.tern.engine.EngineSettings;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.RestResource;
import dev.tern.rest.RestResources;
import dev.tern.rest.RestServer;
import dev.tern.rest.RestSettings;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.filter.Filter;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Consumer;

/**
 * A {@link ProcessEngine} on a {@link TestDatabase} plus the REST server on a free port, for tests
 * that go through HTTP. {@link #given()} validates every request and response against Camunda's
 * openapi.json.
 *
 * <pre>{@code
 * try (RestTestServer server = RestTestServer.start(db)) {
 *   server.given().when().get("/version").then().statusCode(200);
 * }
 * }</pre>
 */
public final class RestTestServer implements AutoCloseable {

  static {
    CamundaContract.warmUpInBackground();
  }

  private final ProcessEngine engine;
  private final RestServer server;

  private RestTestServer(
      ProcessEngine engine, List<RestResource> resources, RestSettings settings, boolean basicAuth) {
    this.engine = engine;
    RestServer started;
    try {
      started =
          new RestServer(
                  engine.name(),
                  resources,
                  settings,
                  basicAuth ? engine.identityService()::authenticate : null)
              .start(0);
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
    this.server = started;
  }

  /** Engine with default settings and the system clock. */
  public static RestTestServer start(TestDatabase db) {
    return builder(db).start();
  }

  public static RestTestServer start(TestDatabase db, Clock clock) {
    return builder(db).clock(clock).start();
  }

  public static RestTestServer start(TestDatabase db, Clock clock, EngineSettings settings) {
    return builder(db).clock(clock).settings(settings).start();
  }

  public static Builder builder(TestDatabase db) {
    return new Builder(db);
  }

  public ProcessEngine engine() {
    return engine;
  }

  /**
   * Deploys one process {@code key} (history time to live 30) whose elements are {@code body};
   * {@code declarations} go before it (messages, signals, errors).
   */
  public void deployProcess(String key, String declarations, String body) {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\">"
            + declarations
            + "<process id=\"" + key + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"30\">"
            + body
            + "</process></definitions>";
    engine
        .deploymentService()
        .deploy(
            dev.tern.engine.deployment.NewDeployment.of(
                java.util.Map.of(key + ".bpmn", xml.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
  }

  public int port() {
    return server.port();
  }

  /** Every declared route, as {@link RestServer#routes()} lists them. */
  public List<String> routes() {
    return server.routes();
  }

  /** {@code http://localhost:PORT/engine-rest} */
  public String baseUrl() {
    return "http://localhost:" + port() + RestServer.BASE_PATH;
  }

  /** A request to {@code /engine-rest}, validated against the contract both ways. */
  public RequestSpecification given() {
    return request(CamundaContract.strict());
  }

  /**
   * A request that breaks the contract on purpose (malformed body, unknown path, wrong method…);
   * only the response is validated, where the contract knows the operation.
   */
  public RequestSpecification givenInvalidRequest() {
    return request(CamundaContract.responsesOnly());
  }

  /** Like {@link #given()}, with HTTP Basic credentials. */
  public RequestSpecification givenAs(String user, String password) {
    return given().auth().preemptive().basic(user, password);
  }

  /** A request without any contract validation: for endpoints Camunda does not have. */
  public RequestSpecification givenWithoutContract() {
    return request(CamundaContract.unvalidated());
  }

  private RequestSpecification request(Filter contract) {
    return RestAssured.given(spec().addFilter(contract).build());
  }

  private RequestSpecBuilder spec() {
    return new RequestSpecBuilder()
        .setBaseUri("http://localhost")
        .setPort(port())
        .setBasePath(RestServer.BASE_PATH)
        .setAccept(ContentType.JSON);
  }

  /** Stops the server, then the engine (the test database stays open for the class run). */
  @Override
  public void close() {
    try {
      server.stop();
    } finally {
      engine.close();
    }
  }

  /** Options for {@link RestTestServer}. */
  public static final class Builder {
    private final TestDatabase db;
    private Clock clock = Clock.systemUTC();
    private EngineSettings settings = EngineSettings.defaults();
    private Consumer<ProcessEngine.Builder> customizer = b -> {};
    private Function<ProcessEngine, List<RestResource>> resources = RestResources::all;
    private boolean basicAuthentication;
    private RestSettings restSettings = RestSettings.defaults();

    private Builder(TestDatabase db) {
      this.db = Objects.requireNonNull(db);
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Builder settings(EngineSettings settings) {
      this.settings = Objects.requireNonNull(settings);
      return this;
    }

    /** Further engine options (beans, handlers, …), applied after clock and settings. */
    public Builder engine(Consumer<ProcessEngine.Builder> customizer) {
      this.customizer = Objects.requireNonNull(customizer);
      return this;
    }

    /** Serve these resources instead of {@link RestResources#all} (for tests of the REST layer). */
    public Builder resources(Function<ProcessEngine, List<RestResource>> resources) {
      this.resources = Objects.requireNonNull(resources);
      return this;
    }

    /** Limits and policies of the HTTP edge. */
    public Builder rest(RestSettings settings) {
      this.restSettings = Objects.requireNonNull(settings);
      return this;
    }

    /** Every request but {@code GET /version} must authenticate with HTTP Basic. */
    public Builder basicAuthentication() {
      this.basicAuthentication = true;
      return this;
    }

    public RestTestServer start() {
      ProcessEngine.Builder builder =
          ProcessEngine.builder()
              .database(db.database())
              .clock(clock)
              .settings(settings)
              .passwordHashCost(4);
      customizer.accept(builder);
      ProcessEngine engine = builder.build();
      List<RestResource> served;
      try {
        served = resources.apply(engine);
      } catch (RuntimeException e) {
        engine.close();
        throw e;
      }
      return new RestTestServer(engine, served, restSettings, basicAuthentication);
    }
  }
}
