package dev.tern.rest.authorization;

import static dev.tern.rest.authorization.AuthorizationFixture.KEY;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Statistics with authentication on: a definition is listed with {@code READ} on it, its counts
 * include the instances, failed jobs and incidents readable ({@code READ_INSTANCE}); activity
 * statistics need {@code READ} on the definition.
 */
@DatabaseTest
class StatisticsAuthorizationRestTest {

  private static final int PROCESS_DEFINITION = 6;

  private final TestDatabase db;
  private AuthorizationFixture fx;
  private String definition;

  StatisticsAuthorizationRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    fx = new AuthorizationFixture(db);
    String failed = fx.jobOf(fx.start());
    fx.start();
    fx.as("admin").body(Map.of("retries", 0)).put("/job/" + failed + "/retries").then().statusCode(204);
    definition = fx.server.engine().deploymentService().getLatestProcessDefinition(KEY, null).id();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void definitionsAndTheirCountsFollowReadAndReadInstance() {
    fx.as(fx.worker).get("/process-definition/statistics").then().statusCode(200).body("id", empty());
    fx.refused(fx.offContractAs(fx.worker), "GET", "/process-definition/" + definition + "/statistics");

    fx.grant(PROCESS_DEFINITION, KEY, "READ");

    fx.as(fx.worker).queryParam("failedJobs", true).queryParam("incidents", true)
        .get("/process-definition/statistics").then().statusCode(200)
        .body("id", contains(definition)).body("instances", contains(0))
        .body("failedJobs", contains(0)).body("[0].incidents", empty());
    fx.as(fx.worker).get("/process-definition/" + definition + "/statistics")
        .then().statusCode(200).body("id", contains("sendOrder"));

    fx.grant(PROCESS_DEFINITION, "*", "READ_INSTANCE");

    fx.as(fx.worker).queryParam("failedJobs", true).queryParam("incidents", true)
        .get("/process-definition/statistics").then().statusCode(200)
        .body("instances", contains(2)).body("failedJobs", contains(1))
        .body("[0].incidents.incidentCount", contains(1));
  }
}
