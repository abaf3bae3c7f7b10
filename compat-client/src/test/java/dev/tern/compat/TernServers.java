package dev.tern.compat;

import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.persistence.DatabaseConfig;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.server.Main;
import dev.tern.server.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
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
  /** Starts an invoice with the stories' variables (amount 120, customer ACME, a due date). */
  static String startInvoice(Main.Running tern, String businessKey) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("amount", 120);
    variables.put("customer", "ACME");
    variables.put("due", Instant.parse("2026-03-01T12:00:00Z"));
    return tern.engine()
        .runtimeService()
        .startProcessInstanceByKey("invoice", null, businessKey, variables)
        .id();
  }

  /** Whether the process instance is still running. */
  static boolean exists(TestDatabase db, String instanceId) {
    return db.database()
            .withHandle(
                h ->
                    h.createQuery("SELECT COUNT(*) FROM tern_process_instance WHERE id = :id")
                        .bind("id", instanceId)
                        .mapTo(Integer.class)
                        .one())
        > 0;
  }

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
