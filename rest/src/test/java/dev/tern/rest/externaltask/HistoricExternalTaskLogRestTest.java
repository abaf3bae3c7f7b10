package dev.tern.rest.externaltask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.externaltask.ExternalTaskService;
import dev.tern.engine.externaltask.FetchRequest;
import dev.tern.engine.externaltask.TopicRequest;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /history/external-task-log}: the external-task lifecycle writes one entry per event
 * (created, failed, successful, deleted), read back with Camunda's filters, sorting and DTO.
 */
@DatabaseTest
class HistoricExternalTaskLogRestTest {

  static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

  private final MutableClock clock = MutableClock.startingAt(T0);
  private final TestDatabase db;
  private RestTestServer server;

  HistoricExternalTaskLogRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    ExternalTaskFixtures.clear(
        db.database(),
        List.of(
            "tern_hi_ext_task_log", "tern_incident", "tern_execution", "tern_process_instance"));
    server =
        RestTestServer.builder(db).clock(clock).engine(b -> b.startJobExecutor(false)).start();
    ExternalTaskFixtures.deployBilling(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String start(String businessKey) {
    return server
        .engine()
        .runtimeService()
        .startProcessInstanceByKey("billing", null, businessKey, Map.of())
        .id();
  }

  private String fetch(String worker) {
    return server
        .engine()
        .externalTaskService()
        .fetchAndLock(
            new FetchRequest(worker, 1, false, null, List.of(TopicRequest.of("charge", 60_000))))
        .get(0)
        .task()
        .id();
  }

  @Test
  void everyEventOfATaskIsLoggedAndReadBack() {
    ExternalTaskService tasks = server.engine().externalTaskService();
    String instance = start("paid");
    String task = fetch("w1");
    clock.advance(Duration.ofSeconds(1));
    tasks.handleFailure(Caller.SYSTEM, task, "w1", "card declined", "trace", 1, 0, Map.of());
    clock.advance(Duration.ofSeconds(1));
    assertThat(fetch("w2")).isEqualTo(task);
    tasks.complete(task, "w2", Map.of(), Map.of());

    server
        .given()
        .queryParam("externalTaskId", task)
        .queryParam("sortBy", "timestamp")
        .queryParam("sortOrder", "asc")
        .get("/history/external-task-log")
        .then()
        .statusCode(200)
        .body("creationLog", contains(true, false, false))
        .body("failureLog", contains(false, true, false))
        .body("successLog", contains(false, false, true))
        .body("deletionLog", contains(false, false, false))
        .body("timestamp", contains(
            "2026-01-02T03:04:05.000+0000", "2026-01-02T03:04:06.000+0000",
            "2026-01-02T03:04:07.000+0000"))
        .body("workerId", contains(null, "w1", "w2"))
        .body("retries", contains(null, null, 1)) // a failure shows the retries before it, as in Camunda
        .body("errorMessage", contains(null, "card declined", null))
        .body("topicName", contains("charge", "charge", "charge"))
        .body("priority", contains(10, 10, 10))
        .body("activityId", contains("charge", "charge", "charge"))
        .body("processInstanceId", contains(instance, instance, instance))
        .body("rootProcessInstanceId", contains(instance, instance, instance))
        .body("processDefinitionKey", contains("billing", "billing", "billing"))
        .body("tenantId", contains(null, null, null))
        // the instance ended with the task's completion: every entry is removable 5 days later
        // (the process's historyTimeToLive)
        .body(
            "removalTime",
            contains(
                "2026-01-07T03:04:07.000+0000",
                "2026-01-07T03:04:07.000+0000",
                "2026-01-07T03:04:07.000+0000"));

    String failure =
        server
            .given()
            .contentType(ContentType.JSON)
            .body(Map.of("failureLog", true, "errorMessage", "card declined"))
            .post("/history/external-task-log")
            .then()
            .statusCode(200)
            .body("", hasSize(1))
            .extract()
            .path("[0].id");
    String creation =
        server
            .given()
            .queryParam("creationLog", true)
            .get("/history/external-task-log")
            .then()
            .extract()
            .path("[0].id");

    server.given().get("/history/external-task-log/" + failure).then().statusCode(200)
        .body("id", equalTo(failure)).body("externalTaskId", equalTo(task))
        .body("errorMessage", equalTo("card declined"));
    String details = server.given().accept(ContentType.TEXT)
        .get("/history/external-task-log/" + failure + "/error-details")
        .then().statusCode(200).extract().asString();
    assertThat(details).isEqualTo("trace");
    // openapi.json lists 200 and 404 only; Camunda's resource answers 204 for an entry without details
    server.givenWithoutContract().get("/history/external-task-log/" + creation + "/error-details")
        .then().statusCode(204);
    server.given().get("/history/external-task-log/nope").then().statusCode(404)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("Historic external task log with id nope does not exist"));
    server.given().get("/history/external-task-log/nope/error-details").then().statusCode(404)
        .body("message", equalTo(
            "No historic external task log found with id nope: historicExternalTaskLog is null"));
  }

  @Test
  void deletionIsLoggedForABpmnErrorAndADeletedInstanceAndFiltersCombine() {
    ExternalTaskService tasks = server.engine().externalTaskService();
    String declined = start("declined");
    String declinedTask = fetch("w1");
    tasks.handleBpmnError(declinedTask, "w1", "NO_FUNDS", "no funds", Map.of());
    String deleted = start("deleted");
    clock.advance(Duration.ofSeconds(1));
    server.given().delete("/process-instance/" + deleted).then().statusCode(204);

    server.given().queryParam("deletionLog", true).queryParam("sortBy", "processInstanceId")
        .queryParam("sortOrder", "asc").get("/history/external-task-log").then().statusCode(200)
        .body("processInstanceId", equalTo(List.of(declined, deleted).stream().sorted().toList()))
        .body("workerId", hasSize(2));
    server.given().queryParam("deletionLog", true).queryParam("workerId", "w1")
        .get("/history/external-task-log/count").then().statusCode(200).body("count", equalTo(1));
    server.given().contentType(ContentType.JSON)
        .body(Map.of("processInstanceId", deleted, "activityIdIn", List.of("charge"),
            "topicName", "charge", "processDefinitionKey", "billing",
            "priorityHigherThanOrEquals", 10, "priorityLowerThanOrEquals", 10,
            "withoutTenantId", true,
            "sorting", List.of(Map.of("sortBy", "timestamp", "sortOrder", "desc"))))
        .post("/history/external-task-log").then().statusCode(200)
        .body("deletionLog", contains(true, false))
        .body("creationLog", contains(false, true));
    server.given().contentType(ContentType.JSON).body(Map.of("priorityHigherThanOrEquals", 11))
        .post("/history/external-task-log/count").then().statusCode(200).body("count", equalTo(0));
    server.given().queryParam("successLog", true).get("/history/external-task-log/count").then()
        .body("count", equalTo(0));
    server.given().queryParam("tenantIdIn", "t1").get("/history/external-task-log").then()
        .body("", hasSize(0));
    server.given().queryParam("externalTaskId", declinedTask).queryParam("failureLog", true)
        .get("/history/external-task-log").then().body("", hasSize(0));
    server.givenInvalidRequest().queryParam("sortBy", "nope").queryParam("sortOrder", "asc")
        .get("/history/external-task-log").then().statusCode(400);
    server.given().get("/history/external-task-log").then().body("[0].retries", nullValue());
  }
}
