package dev.tern.rest.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.tern.engine.batch.Batch;
import dev.tern.engine.batch.BatchService;
import dev.tern.engine.batch.FailedJobs;
import dev.tern.engine.batch.JobRetries;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /batch}, {@code /history/batch}, {@code /history/user-operation} and job definition retries. */
@DatabaseTest
class BatchRestTest {

  private final MutableClock clock = MutableClock.startingAt(JobRetriesRestTest.T0);
  private final Database database;
  private final RestTestServer server;
  private final BatchService batches;

  BatchRestTest(TestDatabase db) {
    this.database = db.database();
    BatchRestFixtures.clear(database);
    FailedJobs.create(database, "b-", 4, JobRetriesRestTest.T0, JobRetriesRestTest.LATER);
    this.server =
        RestTestServer.builder(db).clock(clock).engine(b -> b.startJobExecutor(false)).start();
    this.batches = server.engine().batchService();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Batch batch(String... jobs) {
    return batches.setJobRetriesAsync(List.of(jobs), null, JobRetries.of(1), null);
  }

  @Test
  void batchesAreListedCountedFilteredAndSorted() {
    Batch first = batch("b-job-1");
    Batch second = batch("b-job-2");
    batches.setSuspended(second.id(), true);

    server.given().when().get("/batch").then().statusCode(200).body("$", hasSize(2));
    server.given().when().get("/batch/count").then().statusCode(200).body("count", equalTo(2));
    server.given().queryParam("suspended", true).when().get("/batch")
        .then().statusCode(200).body("id", contains(second.id()));
    server.given().queryParam("type", "set-job-retries").queryParam("withoutTenantId", true)
        .when().get("/batch/count").then().body("count", equalTo(2));
    server.given().queryParam("type", "other").when().get("/batch/count").then().body("count", equalTo(0));
    server.given().queryParam("tenantIdIn", "t1,t2").when().get("/batch/count").then().body("count", equalTo(0));
    List<String> ascending = java.util.stream.Stream.of(first.id(), second.id()).sorted().toList();
    server.given().queryParam("sortBy", "batchId").queryParam("sortOrder", "desc").when().get("/batch")
        .then().body("id", contains(ascending.get(1), ascending.get(0)));
    server.given().queryParam("firstResult", 1).queryParam("maxResults", 5)
        .queryParam("sortBy", "batchId").queryParam("sortOrder", "asc").when().get("/batch")
        .then().body("id", contains(ascending.get(1)));
    server.givenInvalidRequest().queryParam("sortBy", "bogus").queryParam("sortOrder", "asc")
        .when().get("/batch").then().statusCode(400).body("type", equalTo("InvalidRequestException"));
  }

  @Test
  void statisticsShowProgressAndFailures() {
    Batch batch = batch("b-job-1", "b-job-2");
    server.engine().jobExecutor().executeDueJobs();
    Batch done = batches.find(batch.id()).orElse(null);
    assertThat(done).isNull();

    Batch failing = batch("b-job-3");
    database.useTransaction(h -> h.execute("UPDATE tern_batch SET configuration = 'broken' WHERE id = ?", failing.id()));
    for (int i = 0; i < 4; i++) {
      server.engine().jobExecutor().executeDueJobs();
      clock.advance(Duration.ofMinutes(10));
    }

    server.given().queryParam("withFailures", true).when().get("/batch/statistics")
        .then().statusCode(200)
        .body("id", contains(failing.id()))
        .body("[0].totalJobs", equalTo(1))
        .body("[0].jobsCreated", equalTo(1))
        .body("[0].remainingJobs", equalTo(1))
        .body("[0].completedJobs", equalTo(0))
        .body("[0].failedJobs", equalTo(1))
        .body("[0].executionStartTime", nullValue());
    server.given().queryParam("withoutFailures", true).when().get("/batch/statistics/count")
        .then().body("count", equalTo(0));
    server.given().queryParam("startedAfter", "2026-01-01T00:00:00.000+0000").when().get("/batch/statistics/count")
        .then().body("count", equalTo(1));
    server.given().queryParam("startedBefore", "2026-01-01T00:00:00.000+0000").when().get("/batch/statistics/count")
        .then().body("count", equalTo(0));
    server.given().queryParam("createdBy", "nobody").when().get("/batch/statistics/count")
        .then().body("count", equalTo(0));
  }

  @Test
  void suspendingAndActivatingABatch() {
    Batch batch = batch("b-job-1");

    server.given().contentType(ContentType.JSON).body(Map.of("suspended", true))
        .when().put("/batch/" + batch.id() + "/suspended").then().statusCode(204);
    server.given().when().get("/batch/" + batch.id()).then().body("suspended", equalTo(true));
    assertThat(server.engine().jobExecutor().executeDueJobs()).isZero();

    server.given().contentType(ContentType.JSON).body(Map.of("suspended", false))
        .when().put("/batch/" + batch.id() + "/suspended").then().statusCode(204);
    server.engine().jobExecutor().executeDueJobs();
    server.given().when().get("/batch/" + batch.id()).then().statusCode(404);
  }

  @Test
  void unknownBatchesGiveCamundasMessages() {
    server.given().when().get("/batch/x").then().statusCode(404)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("Batch with id 'x' does not exist"));
    server.given().contentType(ContentType.JSON).body(Map.of("suspended", true))
        .when().put("/batch/x/suspended").then().statusCode(400)
        .body("message", equalTo("Unable to suspend batch with id 'x'"));
    server.given().contentType(ContentType.JSON).body(Map.of("suspended", false))
        .when().put("/batch/x/suspended").then().statusCode(400)
        .body("message", equalTo("Unable to activate batch with id 'x'"));
    server.given().when().delete("/batch/x").then().statusCode(400)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("Unable to delete batch with id 'x'"));
    server.given().when().get("/history/batch/x").then().statusCode(404)
        .body("message", equalTo("Historic batch with id 'x' does not exist"));
    server.given().when().delete("/history/batch/x").then().statusCode(404)
        .body("message", equalTo("Unable to delete historic batch with id 'x'"));
  }

  @Test
  void deletingABatchWithAndWithoutCascade() {
    Batch kept = batch("b-job-1");
    Batch removed = batch("b-job-2");

    server.given().when().delete("/batch/" + kept.id()).then().statusCode(204);
    server.given().queryParam("cascade", true).when().delete("/batch/" + removed.id()).then().statusCode(204);

    server.given().when().get("/batch/count").then().body("count", equalTo(0));
    server.given().when().get("/history/batch/" + kept.id()).then().statusCode(200)
        .body("endTime", equalTo("2026-01-02T03:04:05.000+0000"));
    server.given().when().get("/history/batch/" + removed.id()).then().statusCode(404);
    assertThat(BatchRestFixtures.count(database, "SELECT COUNT(*) FROM tern_job WHERE batch_id IS NOT NULL", ""))
        .isZero();
    assertThat(BatchRestFixtures.count(database, "SELECT COUNT(*) FROM tern_job_definition", "")).isZero();
  }

  @Test
  void historicBatchesAreListedFilteredAndDeleted() {
    Batch done = batch("b-job-1");
    server.engine().jobExecutor().executeDueJobs();
    Batch running = batch("b-job-2");

    server.given().when().get("/history/batch").then().statusCode(200).body("$", hasSize(2))
        .body("[0].type", equalTo("set-job-retries"));
    server.given().queryParam("completed", true).when().get("/history/batch")
        .then().body("id", contains(done.id()));
    server.given().queryParam("completed", false).when().get("/history/batch/count")
        .then().body("count", equalTo(1));
    server.given().queryParam("batchId", running.id()).queryParam("type", "set-job-retries")
        .when().get("/history/batch").then().body("id", contains(running.id()))
        .body("[0].endTime", nullValue()).body("[0].startTime", notNullValue());
    server.given().queryParam("sortBy", "endTime").queryParam("sortOrder", "desc")
        .when().get("/history/batch").then().statusCode(200);

    server.given().when().delete("/history/batch/" + done.id()).then().statusCode(204);
    server.given().when().get("/history/batch/count").then().body("count", equalTo(1));
  }

  @Test
  void userOperationLogShowsBatchCreationsOfKnownUsers() {
    batches.setJobRetriesAsync(List.of("b-job-1"), null, JobRetries.of(7), "demo");
    batch("b-job-2");

    server.given().queryParam("userId", "demo").queryParam("sortBy", "timestamp").queryParam("sortOrder", "asc")
        .when().get("/history/user-operation")
        .then().statusCode(200)
        .body("$", hasSize(3))
        .body("[0].entityType", equalTo("Job"))
        .body("[0].operationType", equalTo("SetJobRetries"))
        .body("[0].category", equalTo("Operator"))
        .body("[0].timestamp", equalTo("2026-01-02T03:04:05.000+0000"))
        .body("property", org.hamcrest.Matchers.containsInAnyOrder("nrOfInstances", "async", "retries"))
        .body("newValue", org.hamcrest.Matchers.containsInAnyOrder("1", "true", "7"));
    server.given().when().get("/history/user-operation/count").then().body("count", equalTo(3));
    server.given().queryParam("property", "retries").when().get("/history/user-operation/count")
        .then().body("count", equalTo(1));
    server.given().queryParam("taskId", "t").when().get("/history/user-operation/count")
        .then().body("count", equalTo(0));
    server.given().queryParam("entityTypeIn", "Task,Job").when().get("/history/user-operation/count")
        .then().body("count", equalTo(3));
  }

  @Test
  void jobDefinitionRetriesResetItsFailedJobsAtOnce() {
    database.useTransaction(
        h -> {
          h.execute(
              "INSERT INTO tern_job_definition (id, job_type, job_configuration) VALUES"
                  + " ('jobdef-sendOrder', 'async-continuation', 'async-before')");
          h.execute("UPDATE tern_job SET retries = 1 WHERE id = 'b-job-4'");
        });

    server.given().contentType(ContentType.JSON).body(Map.of("retries", 2))
        .when().put("/job-definition/jobdef-sendOrder/retries").then().statusCode(204);

    assertThat(BatchRestFixtures.count(database, "SELECT COUNT(*) FROM tern_job WHERE retries = 2", ""))
        .isEqualTo(3);
    assertThat(BatchRestFixtures.count(database, "SELECT COUNT(*) FROM tern_job WHERE id = 'b-job-4' AND retries = 1", ""))
        .isEqualTo(1);
    assertThat(BatchRestFixtures.count(database, "SELECT COUNT(*) FROM tern_incident", "")).isEqualTo(1);
    assertThat(BatchRestFixtures.count(database, "SELECT COUNT(*) FROM tern_hi_incident WHERE incident_state = 1", ""))
        .isEqualTo(3);
  }

  @Test
  void jobDefinitionRetriesRefuseClientMistakes() {
    // Camunda documents only 204 and 500 here; Tern answers client mistakes with 4xx
    server.givenWithoutContract().contentType(ContentType.JSON).body(Map.of("retries", 2))
        .when().put("/job-definition/nope/retries").then().statusCode(404)
        .body("message", equalTo("Job definition with id 'nope' does not exist"));
    server.givenWithoutContract().contentType(ContentType.JSON).body(Map.of("retries", -1))
        .when().put("/job-definition/nope/retries").then().statusCode(400)
        .body("type", equalTo("ProcessEngineException"))
        .body("message", equalTo(
            "The number of job retries must be a non-negative Integer, but '-1' has been provided."));
    server.givenWithoutContract().contentType(ContentType.JSON).body("{}")
        .when().put("/job-definition/nope/retries").then().statusCode(400)
        .body("message", equalTo("retries is null"));
  }
}
