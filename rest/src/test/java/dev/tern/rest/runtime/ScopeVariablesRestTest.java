package dev.tern.rest.runtime;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Local variables of a sub-process's scope execution over HTTP, as Camunda 7.24 answers: its
 * input parameter and the variables set through {@code /execution/{id}/localVariables} live on the
 * scope execution (with the sub-process's activity instance) until the sub-process ends; history
 * keeps them.
 */
@DatabaseTest
class ScopeVariablesRestTest {

  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05.678Z"));
  private final TestDatabase db;
  private final RestTestServer server;
  private final String key = "s" + UUID.randomUUID().toString().substring(0, 8);

  ScopeVariablesRestTest(TestDatabase db) {
    this.db = db;
    this.server = RestTestServer.start(db, clock);
  }

  @BeforeEach
  void deploy() {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="KEY" isExecutable="true" camunda:historyTimeToLive="30">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="fork"/>
            <parallelGateway id="fork"/>
            <sequenceFlow id="f2" sourceRef="fork" targetRef="side"/>
            <sequenceFlow id="f3" sourceRef="fork" targetRef="sub"/>
            <userTask id="side"/>
            <subProcess id="sub">
              <extensionElements><camunda:inputOutput>
                <camunda:inputParameter name="x">in</camunda:inputParameter>
                <camunda:outputParameter name="out">${x}${y}</camunda:outputParameter>
              </camunda:inputOutput></extensionElements>
              <startEvent id="sub_start"/>
              <sequenceFlow id="s1" sourceRef="sub_start" targetRef="inner"/>
              <userTask id="inner"/>
              <sequenceFlow id="s2" sourceRef="inner" targetRef="sub_end"/>
              <endEvent id="sub_end"/>
            </subProcess>
            <sequenceFlow id="f4" sourceRef="sub" targetRef="after"/>
            <userTask id="after"/>
          </process>
        </definitions>
        """
            .replace("KEY", key);
    server
        .engine()
        .deploymentService()
        .deploy(NewDeployment.of(Map.of(key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8))));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String rowAt(String instance, String activityId, String column) {
    return db.database()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT "
                            + column
                            + " FROM tern_execution WHERE process_instance_id = :pi"
                            + " AND activity_id = :a")
                    .bind("pi", instance)
                    .bind("a", activityId)
                    .mapTo(String.class)
                    .one());
  }

  @Test
  void theSubProcessScopeExecutionHoldsItsLocalsUntilItEnds() {
    String instance =
        server.engine().runtimeService().startProcessInstanceByKey(key, null, null, Map.of("g", 1)).id();
    String scope = rowAt(instance, "sub", "scope_execution_id");
    String subInstance = rowAt(instance, "sub", "activity_instance_id");

    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("value", "L", "type", "String"))
        .put("/execution/{id}/localVariables/{name}", scope, "y")
        .then()
        .statusCode(204);
    server
        .given()
        .get("/execution/{id}/localVariables", scope)
        .then()
        .statusCode(200)
        .body("x.value", equalTo("in"))
        .body("y.value", equalTo("L"))
        .body("g", equalTo(null));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("modifications", Map.of("z", Map.of("value", 5, "type", "Integer")),
            "deletions", List.of()))
        .post("/execution/{id}/localVariables", scope)
        .then()
        .statusCode(204);
    server
        .given()
        .get("/execution/{id}/localVariables/{name}", scope, "z")
        .then()
        .statusCode(200)
        .body("value", equalTo(5));
    server
        .given()
        .delete("/execution/{id}/localVariables/{name}", scope, "z")
        .then()
        .statusCode(204);
    server
        .given()
        .get("/execution/{id}/localVariables", instance)
        .then()
        .statusCode(200)
        .body("keySet()", contains("g"));
    server
        .given()
        .queryParam("executionIdIn", scope)
        .queryParam("sortBy", "variableName")
        .queryParam("sortOrder", "asc")
        .get("/variable-instance")
        .then()
        .statusCode(200)
        .body("name", contains("x", "y"))
        .body("executionId", contains(scope, scope))
        .body("activityInstanceId", contains(subInstance, subInstance));
    server
        .given()
        .queryParam("activityInstanceIdIn", subInstance)
        .get("/variable-instance/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(2));

    server
        .given()
        .queryParam("processInstanceId", instance)
        .queryParam("taskDefinitionKey", "inner")
        .get("/task")
        .then()
        .statusCode(200)
        .body("", hasSize(1));
    String innerTask =
        server
            .given()
            .queryParam("processInstanceId", instance)
            .queryParam("taskDefinitionKey", "inner")
            .get("/task")
            .then()
            .extract()
            .path("[0].id");
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post("/task/{id}/complete", innerTask)
        .then()
        .statusCode(204);

    server
        .given()
        .queryParam("processInstanceIdIn", instance)
        .queryParam("sortBy", "variableName")
        .queryParam("sortOrder", "asc")
        .get("/variable-instance")
        .then()
        .statusCode(200)
        .body("name", contains("g", "out"))
        .body("value", contains(1, "inL"));
    server
        .given()
        .queryParam("processInstanceId", instance)
        .queryParam("variableName", "y")
        .get("/history/variable-instance")
        .then()
        .statusCode(200)
        .body("state", contains("CREATED"))
        .body("executionId", contains(scope))
        .body("activityInstanceId", contains(subInstance));
  }

  /**
   * Deploys a process {@code processKey} (body: its elements, with message {@code m} named
   * {@code processKey-message}), starts it and sends that message with the given variables.
   */
  private String startAndCorrelate(String processKey, String body, Map<String, Object> variables) {
    server.deployProcess(
        processKey,
        "<message id=\"m\" name=\"" + processKey + "-message\"/>",
        "<startEvent id=\"start\"/>" + body);
    String instance =
        server.engine().runtimeService().startProcessInstanceByKey(processKey, null, null, Map.of()).id();
    Map<String, Object> message = new java.util.HashMap<>(variables);
    message.put("messageName", processKey + "-message");
    message.put("processInstanceId", instance);
    server.given().contentType(ContentType.JSON).body(message).post("/message").then().statusCode(204);
    return instance;
  }

  @Test
  void aMessageStartingAnEventSubProcessSetsTheTriggeredScopesLocals() {
    String instance =
        startAndCorrelate(
            key + "e",
            """
            <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
            <userTask id="wait"/>
            <subProcess id="events" triggeredByEvent="true">
              <startEvent id="onMessage" isInterrupting="false">
                <messageEventDefinition messageRef="m"/>
              </startEvent>
              <sequenceFlow id="e1" sourceRef="onMessage" targetRef="handle"/>
              <userTask id="handle"/>
            </subProcess>
            """,
            Map.of(
                "processVariablesLocal", Map.of("loc", Map.of("value", "L")),
                "processVariablesToTriggeredScope", Map.of("trig", Map.of("value", "T"))));

    // the event sub-process's scope execution, where its task waits (Camunda 7.24's)
    String scope = rowAt(instance, "events", "scope_execution_id");
    String scopeInstance = rowAt(instance, "events", "activity_instance_id");
    server
        .given()
        .queryParam("processInstanceIdIn", instance)
        .queryParam("sortBy", "variableName")
        .queryParam("sortOrder", "asc")
        .get("/variable-instance")
        .then()
        .statusCode(200)
        .body("name", contains("loc", "trig"))
        .body("executionId", contains(instance, scope))
        .body("activityInstanceId", contains(instance, scopeInstance));
    server
        .given()
        .get("/execution/{id}/localVariables", scope)
        .then()
        .statusCode(200)
        .body("trig.value", equalTo("T"));
  }

  @Test
  void aNonInterruptingMessageBoundaryKeepsTheLocalsOnTheTasksExecutionUntilTheTaskEnds() {
    String instance =
        startAndCorrelate(
            key + "b",
            """
            <sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
            <userTask id="work"/>
            <sequenceFlow id="f2" sourceRef="work" targetRef="end"/>
            <endEvent id="end"/>
            <boundaryEvent id="ping" attachedToRef="work" cancelActivity="false">
              <messageEventDefinition messageRef="m"/>
            </boundaryEvent>
            <sequenceFlow id="f3" sourceRef="ping" targetRef="follow"/>
            <userTask id="follow"/>
            """,
            Map.of("processVariablesLocal", Map.of("loc", Map.of("value", "L"))));

    String work = rowAt(instance, "work", "id");
    String workInstance = rowAt(instance, "work", "activity_instance_id");
    server
        .given()
        .queryParam("processInstanceIdIn", instance)
        .get("/variable-instance")
        .then()
        .statusCode(200)
        .body("name", contains("loc"))
        .body("executionId", contains(work))
        .body("activityInstanceId", contains(workInstance));

    String task =
        server
            .given()
            .queryParam("processInstanceId", instance)
            .queryParam("taskDefinitionKey", "work")
            .get("/task")
            .then()
            .statusCode(200)
            .extract()
            .path("[0].id");
    server.given().contentType(ContentType.JSON).body(Map.of()).post("/task/{id}/complete", task)
        .then().statusCode(204);

    server
        .given()
        .queryParam("processInstanceIdIn", instance)
        .get("/variable-instance")
        .then()
        .statusCode(200)
        .body("$", hasSize(0));
  }
}
