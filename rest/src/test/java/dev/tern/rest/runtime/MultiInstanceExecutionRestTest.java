package dev.tern.rest.runtime;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A parallel multi-instance user task over HTTP, as the Camunda 7.24 reference answers: {@code
 * /execution} lists the instance, the body's scope execution and one execution per inner
 * instance; the activity-instance tree names the body's execution and each task's. The loop's
 * variables are variable instances: the counts of the body's execution, the loop counter of each
 * instance's, with their history and updates.
 */
@DatabaseTest
class MultiInstanceExecutionRestTest {

  private final RestTestServer server;
  private final String key = "mi" + UUID.randomUUID().toString().substring(0, 8);

  MultiInstanceExecutionRestTest(TestDatabase db) {
    this.server =
        RestTestServer.start(db, MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05.678Z")));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Starts an instance of a parallel user task {@code act} with two instances, then {@code after}. */
  private String startTwoReviews() {
    server.deployProcess(
        key,
        "",
        """
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="act"/>
        <userTask id="act">
          <multiInstanceLoopCharacteristics isSequential="false">
            <loopCardinality>2</loopCardinality>
          </multiInstanceLoopCharacteristics>
        </userTask>
        <sequenceFlow id="f2" sourceRef="act" targetRef="after"/>
        <userTask id="after"/>
        """);
    return server.engine().runtimeService().startProcessInstanceByKey(key, null, null, Map.of()).id();
  }

  @Test
  void theBodyAndEachInstanceAreExecutionsOfTheirOwn() {
    String instance = startTwoReviews();

    List<String> taskExecutions =
        server
            .given()
            .queryParam("processInstanceId", instance)
            .get("/task")
            .then()
            .statusCode(200)
            .body("$", hasSize(2))
            .extract()
            .path("executionId");
    String body =
        server
            .given()
            .get("/process-instance/{id}/activity-instances", instance)
            .then()
            .statusCode(200)
            .body("childActivityInstances.activityId", contains("act#multiInstanceBody"))
            .body("childActivityInstances[0].executionIds", hasSize(1))
            .body("childActivityInstances[0].executionIds", not(contains(instance)))
            .body(
                "childActivityInstances[0].childActivityInstances.executionIds.flatten()",
                containsInAnyOrder(taskExecutions.toArray()))
            .extract()
            .path("childActivityInstances[0].executionIds[0]");

    server
        .given()
        .queryParam("processInstanceId", instance)
        .get("/execution")
        .then()
        .statusCode(200)
        .body("id", containsInAnyOrder(instance, body, taskExecutions.get(0), taskExecutions.get(1)));
  }

  @Test
  void theCountsAndLoopCountersAreVariableInstancesOfTheBodyAndEachInstance() {
    String instance = startTwoReviews();
    io.restassured.path.json.JsonPath tree =
        server.given().get("/process-instance/{id}/activity-instances", instance).jsonPath();
    String body = tree.getString("childActivityInstances[0].executionIds[0]");
    String bodyInstance = tree.getString("childActivityInstances[0].id");
    List<String> taskIds =
        server.given().queryParam("processInstanceId", instance).get("/task").then().extract().path("id");
    String firstExecution =
        server.given().get("/task/{id}", taskIds.get(0)).then().extract().path("executionId");

    server
        .given()
        .queryParam("processInstanceIdIn", instance)
        .queryParam("variableName", "nrOfInstances")
        .get("/variable-instance")
        .then()
        .statusCode(200)
        .body("executionId", contains(body))
        .body("activityInstanceId", contains(bodyInstance))
        .body("value", contains(2))
        .body("type", contains("Integer"));
    server
        .given()
        .get("/execution/{id}/localVariables", body)
        .then()
        .statusCode(200)
        .body("nrOfActiveInstances.value", equalTo(2))
        .body("nrOfCompletedInstances.value", equalTo(0));
    Integer counter =
        server
            .given()
            .get("/execution/{id}/localVariables", firstExecution)
            .then()
            .statusCode(200)
            .body("loopCounter.type", equalTo("Integer"))
            .extract()
            .path("loopCounter.value");

    server.given().contentType("application/json").body("{}").post("/task/{id}/complete", taskIds.get(0))
        .then().statusCode(204);

    server
        .given()
        .queryParam("processInstanceIdIn", instance)
        .queryParam("variableName", "loopCounter")
        .get("/variable-instance")
        .then()
        .statusCode(200)
        .body("value", contains(1 - counter));
    server
        .given()
        .queryParam("processInstanceId", instance)
        .queryParam("variableName", "loopCounter")
        .get("/history/variable-instance")
        .then()
        .statusCode(200)
        .body("value", containsInAnyOrder(0, 1))
        .body("activityInstanceId", contains(bodyInstance, bodyInstance))
        .body("state", contains("CREATED", "CREATED"));
    server
        .given()
        .queryParam("processInstanceId", instance)
        .queryParam("variableNameLike", "nrOfCompletedInstances")
        .get("/history/detail")
        .then()
        .statusCode(200)
        .body("revision", containsInAnyOrder(0, 1))
        .body("value", containsInAnyOrder(0, 1))
        .body("executionId", contains(body, body));
  }
}
