package dev.tern.rest.engine;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probes through HTTP; the server module tests them with authentication and an outage. */
@DatabaseTest
class HealthRestTest {

  private final TestDatabase db;
  private RestTestServer server;

  HealthRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    server = RestTestServer.builder(db).engine(b -> b.startJobExecutor(false)).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void livenessAnswersUp() {
    server
        .givenWithoutContract()
        .basePath("")
        .get("/health/live")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"));
  }

  @Test
  void readinessNamesTheSchemaVersionAndAStoppedJobExecutor() {
    server
        .givenWithoutContract()
        .basePath("")
        .get("/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("database.status", equalTo("UP"))
        .body("database.schemaVersion", matchesPattern("\\d+(\\.\\d+)?"))
        .body("jobExecutor.status", equalTo("DOWN"))
        .body("jobExecutor.active", equalTo(true))
        .body("jobExecutor.heldJobs", equalTo(0));
  }
}
