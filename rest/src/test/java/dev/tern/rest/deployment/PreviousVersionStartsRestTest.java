package dev.tern.rest.deployment;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;

import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.deployment.ProcessDefinition;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code DELETE /deployment/{id}} of a definition's latest version, as the Camunda 7.24 reference
 * answers: the previous version's message start subscription is back in {@code
 * /event-subscription} and its timer start job in {@code /job}, due one cycle from now.
 */
@DatabaseTest
class PreviousVersionStartsRestTest {

  private final RestTestServer server;
  /** Unique per test: the tests of one class run share a database. */
  private final String key = "v" + UUID.randomUUID().toString().substring(0, 8);

  PreviousVersionStartsRestTest(TestDatabase db) {
    this.server =
        RestTestServer.start(db, MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05.678Z")));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ProcessDefinition deploy(String message) {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <message id="m" name="MESSAGE"/>
          <process id="KEY" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="byMessage"><messageEventDefinition messageRef="m"/></startEvent>
            <startEvent id="byTimer"><timerEventDefinition><timeCycle>R/PT1H</timeCycle></timerEventDefinition></startEvent>
            <sequenceFlow id="f1" sourceRef="byMessage" targetRef="work"/>
            <sequenceFlow id="f2" sourceRef="byTimer" targetRef="work"/>
            <userTask id="work"/>
          </process>
        </definitions>
        """
            .replace("KEY", key)
            .replace("MESSAGE", message);
    return server
        .engine()
        .deploymentService()
        .deploy(NewDeployment.of(Map.of(key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8))))
        .deployedProcessDefinitions()
        .get(0);
  }

  private io.restassured.response.ValidatableResponse placedSubscriptions() {
    return server
        .given()
        .queryParam("eventName", key + "-placed")
        .get("/event-subscription")
        .then()
        .statusCode(200);
  }

  @Test
  void deletingTheLatestVersionBringsBackThePreviousVersionsMessageAndTimerStarts() {
    ProcessDefinition first = deploy(key + "-placed");
    ProcessDefinition second = deploy(key + "-ordered");
    placedSubscriptions().body("$", hasSize(0));

    server.given().queryParam("cascade", true).delete("/deployment/{id}", second.deploymentId())
        .then().statusCode(204);

    placedSubscriptions()
        .body("activityId", contains("byMessage"))
        .body("eventType", contains("message"));
    server
        .given()
        .queryParam("processDefinitionKey", key)
        .get("/job")
        .then()
        .statusCode(200)
        .body("processDefinitionId", contains(first.id()))
        .body("dueDate", contains("2026-01-02T04:04:05.678+0000"));
  }
}
