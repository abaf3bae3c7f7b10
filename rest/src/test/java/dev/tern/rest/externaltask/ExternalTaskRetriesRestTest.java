package dev.tern.rest.externaltask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.batch.BatchSettings;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.externaltask.ExternalTaskService;
import dev.tern.engine.externaltask.FetchRequest;
import dev.tern.engine.externaltask.LockedExternalTask;
import dev.tern.engine.externaltask.TopicRequest;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code PUT /external-task/retries} and {@code POST /external-task/retries-async} over HTTP: the
 * selectors, the incident rule, the batch's run, and Camunda's errors.
 */
@DatabaseTest
class ExternalTaskRetriesRestTest {

  static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

  private final MutableClock clock = MutableClock.startingAt(T0);
  private final TestDatabase db;
  private RestTestServer server;

  ExternalTaskRetriesRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    ExternalTaskFixtures.clear(
        db.database(),
        List.of(
            "tern_job", "tern_job_definition", "tern_batch", "tern_batch_chunk", "tern_hi_batch",
            "tern_incident", "tern_hi_incident", "tern_hi_op_log", "tern_execution",
            "tern_process_instance", "tern_hi_process_instance"));
    server =
        RestTestServer.builder(db)
            .clock(clock)
            .engine(
                b ->
                    b.startJobExecutor(false)
                        .batchSettings(BatchSettings.defaults().withInvocationsPerBatchJob(2)))
            .start();
    ExternalTaskFixtures.deployBilling(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Starts {@code count} instances; returns their ids. */
  private List<String> instances(int count) {
    return IntStream.range(0, count)
        .mapToObj(
            n ->
                server
                    .engine()
                    .runtimeService()
                    .startProcessInstanceByKey("billing", null, "b-" + n, Map.of())
                    .id())
        .toList();
  }

  /** Every task of the topic, locked by one worker that reports each failed for good. */
  private List<String> failAll() {
    ExternalTaskService tasks = server.engine().externalTaskService();
    List<LockedExternalTask> locked =
        tasks.fetchAndLock(
            new FetchRequest("w1", 100, false, null, List.of(TopicRequest.of("charge", 60_000))));
    for (LockedExternalTask task : locked) {
      tasks.handleFailure(Caller.SYSTEM, task.task().id(), "w1", "down", "trace", 0, 0, Map.of());
    }
    return locked.stream().map(t -> t.task().id()).sorted().toList();
  }

  private String taskOf(String processInstanceId) {
    return server
        .given()
        .queryParam("processInstanceId", processInstanceId)
        .get("/external-task")
        .then()
        .statusCode(200)
        .extract()
        .path("[0].id");
  }

  private RequestSpecification json() {
    return server.given().contentType(ContentType.JSON);
  }

  private long count(String sql) {
    return db.database().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  private void openIncidents(int expected) {
    server
        .given()
        .queryParam("incidentType", "failedExternalTask")
        .get("/incident/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(expected));
  }

  @Test
  void retriesAsyncRetriesEveryFailedTaskResolvesItsIncidentAndEndsWithItsLastJob() {
    instances(5);
    List<String> failed = failAll();
    openIncidents(5);

    String batchId =
        json()
            .body(Map.of("externalTaskQuery", Map.of("noRetriesLeft", true), "retries", 2))
            .post("/external-task/retries-async")
            .then()
            .statusCode(200)
            .body("type", equalTo("set-external-task-retries"))
            .body("totalJobs", equalTo(3))
            .body("invocationsPerBatchJob", equalTo(2))
            .body("batchJobDefinitionId", notNullValue())
            .body("startTime", equalTo("2026-01-02T03:04:05.000+0000"))
            .extract()
            .path("id");
    openIncidents(5); // nothing is applied before the batch runs

    clock.advance(Duration.ofSeconds(2));
    server.engine().jobExecutor().executeDueJobs();

    server.given().get("/batch/" + batchId).then().statusCode(404);
    server
        .given()
        .get("/history/batch/" + batchId)
        .then()
        .statusCode(200)
        .body("endTime", equalTo("2026-01-02T03:04:07.000+0000"));
    server
        .given()
        .queryParam("withRetriesLeft", true)
        .get("/external-task")
        .then()
        .statusCode(200)
        .body("id", equalTo(failed))
        .body("retries", equalTo(List.of(2, 2, 2, 2, 2)));
    openIncidents(0);
    server
        .given()
        .queryParam("incidentType", "failedExternalTask")
        .queryParam("resolved", true)
        .get("/history/incident/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(5));
    List<LockedExternalTask> again =
        server
            .engine()
            .externalTaskService()
            .fetchAndLock(
                new FetchRequest(
                    "w2", 100, false, null, List.of(TopicRequest.of("charge", 60_000))));
    assertThat(again).hasSize(5);
  }

  @Test
  void retriesAsyncTakesTheUnionOfIdsInstancesAndQueries() {
    List<String> pi = instances(5);
    failAll();

    json()
        .body(
            Map.of(
                "externalTaskIds", List.of(taskOf(pi.get(0)), taskOf(pi.get(0))),
                "processInstanceIds", List.of(pi.get(1)),
                "processInstanceQuery", Map.of("processInstanceIds", List.of(pi.get(2))),
                "historicProcessInstanceQuery", Map.of("processInstanceIds", List.of(pi.get(3))),
                "retries", 1))
        .post("/external-task/retries-async")
        .then()
        .statusCode(200)
        .body("totalJobs", equalTo(2)); // four distinct tasks, two per batch job

    clock.advance(Duration.ofSeconds(2));
    server.engine().jobExecutor().executeDueJobs();

    server
        .given()
        .queryParam("withRetriesLeft", true)
        .get("/external-task/count")
        .then()
        .body("count", equalTo(4));
    server
        .given()
        .queryParam("noRetriesLeft", true)
        .get("/external-task")
        .then()
        .body("processInstanceId", equalTo(List.of(pi.get(4))));
    openIncidents(1);
  }

  @Test
  void syncRetriesZeroOpensIncidentsAndRetriesAboveZeroResolveThem() {
    List<String> pi = instances(3);

    json()
        .body(Map.of("processInstanceIds", pi, "retries", 0))
        .put("/external-task/retries")
        .then()
        .statusCode(204);
    openIncidents(3);
    server
        .given()
        .queryParam("noRetriesLeft", true)
        .get("/external-task/count")
        .then()
        .body("count", equalTo(3));

    json()
        .body(
            Map.of(
                "externalTaskQuery", Map.of("noRetriesLeft", true, "processInstanceIdIn", pi.subList(0, 2)),
                "retries", 4))
        .put("/external-task/retries")
        .then()
        .statusCode(204);
    openIncidents(1);
    server
        .given()
        .queryParam("withRetriesLeft", true)
        .get("/external-task")
        .then()
        .body("retries", equalTo(List.of(4, 4)));
    server
        .given()
        .queryParam("incidentType", "failedExternalTask")
        .queryParam("resolved", true)
        .get("/history/incident/count")
        .then()
        .body("count", equalTo(2));
  }

  @Test
  void camundasErrorsAndNothingWritten() {
    List<String> pi = instances(1);
    String task = taskOf(pi.get(0));

    for (String path : List.of("/external-task/retries", "/external-task/retries-async")) {
      boolean async = path.endsWith("async");
      json().body(Map.of("externalTaskIds", List.of(task)))
          .request(async ? "POST" : "PUT", path).then().statusCode(400)
          .body("type", equalTo("InvalidRequestException"))
          .body("message", equalTo("The number of retries cannot be null."));
      json().body(Map.of("retries", 1))
          .request(async ? "POST" : "PUT", path).then().statusCode(400)
          .body("message", equalTo("externalTaskIds is empty"));
      json().body(Map.of("externalTaskQuery", Map.of("noRetriesLeft", true), "retries", 1))
          .request(async ? "POST" : "PUT", path).then().statusCode(400)
          .body("message", equalTo("externalTaskIds is empty"));
      json().body(Map.of("externalTaskIds", List.of(task), "retries", -1))
          .request(async ? "POST" : "PUT", path).then().statusCode(400)
          .body("message", equalTo(
              "The number of retries cannot be negative: retries is not greater than or equal to 0"));
      // a null id breaks the request schema, so only the answer is checked against the contract
      server.givenInvalidRequest().contentType(ContentType.JSON)
          .body("{\"externalTaskIds\": [\"" + task + "\", null], \"retries\": 1}")
          .request(async ? "POST" : "PUT", path).then().statusCode(400)
          .body("message", equalTo(
              "External task id cannot be null: externalTaskIds contains null value"));
    }
    json().body(Map.of("externalTaskIds", List.of(task, "nope"), "retries", 2))
        .put("/external-task/retries").then().statusCode(404)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("Cannot find external task with id nope: externalTask is null"));
    // Tern snapshots only tasks that exist (Camunda would fail the batch job later)
    json().body(Map.of("externalTaskIds", List.of("nope"), "retries", 2))
        .post("/external-task/retries-async").then().statusCode(400)
        .body("message", equalTo("externalTaskIds is empty"));

    assertThat(count("SELECT COUNT(*) FROM tern_batch")).isZero();
    assertThat(count("SELECT COUNT(*) FROM tern_batch_chunk")).isZero();
    assertThat(count("SELECT COUNT(*) FROM tern_external_task WHERE retries IS NOT NULL")).isZero();
    openIncidents(0);
    server.given().get("/external-task").then().body("", hasSize(1));
  }
}
