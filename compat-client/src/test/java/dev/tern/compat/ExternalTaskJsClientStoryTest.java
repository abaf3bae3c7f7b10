package dev.tern.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.RestServer;
import dev.tern.server.Main;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Camunda's JavaScript worker ({@code camunda-external-task-client-js} from npm), which nobody on
 * this project wrote, run by {@code node} against Tern as {@code tern.jar} starts it: long polling,
 * completion with variables typed the JavaScript way (lower-case type names, dates with a numeric
 * offset, objects as Json), lock extension, giving a task back, failures down to an incident and a
 * BPMN error into an error boundary event. Skipped with a message when Node.js or npm is not
 * installed; the package is installed once into {@code target/js-worker}.
 */
@DatabaseTest
class ExternalTaskJsClientStoryTest {

  private static final String CLIENT_PACKAGE = "camunda-external-task-client-js";
  private static final String CLIENT_VERSION = "3.1.0";
  private static final Duration PATIENCE = Duration.ofMinutes(1);
  private static final Path WORKER_DIR = Path.of("target", "js-worker");

  private final TestDatabase db;
  private final List<String> workerOutput = new CopyOnWriteArrayList<>();
  private Main.Running tern;
  private Process worker;

  ExternalTaskJsClientStoryTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeAll
  static synchronized void installClient() throws Exception {
    Assumptions.assumeTrue(
        runs("node", "--version") && runs("npm", "--version"),
        "Node.js and npm are not installed: the JavaScript worker story is skipped");
    Files.createDirectories(WORKER_DIR);
    try (InputStream script = ExternalTaskJsClientStoryTest.class.getResourceAsStream("/js-worker/worker.mjs")) {
      Files.write(WORKER_DIR.resolve("worker.mjs"), script.readAllBytes());
    }
    if (Files.isDirectory(WORKER_DIR.resolve("node_modules").resolve(CLIENT_PACKAGE))) {
      return;
    }
    Files.writeString(
        WORKER_DIR.resolve("package.json"),
        "{\"name\":\"tern-js-worker\",\"private\":true,\"type\":\"module\"}");
    Process npm =
        new ProcessBuilder(
                "npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
                CLIENT_PACKAGE + "@" + CLIENT_VERSION)
            .directory(WORKER_DIR.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(npm.waitFor(5, TimeUnit.MINUTES) && npm.exitValue() == 0)
        .as("npm install %s@%s failed:%n%s", CLIENT_PACKAGE, CLIENT_VERSION, output)
        .isTrue();
  }

  @BeforeEach
  void start() {
    tern = TernServers.start(db.config());
    TernServers.deployInvoice(tern);
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (worker != null) {
      worker.destroy();
      if (!worker.waitFor(10, TimeUnit.SECONDS)) {
        worker.destroyForcibly();
      }
    }
    if (tern != null) {
      tern.close();
    }
  }

  @Test
  void camundasJavaScriptWorkerDrivesInvoicesOnTern() throws Exception {
    startWorker();
    String paid = TernServers.startInvoice(tern, "paid");
    String declined = TernServers.startInvoice(tern, "declined");
    String flaky = TernServers.startInvoice(tern, "flaky");
    String returned = TernServers.startInvoice(tern, "returned");

    await().atMost(PATIENCE).until(() -> !TernServers.exists(db, paid) && !TernServers.exists(db, returned));
    await().atMost(PATIENCE).until(() -> openIncidentMessage(flaky) != null);
    await().atMost(PATIENCE).until(() -> variable(declined, "errorCode") != null);

    assertThat(workerOutput).noneMatch(line -> line.startsWith("ERROR"));
    assertThat(workerOutput).contains("OK extendLock paid", "OK unlock returned", "OK handleBpmnError declined");

    assertThat(variable(paid, "seenAmount")).containsExactly("integer", "120");
    assertThat(variable(paid, "seenAmountType").get(1)).isEqualToIgnoringCase("integer");
    assertThat(variable(paid, "seenCustomer")).containsExactly("string", "ACME");
    assertThat(variable(paid, "seenDue").get(1)).isEqualTo("2026-03-01T12:00:00.000Z");
    assertThat(variable(paid, "receipt").get(0)).isEqualToIgnoringCase("json");
    assertThat(variable(paid, "receipt").get(1)).isEqualTo("{\"no\":7}");
    assertThat(variable(paid, "charged")).containsExactly("boolean", "1");
    assertThat(variable(paid, "fee").get(0)).isEqualToIgnoringCase("double");
    assertThat(variable(paid, "archivedAt").get(0)).isEqualToIgnoringCase("date");
    assertThat(Instant.ofEpochMilli(Long.parseLong(variable(paid, "archivedAt").get(1))))
        .isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));

    assertThat(variable(declined, "errorCode").get(1)).isEqualTo("NO_FUNDS");
    assertThat(variable(declined, "errorMessage").get(1)).isEqualTo("card declined");
    assertThat(variable(declined, "reason").get(1)).isEqualTo("limit");

    assertThat(openIncidentMessage(flaky)).isEqualTo("payment service down");
    assertThat(workerOutput.stream().filter("OK handleFailure flaky"::equals)).hasSize(3);
  }

  private void startWorker() throws IOException {
    String baseUrl = "http://localhost:" + tern.server().port() + RestServer.BASE_PATH;
    worker =
        new ProcessBuilder("node", "worker.mjs", baseUrl)
            .directory(WORKER_DIR.toFile())
            .redirectErrorStream(true)
            .start();
    Thread reader =
        new Thread(
            () -> {
              try (var lines = worker.inputReader(StandardCharsets.UTF_8).lines()) {
                lines.forEach(workerOutput::add);
              }
            },
            "js-worker-output");
    reader.setDaemon(true);
    reader.start();
  }



  private String openIncidentMessage(String instanceId) {
    return db.database()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT incident_message FROM tern_incident WHERE process_instance_id = :id"
                            + " AND incident_type = 'failedExternalTask'")
                    .bind("id", instanceId)
                    .mapTo(String.class)
                    .findOne()
                    .orElse(null));
  }

  /** The variable's stored type and value as text, from history; null when it was never set. */
  private List<String> variable(String instanceId, String name) {
    return db.database()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT var_type, COALESCE(text_value, clob_value, CAST(long_value AS VARCHAR(40)),"
                            + " CAST(double_value AS VARCHAR(40)))"
                            + " FROM tern_hi_variable WHERE process_instance_id = :id AND name = :n")
                    .bind("id", instanceId)
                    .bind("n", name)
                    .map((rs, ctx) -> List.of(rs.getString(1), String.valueOf(rs.getString(2))))
                    .findOne()
                    .orElse(null));
  }

  private static boolean runs(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
