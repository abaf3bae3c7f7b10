package dev.tern.rest.externaltask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker's and the operator's calls on {@code /external-task}, over HTTP. */
@DatabaseTest
class ExternalTaskRestTest {

  static final String PROCESS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <error id="noFunds" errorCode="NO_FUNDS"/>
        <process id="billing" isExecutable="true" camunda:historyTimeToLive="5"
            camunda:versionTag="v1">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="charge"/>
          <serviceTask id="charge" camunda:type="external" camunda:topic="charge"
              camunda:taskPriority="10">
            <extensionElements>
              <camunda:properties><camunda:property name="sla" value="fast"/></camunda:properties>
            </extensionElements>
          </serviceTask>
          <sequenceFlow id="f2" sourceRef="charge" targetRef="end"/>
          <endEvent id="end"/>
          <boundaryEvent id="declined" attachedToRef="charge">
            <errorEventDefinition errorRef="noFunds" camunda:errorCodeVariable="code"/>
          </boundaryEvent>
          <sequenceFlow id="f3" sourceRef="declined" targetRef="review"/>
          <userTask id="review"/>
          <sequenceFlow id="f4" sourceRef="review" targetRef="end"/>
        </process>
      </definitions>
      """;

  private final TestDatabase db;
  private RestTestServer server;

  ExternalTaskRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    ExternalTaskFixtures.clear(
        db.database(), List.of("tern_incident", "tern_execution", "tern_process_instance"));
    server = RestTestServer.builder(db).engine(b -> b.startJobExecutor(false)).start();
    ExternalTaskFixtures.deployBilling(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String startBilling(String businessKey) {
    return server
        .engine()
        .runtimeService()
        .startProcessInstanceByKey("billing", null, businessKey, Map.of("amount", 42))
        .id();
  }

  private Response fetch(String worker, Map<String, Object> topic) {
    return server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("workerId", worker, "maxTasks", 5, "usePriority", true, "topics", List.of(topic)))
        .post("/external-task/fetchAndLock");
  }

  private String fetchOne(String worker) {
    return fetch(worker, Map.of("topicName", "charge", "lockDuration", 60_000))
        .then()
        .statusCode(200)
        .extract()
        .path("[0].id");
  }

  @Test
  void aWorkerFetchesWithVariablesAndPropertiesThenCompletes() {
    String instance = startBilling("b-1");

    String id =
        fetch(
                "w1",
                Map.of(
                    "topicName", "charge",
                    "lockDuration", 60_000,
                    "variables", List.of("amount"),
                    "processDefinitionVersionTag", "v1",
                    "includeExtensionProperties", true))
            .then()
            .statusCode(200)
            .body("", hasSize(1))
            .body("[0].topicName", equalTo("charge"))
            .body("[0].workerId", equalTo("w1"))
            .body("[0].priority", equalTo(10))
            .body("[0].businessKey", equalTo("b-1"))
            .body("[0].processDefinitionVersionTag", equalTo("v1"))
            .body("[0].processInstanceId", equalTo(instance))
            .body("[0].variables.amount.value", equalTo(42))
            .body("[0].variables.amount.type", equalTo("Integer"))
            .body("[0].extensionProperties.sla", equalTo("fast"))
            .extract()
            .path("[0].id");

    server.given().get("/external-task/" + id).then().statusCode(200).body("workerId", equalTo("w1"))
        .body("suspended", equalTo(false)).body("retries", nullValue());
    server.given().queryParam("workerId", "w1").get("/external-task").then().statusCode(200)
        .body("id", equalTo(List.of(id)));
    server.given().contentType(ContentType.JSON)
        .body(Map.of("locked", true, "sorting", List.of(Map.of("sortBy", "createTime", "sortOrder", "asc"))))
        .post("/external-task").then().statusCode(200).body("id", equalTo(List.of(id)));
    server.given().queryParam("topicName", "charge").get("/external-task/count").then()
        .statusCode(200).body("count", equalTo(1));
    server.given().contentType(ContentType.JSON).body(Map.of("notLocked", true))
        .post("/external-task/count").then().statusCode(200).body("count", equalTo(0));
    server.given().queryParam("withLockedTasks", true).get("/external-task/topic-names").then()
        .statusCode(200).body("", equalTo(List.of("charge")));

    server.given().contentType(ContentType.JSON).body(Map.of("workerId", "w2"))
        .post("/external-task/" + id + "/complete").then().statusCode(400)
        .body("type", equalTo("RestException"))
        .body("message", equalTo("External Task " + id
            + " cannot be completed by worker 'w2'. It is locked by worker 'w1'."));
    server.given().contentType(ContentType.JSON)
        .body(Map.of("workerId", "w1",
            "variables", Map.of("paid", Map.of("value", true, "type", "Boolean")),
            "localVariables", Map.of("note", Map.of("value", "ok"))))
        .post("/external-task/" + id + "/complete").then().statusCode(204);

    server.given().get("/external-task/" + id).then().statusCode(404)
        .body("message", equalTo("External task with id " + id + " does not exist"));
    server.given().get("/process-instance/" + instance).then().statusCode(404);
  }

  @Test
  void failuresCountDownToAnIncidentThatRetriesResolve() {
    startBilling("b-2");
    String id = fetchOne("w1");

    server.given().contentType(ContentType.JSON)
        .body(Map.of("workerId", "w1", "errorMessage", "down", "errorDetails", "trace", "retries", 0, "retryTimeout", 0))
        .post("/external-task/" + id + "/failure").then().statusCode(204);

    server.given().queryParam("incidentType", "failedExternalTask").get("/incident").then()
        .statusCode(200).body("configuration", equalTo(List.of(id)))
        .body("[0].incidentMessage", equalTo("down"));
    server.given().queryParam("noRetriesLeft", true).get("/external-task").then().statusCode(200)
        .body("[0].errorMessage", equalTo("down")).body("[0].retries", equalTo(0));
    String details = server.given().accept(ContentType.TEXT).get("/external-task/" + id + "/errorDetails")
        .then().statusCode(200).extract().asString();
    assertThat(details).isEqualTo("trace");
    fetch("w2", Map.of("topicName", "charge", "lockDuration", 1000)).then().statusCode(200).body("", hasSize(0));

    server.given().contentType(ContentType.JSON).body(Map.of("retries", 2))
        .put("/external-task/" + id + "/retries").then().statusCode(204);
    server.given().contentType(ContentType.JSON).body(Map.of("priority", 99))
        .put("/external-task/" + id + "/priority").then().statusCode(204);

    server.given().queryParam("incidentType", "failedExternalTask").get("/incident/count").then()
        .body("count", equalTo(0));
    server.given().get("/external-task/" + id).then().body("retries", equalTo(2)).body("priority", equalTo(99));
    server.givenInvalidRequest().contentType(ContentType.JSON).body(Map.of())
        .put("/external-task/" + id + "/retries").then().statusCode(400)
        .body("message", equalTo("The number of retries cannot be null."));
  }

  @Test
  void aTopicsProcessVariablesFilterFetchesOnlyTasksOfMatchingInstances() {
    String small = startBilling("small");
    server.engine().runtimeService().startProcessInstanceByKey("billing", null, "big", Map.of("amount", 900));

    fetch("w1", Map.of("topicName", "charge", "lockDuration", 60_000,
            "processVariables", Map.of("amount", 42)))
        .then()
        .statusCode(200)
        .body("processInstanceId", equalTo(List.of(small)));
    fetch("w1", Map.of("topicName", "charge", "lockDuration", 60_000,
            "processVariables", Map.of("amount", 42, "missing", "x")))
        .then()
        .statusCode(200)
        .body("", hasSize(0));
    fetch("w1", Map.of("topicName", "charge", "lockDuration", 60_000,
            "processVariables", Map.of("amount", 900)))
        .then()
        .statusCode(200)
        .body("businessKey", equalTo(List.of("big")));
  }

  @Test
  void theQuerysProcessVariablesFilterSelectsTasksByTheirInstancesVariables() {
    String small = startBilling("small");
    server.engine().runtimeService().startProcessInstanceByKey("billing", null, "big", Map.of("amount", 900));

    // typed values in a body (in a query string Camunda treats every value as a String)
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("processVariables", List.of(Map.of("name", "amount", "operator", "gt", "value", 100))))
        .post("/external-task")
        .then()
        .statusCode(200)
        .body("businessKey", equalTo(List.of("big")));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "processVariables",
                List.of(Map.of("name", "AMOUNT", "operator", "eq", "value", 42)),
                "variableNamesIgnoreCase", true))
        .post("/external-task/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(1));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("processVariables", List.of(Map.of("name", "amount", "operator", "eq", "value", 42))))
        .post("/external-task")
        .then()
        .statusCode(200)
        .body("processInstanceId", equalTo(List.of(small)));
  }

  @Test
  void aTaskWithoutFailureHasNoErrorDetails() {
    startBilling("b-3");
    String id = fetchOne("w1");

    server.given().accept(ContentType.TEXT).get("/external-task/" + id + "/errorDetails").then().statusCode(204);
    server.givenWithoutContract().get("/external-task/nope/errorDetails").then().statusCode(404)
        .body("message", equalTo("External task with id nope does not exist"));
  }

  @Test
  void aBpmnErrorTakesTheErrorBoundaryEvent() {
    String instance = startBilling("b-4");
    String id = fetchOne("w1");

    server.given().contentType(ContentType.JSON)
        .body(Map.of("workerId", "w1", "errorCode", "NO_FUNDS", "errorMessage", "declined"))
        .post("/external-task/" + id + "/bpmnError").then().statusCode(204);

    server.given().get("/process-instance/" + instance + "/variables/code").then().statusCode(200)
        .body("value", equalTo("NO_FUNDS"));
    server.given().get("/external-task/count").then().body("count", equalTo(0));
  }

  @Test
  void locksAreExtendedTakenAndReleased() {
    startBilling("b-5");
    String id = fetchOne("w1");

    server.given().contentType(ContentType.JSON).body(Map.of("workerId", "w1", "newDuration", 120_000))
        .post("/external-task/" + id + "/extendLock").then().statusCode(204);
    server.given().contentType(ContentType.JSON).body(Map.of("workerId", "w2", "newDuration", 1000))
        .post("/external-task/" + id + "/extendLock").then().statusCode(400)
        .body("message", equalTo("The lock of the External Task " + id
            + " cannot be extended by worker 'w2''. It is locked by worker 'w1'."));
    server.given().contentType(ContentType.JSON).body(Map.of("workerId", "w2", "lockDuration", 1000))
        .post("/external-task/" + id + "/lock").then().statusCode(400);
    server.given().post("/external-task/" + id + "/unlock").then().statusCode(204);
    server.given().contentType(ContentType.JSON).body(Map.of("workerId", "w2", "lockDuration", 1000))
        .post("/external-task/" + id + "/lock").then().statusCode(204);
    server.given().get("/external-task/" + id).then().body("workerId", equalTo("w2"));
    server.given().post("/external-task/nope/unlock").then().statusCode(404);
  }

  @Test
  void aLongPollAnswersAsSoonAsATaskIsCreated() throws Exception {
    CompletableFuture<Response> polling =
        CompletableFuture.supplyAsync(
            () ->
                server
                    .given()
                    .contentType(ContentType.JSON)
                    .body(
                        Map.of(
                            "workerId", "w1",
                            "maxTasks", 1,
                            "asyncResponseTimeout", 60_000,
                            "topics", List.of(Map.of("topicName", "charge", "lockDuration", 1000))))
                    .post("/external-task/fetchAndLock"));
    awaitWaitingFetch();
    String instance = startBilling("b-6");

    Response response = polling.get(30, TimeUnit.SECONDS);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.jsonPath().getList("processInstanceId")).containsExactly(instance);
  }

  /** Gives the fetch time to find nothing and start waiting (it answers correctly either way). */
  private static void awaitWaitingFetch() throws InterruptedException {
    Thread.sleep(300);
  }

  @Test
  void aLongPollWithoutTasksAnswersEmptyAtItsTimeout() {
    server.given().contentType(ContentType.JSON)
        .body(Map.of("workerId", "w1", "maxTasks", 1, "asyncResponseTimeout", 300,
            "topics", List.of(Map.of("topicName", "charge", "lockDuration", 1000))))
        .post("/external-task/fetchAndLock").then().statusCode(200).body("", hasSize(0));
  }

  @Test
  void fetchRefusesTooLongTimeoutsAndBadArguments() {
    server.given().contentType(ContentType.JSON)
        .body(Map.of("workerId", "w1", "maxTasks", 1, "asyncResponseTimeout", 1_800_001,
            "topics", List.of(Map.of("topicName", "charge", "lockDuration", 1000))))
        .post("/external-task/fetchAndLock").then().statusCode(400)
        .body("message", equalTo("The asynchronous response timeout cannot be set to a value greater than 1800000 milliseconds"));
    server.givenInvalidRequest().contentType(ContentType.JSON)
        .body(Map.of("maxTasks", 1, "topics", List.of(Map.of("topicName", "charge", "lockDuration", 1000))))
        .post("/external-task/fetchAndLock").then().statusCode(400)
        .body("message", equalTo("workerId is null"));
    server.givenInvalidRequest().contentType(ContentType.JSON)
        .body(Map.of("workerId", "w", "maxTasks", 1, "sorting", List.of(Map.of("sortBy", "priority")),
            "topics", List.of(Map.of("topicName", "charge", "lockDuration", 1000))))
        .post("/external-task/fetchAndLock").then().statusCode(400)
        .body("message", equalTo("Cannot set query sortBy parameter to value priority"));
  }
}
