package dev.tern.rest.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.tern.engine.batch.BatchSettings;
import dev.tern.engine.batch.FailedJobs;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The job-retries endpoints over HTTP: batch creation, its run, and every error Camunda gives. */
@DatabaseTest
class JobRetriesRestTest {

  static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
  /** Fixture jobs are due far later, so running the batch never runs the fixture jobs. */
  static final Instant LATER = T0.plus(Duration.ofDays(365));

  private final MutableClock clock = MutableClock.startingAt(T0);
  private final TestDatabase db;
  private final Database database;
  private final RestTestServer server;
  private final String prefix = "r" + System.nanoTime() + "-";

  JobRetriesRestTest(TestDatabase db) {
    this.db = db;
    this.database = db.database();
    BatchRestFixtures.clear(database);
    this.server =
        RestTestServer.builder(db)
            .clock(clock)
            .engine(
                b ->
                    b.startJobExecutor(false)
                        .batchSettings(BatchSettings.defaults().withInvocationsPerBatchJob(10)))
            .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private List<String> instances(int count) {
    FailedJobs.create(database, prefix, count, T0, LATER);
    return IntStream.rangeClosed(1, count).mapToObj(n -> prefix + "pi-" + n).toList();
  }

  private long count(String sql) {
    return BatchRestFixtures.count(database, sql, prefix);
  }

  @Test
  void retriesByProcessInstancesRunAsABatchThatEndsWithItsLastJob() {
    List<String> ids = instances(25);

    String batchId =
        server
            .given()
            .contentType(ContentType.JSON)
            .body(Map.of("processInstances", ids, "retries", 3))
            .when()
            .post("/process-instance/job-retries")
            .then()
            .statusCode(200)
            .body("type", equalTo("set-job-retries"))
            .body("totalJobs", equalTo(3))
            .body("jobsCreated", equalTo(0))
            .body("batchJobsPerSeed", equalTo(100))
            .body("invocationsPerBatchJob", equalTo(10))
            .body("seedJobDefinitionId", notNullValue())
            .body("monitorJobDefinitionId", notNullValue())
            .body("batchJobDefinitionId", notNullValue())
            .body("suspended", equalTo(false))
            .body("tenantId", nullValue())
            .body("createUserId", nullValue())
            .body("startTime", equalTo("2026-01-02T03:04:05.000+0000"))
            .body("executionStartTime", nullValue())
            .extract()
            .path("id");

    server.given().when().get("/batch/" + batchId).then().statusCode(200).body("id", equalTo(batchId));
    server
        .given()
        .queryParam("batchId", batchId)
        .when()
        .get("/batch/statistics")
        .then()
        .statusCode(200)
        .body("[0].remainingJobs", equalTo(3))
        .body("[0].completedJobs", equalTo(0))
        .body("[0].failedJobs", equalTo(0));

    clock.advance(Duration.ofSeconds(2));
    server.engine().jobExecutor().executeDueJobs();

    server
        .given()
        .when()
        .get("/batch/" + batchId)
        .then()
        .statusCode(404)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("Batch with id '" + batchId + "' does not exist"));
    server
        .given()
        .when()
        .get("/history/batch/" + batchId)
        .then()
        .statusCode(200)
        .body("endTime", equalTo("2026-01-02T03:04:07.000+0000"))
        .body("executionStartTime", equalTo("2026-01-02T03:04:07.000+0000"))
        .body("removalTime", nullValue());
    assertThat(count("SELECT COUNT(*) FROM tern_job WHERE id LIKE :p AND retries = 3")).isEqualTo(25);
    assertThat(count("SELECT COUNT(*) FROM tern_incident WHERE configuration LIKE :p")).isZero();
    assertThat(count("SELECT COUNT(*) FROM tern_hi_incident WHERE configuration LIKE :p AND incident_state = 1"))
        .isEqualTo(25);
  }

  @Test
  void emptyProcessInstanceQuerySelectsEveryInstanceAndIgnoresJobSelectors() {
    instances(12);

    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("processInstanceQuery", Map.of("unknownProperty", 1), "jobIds", List.of("x"), "retries", 1))
        .when()
        .post("/process-instance/job-retries")
        .then()
        .statusCode(200)
        .body("totalJobs", equalTo(2));
    server.engine().jobExecutor().executeDueJobs();

