package dev.tern.rest.authorization;

import static dev.tern.rest.authorization.AuthorizationFixture.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads of history and batches with authentication on: the job log and historic incidents by
 * {@code READ_HISTORY} on the process definition, the user operation log by that or {@code READ}
 * on its category, batches by {@code READ} and historic batches by {@code READ_HISTORY} on Batch.
 */
@DatabaseTest
class HistoryAuthorizationRestTest {

  private static final int PROCESS_DEFINITION = 6;
  private static final int BATCH = 13;
  private static final int OPERATION_LOG_CATEGORY = 17;

  private final TestDatabase db;
  private AuthorizationFixture fx;
  private String worker;
  private String batch;

  HistoryAuthorizationRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    fx = new AuthorizationFixture(db);
    worker = fx.worker;
    String ran = fx.jobOf(fx.start());
    String failed = fx.jobOf(fx.start());
    fx.as("admin").post("/job/" + ran + "/execute").then().statusCode(204);
    fx.as("admin").body(Map.of("retries", 0)).put("/job/" + failed + "/retries").then().statusCode(204);
    batch =
        fx.as("admin")
            .body(Map.of("jobIds", List.of(failed), "retries", 1))
            .post("/job/retries")
            .then()
            .statusCode(200)
            .extract()
            .path("id");
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void historyOfAProcessNeedsReadHistoryOnItsDefinition() {
    fx.as(worker).get("/history/job-log").then().statusCode(200).body("id", empty());
    fx.as(worker).get("/history/job-log/count").then().body("count", equalTo(0));
    fx.as(worker).get("/history/incident/count").then().body("count", equalTo(0));
    fx.as("admin").queryParam("processDefinitionKey", KEY).get("/history/job-log/count")
        .then().body("count", greaterThan(0));

    fx.grant(PROCESS_DEFINITION, KEY, "READ_HISTORY");

    int jobLogs =
        fx.as("admin").queryParam("processDefinitionKey", KEY).get("/history/job-log/count")
            .then().extract().path("count");
    fx.as(worker).get("/history/job-log/count").then().body("count", equalTo(jobLogs));
    fx.as(worker).get("/history/job-log").then().body("processDefinitionKey", everyItem(equalTo(KEY)));
    fx.as(worker).get("/history/incident").then().statusCode(200)
        .body("processDefinitionKey", contains(KEY));
  }

  @Test
  void operationLogNeedsItsCategoryOrTheDefinitionsHistory() {
    fx.as(worker).get("/history/user-operation").then().statusCode(200).body("id", empty());
    fx.grant(PROCESS_DEFINITION, KEY, "READ_HISTORY"); // the batch's entries name no definition
    fx.as(worker).get("/history/user-operation/count").then().body("count", equalTo(0));
    fx.as("admin").get("/history/user-operation/count").then().body("count", greaterThan(0));

    fx.grant(OPERATION_LOG_CATEGORY, "Operator", "READ");

    fx.as(worker).get("/history/user-operation").then().statusCode(200)
        .body("category", everyItem(equalTo("Operator")))
        .body("operationType", everyItem(equalTo("SetJobRetries")));
    int all = fx.as("admin").get("/history/user-operation/count").then().extract().path("count");
    fx.as(worker).get("/history/user-operation/count").then().body("count", equalTo(all));
  }

  @Test
  void batchesNeedReadAndTheirHistoryReadHistory() {
    fx.as(worker).get("/batch").then().statusCode(200).body("id", empty());
    fx.as(worker).get("/batch/count").then().body("count", equalTo(0));
    fx.as(worker).get("/batch/statistics").then().statusCode(200).body("id", empty());
    fx.as(worker).get("/batch/" + batch).then().statusCode(404);
    fx.as(worker).get("/history/batch").then().statusCode(200).body("id", empty());
    fx.as(worker).get("/history/batch/" + batch).then().statusCode(404);
    fx.refused(fx.offContractAs(worker).body(Map.of("suspended", true)), "PUT", "/batch/" + batch + "/suspended");
    fx.refused(fx.offContractAs(worker), "DELETE", "/batch/" + batch);
    fx.refused(fx.offContractAs(worker), "DELETE", "/history/batch/" + batch);
    fx.as("admin").get("/batch/" + batch).then().statusCode(200).body("suspended", equalTo(false));
    fx.as("admin").get("/history/batch/" + batch).then().statusCode(200);

    fx.grant(BATCH, batch, "READ", "UPDATE", "READ_HISTORY");

    fx.as(worker).get("/batch").then().body("id", contains(batch));
    fx.as(worker).get("/batch/statistics/count").then().body("count", equalTo(1));
    fx.as(worker).get("/batch/" + batch).then().statusCode(200);
    fx.as(worker).get("/history/batch").then().body("id", contains(batch));
    fx.as(worker).get("/history/batch/" + batch).then().statusCode(200);
    fx.as(worker).body(Map.of("suspended", true)).put("/batch/" + batch + "/suspended").then().statusCode(204);
    fx.as("admin").get("/batch/" + batch).then().body("suspended", equalTo(true));
  }

  @Test
  void deletingBatchesNeedsDeleteAndDeleteHistory() {
    fx.grant(BATCH, "*", "DELETE", "DELETE_HISTORY");

    fx.as(worker).delete("/batch/" + batch).then().statusCode(204);
    fx.as(worker).delete("/history/batch/" + batch).then().statusCode(204);
    assertThat(fx.server.engine().historicBatchService().find(batch)).isEmpty();
  }
}
