package dev.tern.rest.authorization;

import static dev.tern.rest.authorization.AuthorizationFixture.KEY;
import static org.hamcrest.Matchers.equalTo;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deleting history with authentication on: {@code DELETE_HISTORY} on the process definition, and
 * {@code CREATE} (or {@code CREATE_BATCH_DELETE_FINISHED_PROCESS_INSTANCES}) on Batch for the
 * deletion batch, checked before anything is read or written.
 */
@DatabaseTest
class HistoryDeletionAuthorizationRestTest {

  private static final int PROCESS_DEFINITION = 6;
  private static final int BATCH = 13;

  private final TestDatabase db;
  private AuthorizationFixture fx;
  private String instance;

  HistoryDeletionAuthorizationRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    fx = new AuthorizationFixture(db);
    instance = fx.start();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void deletingHistoryNeedsDeleteHistoryOnTheDefinition() {
    fx.refused(fx.offContractAs(fx.worker), "DELETE", "/history/process-instance/" + instance);
    fx.refused(
        fx.offContractAs(fx.worker), "DELETE", "/history/process-instance/" + instance + "/variable-instances");

    fx.grant(PROCESS_DEFINITION, KEY, "DELETE_HISTORY");

    fx.as(fx.worker).delete("/history/process-instance/" + instance + "/variable-instances")
        .then().statusCode(204);
    // allowed now, but the instance still runs
    fx.as(fx.worker).delete("/history/process-instance/" + instance).then().statusCode(404);
  }

  @Test
  void theDeletionBatchNeedsABatchPermission() {
    fx.refused(
        fx.offContractAs(fx.worker).body(Map.of("historicProcessInstanceIds", List.of(instance))),
        "POST",
        "/history/process-instance/delete");

    fx.grant(BATCH, "*", "CREATE_BATCH_DELETE_FINISHED_PROCESS_INSTANCES");

    fx.as(fx.worker).body(Map.of("historicProcessInstanceIds", List.of(instance)))
        .post("/history/process-instance/delete").then().statusCode(400)
        .body("message", equalTo(
            "Process instance is still running, cannot delete historic process instance: " + instance));
  }

  @Test
  void schedulingTheHistoryCleanupIsForAdministrators() {
    fx.offContractAs(fx.worker).post("/history/cleanup").then().statusCode(403)
        .body("type", equalTo("AuthorizationException"))
        .body("message", equalTo("Required admin authenticated group or user."));
    fx.as("admin").post("/history/cleanup").then().statusCode(200);
  }
}
