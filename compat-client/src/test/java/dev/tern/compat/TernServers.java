package dev.tern.compat;

import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.persistence.DatabaseConfig;
import dev.tern.server.Main;
import dev.tern.server.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** Starts Tern as {@code tern.jar} starts it, on a free port and the test's database. */
final class TernServers {

  private TernServers() {}

  static Main.Running start(DatabaseConfig database) {
    Map<String, String> environment = new HashMap<>();
    environment.put(ServerConfig.PORT, "0");
    environment.put(ServerConfig.DB_URL, database.jdbcUrl());
    environment.put(ServerConfig.DB_USER, database.user());
    environment.put(ServerConfig.DB_PASSWORD, database.password());
    return Main.start(ServerConfig.load(environment, null));
  }

  /**
   * Deploys {@code invoice.bpmn}: two external tasks (topics {@code charge}, {@code archive}), an
   * error boundary event for {@code NO_FUNDS} into a user task; the worker-client stories drive it.
   */
  static void deployInvoice(Main.Running tern) {
    try (InputStream xml = TernServers.class.getResourceAsStream("/invoice.bpmn")) {
      tern.engine()
          .deploymentService()
          .deploy(
              NewDeployment.of(Map.of("invoice.bpmn", xml.readAllBytes()))
                  .withDuplicateFiltering(true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
