package dev.tern.server;

import dev.tern.engine.EngineSettings;
import dev.tern.engine.ProcessEngine;
import dev.tern.rest.RestServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts Tern: the engine on the configured database and the REST API on the configured port. */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    ServerConfig config;
    try {
      config = ServerConfig.load();
    } catch (RuntimeException e) {
      System.err.println("Invalid configuration: " + e.getMessage());
      System.exit(2);
      return;
    }
    try {
      start(config);
    } catch (RuntimeException e) {
      LOG.error("Tern failed to start", e);
      System.exit(1);
    }
  }

  /** Starts engine and server and registers the shutdown hook; returns the running server. */
  static RestServer start(ServerConfig config) {
    ProcessEngine engine =
        ProcessEngine.builder()
            .databaseConfig(config.databaseConfig())
            .settings(EngineSettings.defaults().withJobExecutorActive(config.jobExecutorActive()))
            .build();
    RestServer server;
    try {
      server = new RestServer(engine).start(config.port());
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> shutDown(server, engine), "tern-shutdown"));
    LOG.info(
        "Tern started: http://localhost:{}{} (database {})",
        server.port(),
        RestServer.BASE_PATH,
        config.dbUrlForLog());
    return server;
  }

  private static void shutDown(RestServer server, ProcessEngine engine) {
    try {
      server.stop();
    } catch (RuntimeException e) {
      LOG.warn("Stopping the REST server failed", e);
    } finally {
      engine.close();
    }
  }
}
