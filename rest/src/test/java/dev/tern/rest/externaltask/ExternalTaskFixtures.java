package dev.tern.rest.externaltask;

import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.persistence.Database;
import dev.tern.rest.testing.RestTestServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Setup shared by the external-task REST tests. */
final class ExternalTaskFixtures {

  private ExternalTaskFixtures() {}

  /** Empties these tables, so each test of a class run starts alike. */
  static void clear(Database database, List<String> tables) {
    database.useTransaction(
        h -> {
          for (String table : tables) {
            h.execute("DELETE FROM " + table);
          }
        });
  }

  /** Deploys {@link ExternalTaskRestTest#PROCESS} (once; later calls find the same deployment). */
  static void deployBilling(RestTestServer server) {
    server
        .engine()
        .deploymentService()
        .deploy(
            NewDeployment.of(
                    Map.of(
                        "billing.bpmn",
                        ExternalTaskRestTest.PROCESS.getBytes(StandardCharsets.UTF_8)))
                .withDuplicateFiltering(true));
  }
}