    assertThat(count("SELECT COUNT(*) FROM tern_job WHERE id LIKE :p AND retries = 1")).isEqualTo(12);
  }

  @Test
  void processInstanceQueryFiltersAndUnionsWithIds() {
    List<String> ids = instances(4);

    server
        .given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "processInstances", List.of(ids.get(0)),
                "processInstanceQuery", Map.of("processInstanceIds", List.of(ids.get(1), ids.get(2))),
                "retries", 2))
        .when()
        .post("/process-instance/job-retries")
        .then()
        .statusCode(200);
    server.engine().jobExecutor().executeDueJobs();

    assertThat(count("SELECT COUNT(*) FROM tern_job WHERE id LIKE :p AND retries = 2")).isEqualTo(3);
  }

  @Test
  void historicQueryBasedEndpointSelectsByHistoricInstances() {
    List<String> ids = instances(3);
    database.useTransaction(
        h ->
            h.createUpdate(
                    "INSERT INTO tern_hi_process_instance (id, proc_def_id, proc_def_key, start_time, state)"
                        + " SELECT id, proc_def_id, proc_def_key, start_time, 'ACTIVE' FROM tern_process_instance"
                        + " WHERE id = :id")
                .bind("id", ids.get(1))
                .execute());

    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("historicProcessInstanceQuery", Map.of("processInstanceIds", List.of(ids.get(1))), "retries", 4))
        .when()
        .post("/process-instance/job-retries-historic-query-based")
        .then()
        .statusCode(200)
        .body("totalJobs", equalTo(1));
    server.engine().jobExecutor().executeDueJobs();

    assertThat(count("SELECT COUNT(*) FROM tern_job WHERE id LIKE :p AND retries = 4")).isEqualTo(1);
  }

  @Test
  void jobRetriesByIdsAndJobQuery() {
    instances(5);

    server
        .given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "jobIds", List.of(prefix + "job-1", "no-such-job"),
                "jobQuery", Map.of("jobIds", List.of(prefix + "job-2", prefix + "job-3")),
                "retries", 5))
        .when()
        .post("/job/retries")
        .then()
        .statusCode(200)
        .body("totalJobs", equalTo(1));
    server.engine().jobExecutor().executeDueJobs();

    assertThat(count("SELECT COUNT(*) FROM tern_job WHERE id LIKE :p AND retries = 5")).isEqualTo(3);
  }

  @Test
  void dueDateAbsentKeepsItGivenSetsItNullClearsIt() {
    instances(3);
    post("/job/retries", "{\"jobIds\":[\"" + prefix + "job-1\"],\"retries\":1}");
    post("/job/retries", "{\"jobIds\":[\"" + prefix + "job-2\"],\"retries\":1,\"dueDate\":\"2027-05-06T07:08:09.000+0000\"}");
    post("/job/retries", "{\"jobIds\":[\"" + prefix + "job-3\"],\"retries\":1,\"dueDate\":null}");
    server.engine().jobExecutor().executeDueJobs();

    assertThat(BatchRestFixtures.dueDate(database, prefix + "job-1")).isEqualTo(LATER);
    assertThat(BatchRestFixtures.dueDate(database, prefix + "job-2"))
        .isEqualTo(Instant.parse("2027-05-06T07:08:09Z"));
    assertThat(BatchRestFixtures.dueDate(database, prefix + "job-3")).isNull();
  }

  private void post(String path, String body) {
    server.given().contentType(ContentType.JSON).body(body).when().post(path).then().statusCode(200);
  }

  @Test
  void retriesAsStringOrFractionAreReadAsIntegers() {
    instances(2);
    // outside the contract's integer type, but Camunda's Jackson reads them, so Tern does too
    for (String body :
        List.of(
            "{\"jobIds\":[\"" + prefix + "job-1\"],\"retries\":\"3\"}",
            "{\"jobIds\":[\"" + prefix + "job-2\"],\"retries\":2.5}")) {
      server
          .givenInvalidRequest()
          .contentType(ContentType.JSON)
          .body(body)
          .when()
          .post("/job/retries")
          .then()
          .statusCode(200);
    }
    server.engine().jobExecutor().executeDueJobs();

    assertThat(count("SELECT COUNT(*) FROM tern_job WHERE id = '" + prefix + "job-1' AND retries = 3")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM tern_job WHERE id = '" + prefix + "job-2' AND retries = 2")).isEqualTo(1);
  }

  @Test
  void camundaSettingsGiveCamundaCounts() {
    try (RestTestServer camundaLike =
        RestTestServer.builder(db)
            .clock(clock)
            .engine(b -> b.startJobExecutor(false).batchSettings(BatchSettings.camundaDefaults()))
            .start()) {
      List<String> ids = instances(150);
      String id =
          camundaLike
              .given()
              .contentType(ContentType.JSON)
              .body(Map.of("processInstances", ids, "retries", 1))
              .when()
              .post("/process-instance/job-retries")
              .then()
              .statusCode(200)
              .body("totalJobs", equalTo(150))
              .body("batchJobsPerSeed", equalTo(100))
              .body("invocationsPerBatchJob", equalTo(1))
              .extract()
              .path("id");
      camundaLike.engine().jobExecutor().executeDueJobs();
      camundaLike.given().when().get("/history/batch/" + id).then().statusCode(200).body("endTime", notNullValue());
    }
  }
}
