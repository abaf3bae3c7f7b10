package dev.tern.server;

import dev.tern.console.ConsoleResource;
import dev.tern.engine.ProcessEngine;
import dev.tern.rest.RestServer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts Tern: the engine on the configured database and the REST API on the configured port. */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    ServerConfig config;
    try {
      LogFormat.check(System.getenv(LogFormat.KEY));
      config = ServerConfig.load();
    } catch (RuntimeException e) {
      System.err.println("Invalid configuration: " + e.getMessage());
      System.exit(2);
      return;
    }
    Running running;
    try {
      running = start(config);
    } catch (RuntimeException e) {
      LOG.error("Tern failed to start", e);
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(running::close, "tern-shutdown"));
  }

  /**
   * A started engine and REST server; closing stops the server first, then the engine, then drops
   * the meters.
   */
  public record Running(RestServer server, ProcessEngine engine, ServerMetrics metrics)
      implements AutoCloseable {
    @Override
    public void close() {
      try {
        server.stop();
      } catch (RuntimeException e) {
        LOG.warn("Stopping the REST server failed", e);
      } finally {
        try {
          engine.close();
        } finally {
          metrics.close();
        }
      }
    }
  }

  /**
   * Starts the engine, then the REST server, and logs the one startup line. Public so that tests
   * outside this module can run Tern in-process exactly as {@code tern.jar} wires it.
   */
  public static Running start(ServerConfig config) {
    ServerMetrics metrics = new ServerMetrics();
    ProcessEngine engine;
    try {
      engine =
          ProcessEngine.builder()
              .databaseConfig(config.databaseConfig())
              .settings(config.tuning().engineSettings(config.jobExecutorActive()))
              .jobExecutorSettings(config.tuning().jobExecutorSettings(config.jobWorkers()))
              .httpConnector(config.limits().httpConnectorSettings())
              .historyCleanupSettings(config.tuning().historyCleanup())
              .historyRemovalTimeStrategy(config.tuning().historyRemovalTimeStrategy())
              .batchSettings(config.tuning().batch())
              .meterRegistry(metrics.registry())
              .build();
    } catch (RuntimeException e) {
      metrics.close();
      throw e;
    }
    RestServer server;
    try {
      metrics.watch(engine);
      Access access = config.access();
      if (access.adminUser() != null) {
        engine.identityService().ensureAdministrator(access.adminUser(), access.adminPassword());
      }
      boolean basic = access.auth() == Access.AuthMode.BASIC;
      server =
          new RestServer(
                  engine,
                  config.limits().restSettings(),
                  basic,
                  metrics::scrape,
                  List.of(ConsoleResource.of(engine, basic, access.consoleSecret())))
              .start(access.host(), config.port());
    } catch (RuntimeException e) {
      engine.close();
      metrics.close();
      throw e;
    }
    LOG.info(
        "Tern started: http://{}:{}{} (authentication {}, database {})",
        config.access().host(),
        server.port(),
        RestServer.BASE_PATH,
        config.access().auth().name().toLowerCase(java.util.Locale.ROOT),
        config.dbUrlForLog());
    return new Running(server, engine, metrics);
  }
}
