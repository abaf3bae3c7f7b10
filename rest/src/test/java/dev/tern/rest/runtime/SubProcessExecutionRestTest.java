package dev.tern.rest.runtime;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded sub-process's scope execution over HTTP, as the Camunda 7.24 reference server
 * answered for the differential's nested order (docs/differential.md, cases 99–102): the task
 * inside waits in it, and the sub-process's activity instance, history row, boundary timer job and
 * input variable name it.
 */
@DatabaseTest
class SubProcessExecutionRestTest {

  private final MutableClock clock =
      MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05.678Z"));
  private final RestTestServer server;
  /** Unique per test: the tests of one class share a database. */
  private final String key = "s" + UUID.randomUUID().toString().substring(0, 8);

  SubProcessExecutionRestTest(TestDatabase db) {
    this.server = RestTestServer.start(db, clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theSubProcessAndItsTaskNameTheSubProcesssScopeExecution() {
    server.deployProcess(
        key,
        "",
        """
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="pack"/>
        <subProcess id="pack">
          <extensionElements><camunda:inputOutput>
            <camunda:inputParameter name="box">small</camunda:inputParameter>
          </camunda:inputOutput></extensionElements>
          <startEvent id="packStart"/>
          <sequenceFlow id="p1" sourceRef="packStart" targetRef="check"/>
          <userTask id="check"/>
          <sequenceFlow id="p2" sourceRef="check" targetRef="packEnd"/>
          <endEvent id="packEnd"/>
        </subProcess>
        <boundaryEvent id="late" attachedToRef="pack">
          <timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>
        </boundaryEvent>
        <sequenceFlow id="f2" sourceRef="pack" targetRef="end"/>
        <sequenceFlow id="f3" sourceRef="late" targetRef="end"/>
        <endEvent id="end"/>
        """);
    String instance =
        server.engine().runtimeService().startProcessInstanceByKey(key, null, null, Map.of()).id();

    String scope =
        server
            .given()
            .queryParam("processInstanceId", instance)
            .get("/task")
            .then()
            .statusCode(200)
            .extract()
            .path("[0].executionId");
    server
        .given()
        .queryParam("processInstanceId", instance)
        .get("/execution")
        .then()
        .statusCode(200)
        .body("id", containsInAnyOrder(instance, scope));
    server
        .given()
        .get("/process-instance/{id}/activity-instances", instance)
        .then()
        .statusCode(200)
        .body("executionIds", contains(instance))
        .body("childActivityInstances[0].activityId", equalTo("pack"))
        .body("childActivityInstances[0].executionIds", contains(scope))
        .body("childActivityInstances[0].childActivityInstances[0].executionIds", contains(scope));
    server
        .given()
        .queryParam("processInstanceId", instance)
        .queryParam("activityId", "pack")
        .get("/history/activity-instance")
        .then()
        .statusCode(200)
        .body("executionId", contains(scope));
    server
        .given()
        .queryParam("processInstanceId", instance)
        .get("/job")
        .then()
        .statusCode(200)
        .body("executionId", contains(scope));
    server
        .given()
        .queryParam("processInstanceIdIn", instance)
        .get("/variable-instance")
        .then()
        .statusCode(200)
        .body("name", contains("box"))
        .body("executionId", contains(scope));
    server
        .given()
        .get("/execution/{id}/localVariables", scope)
        .then()
        .statusCode(200)
        .body("box.value", equalTo("small"));
  }
}
