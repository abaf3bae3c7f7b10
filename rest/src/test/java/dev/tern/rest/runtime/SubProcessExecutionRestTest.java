package dev.tern.rest.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded sub-process's scope execution over HTTP, as the Camunda 7.24 reference server
 * answered for the differential's nested order (docs/differential.md, cases 99–102): the task
 * inside waits in it, and the sub-process's activity instance, history row, boundary timer job and
 * input variable name it; and the executions of an event sub-process.
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
    activityInstances(instance)
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

  private String taskExecution(String instance, String activityId) {
    return server
        .given()
        .queryParam("processInstanceId", instance)
        .queryParam("taskDefinitionKey", activityId)
        .get("/task")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .extract()
        .path("[0].executionId");
  }

  private ValidatableResponse activityInstances(String instance) {
    return server
        .given()
        .get("/process-instance/{id}/activity-instances", instance)
        .then()
        .statusCode(200);
  }

  private void completeTask(String instance, String activityId) {
    String task =
        server
            .given()
            .queryParam("processInstanceId", instance)
            .queryParam("taskDefinitionKey", activityId)
            .get("/task")
            .then()
            .extract()
            .path("[0].id");
    server.given().contentType("application/json").body("{}").post("/task/{id}/complete", task)
        .then().statusCode(204);
  }

  private List<String> executionIds(String instance) {
    return server
        .given()
        .queryParam("processInstanceId", instance)
        .get("/execution")
        .then()
        .statusCode(200)
        .extract()
        .path("id");
  }

  /**
   * A non-interrupting event sub-process, as the Camunda 7.24 reference server answered for the
   * same model ("espN"): after the message, {@code /execution} lists four executions (the instance,
   * task A's concurrent execution, the event sub-process's concurrent execution and its scope
   * execution); the instance's activity instance names the instance and the event sub-process's
   * concurrent execution; when the event sub-process ends, A's task names the instance again.
   */
  @Test
  void aNonInterruptingEventSubProcessRunsInConcurrentAndScopeExecutions() {
    server.deployProcess(
        key,
        "<message id=\"m\" name=\"" + key + "-cancel\"/>",
        """
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="a"/>
        <userTask id="a"/>
        <sequenceFlow id="f2" sourceRef="a" targetRef="end"/>
        <endEvent id="end"/>
        <subProcess id="esp" triggeredByEvent="true">
          <startEvent id="espStart" isInterrupting="false"><messageEventDefinition messageRef="m"/></startEvent>
          <sequenceFlow id="e1" sourceRef="espStart" targetRef="x"/>
          <userTask id="x"/>
          <sequenceFlow id="e2" sourceRef="x" targetRef="espEnd"/>
          <endEvent id="espEnd"/>
        </subProcess>
        """);
    String instance =
        server.engine().runtimeService().startProcessInstanceByKey(key, null, null, Map.of()).id();

    server
        .given()
        .contentType("application/json")
        .body(Map.of("messageName", key + "-cancel", "processInstanceId", instance))
        .post("/message")
        .then()
        .statusCode(204);

    String pathA = taskExecution(instance, "a");
    String scope = taskExecution(instance, "x");
    List<String> listed = executionIds(instance);
    assertThat(listed).hasSize(4);
    List<String> others = new ArrayList<>(listed);
    others.removeAll(List.of(instance, pathA, scope));
    JsonPath tree =
        activityInstances(instance)
            .extract()
            .jsonPath();
    assertThat(others).hasSize(1);
    assertThat(tree.getList("executionIds", String.class))
        .containsExactly(instance, others.get(0));
    assertThat(
            tree.getList("childActivityInstances.find { it.activityId == 'a' }.executionIds", String.class))
        .containsExactly(pathA);
    assertThat(
            tree.getList("childActivityInstances.find { it.activityId == 'esp' }.executionIds", String.class))
        .containsExactly(scope);
    server
        .given()
        .queryParam("processInstanceId", instance)
        .queryParam("activityId", "esp")
        .get("/history/activity-instance")
        .then()
        .statusCode(200)
        .body("executionId", contains(scope));

    completeTask(instance, "x");

    assertThat(executionIds(instance)).containsExactly(instance);
    activityInstances(instance)
        .body("executionIds", contains(instance))
        .body("childActivityInstances[0].activityId", equalTo("a"))
        .body("childActivityInstances[0].executionIds", contains(instance));
  }

  /**
   * A non-interrupting message boundary event, as the reference answered for model "nib": the
   * boundary event's path runs in a concurrent execution, the task's own execution hangs below
   * another one, which the instance's activity instance lists; when the path ends, the task's
   * execution is the instance's only child again.
   */
  @Test
  void aNonInterruptingBoundaryEventsPathRunsInAConcurrentExecution() {
    server.deployProcess(
        key,
        "<message id=\"m\" name=\"" + key + "-remind\"/>",
        """
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="a"/>
        <userTask id="a"/>
        <sequenceFlow id="f2" sourceRef="a" targetRef="end"/>
        <endEvent id="end"/>
        <boundaryEvent id="remind" attachedToRef="a" cancelActivity="false">
          <messageEventDefinition messageRef="m"/>
        </boundaryEvent>
        <sequenceFlow id="f3" sourceRef="remind" targetRef="y"/>
        <userTask id="y"/>
        <sequenceFlow id="f4" sourceRef="y" targetRef="endY"/>
        <endEvent id="endY"/>
        """);
    String instance =
        server.engine().runtimeService().startProcessInstanceByKey(key, null, null, Map.of()).id();
    String ownOfA = taskExecution(instance, "a");

    server
        .given()
        .contentType("application/json")
        .body(Map.of("messageName", key + "-remind", "processInstanceId", instance))
        .post("/message")
        .then()
        .statusCode(204);

    String pathY = taskExecution(instance, "y");
    List<String> listed = executionIds(instance);
    assertThat(listed).hasSize(4).contains(instance, ownOfA, pathY);
    List<String> others = new ArrayList<>(listed);
    others.removeAll(List.of(instance, ownOfA, pathY));
    activityInstances(instance).body("executionIds", contains(instance, others.get(0)));

    completeTask(instance, "y");

    assertThat(executionIds(instance)).containsExactlyInAnyOrder(instance, ownOfA);
    activityInstances(instance).body("executionIds", contains(instance));
  }
}
