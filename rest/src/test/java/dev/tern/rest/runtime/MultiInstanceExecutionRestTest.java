package dev.tern.rest.runtime;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
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
 * instance; the activity-instance tree names the body's execution and each task's.
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

  @Test
  void theBodyAndEachInstanceAreExecutionsOfTheirOwn() {
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
        """);
    String instance =
        server.engine().runtimeService().startProcessInstanceByKey(key, null, null, Map.of()).id();

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
}
