package dev.tern.rest.message;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

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
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A timer start event's job and job definition as {@code GET /job} and {@code /job-definition} show them. */
@DatabaseTest
class TimerStartJobRestTest {

  private final RestTestServer server;
  private final String key = "timed" + UUID.randomUUID().toString().substring(0, 8);

  TimerStartJobRestTest(TestDatabase db) {
    this.server =
        RestTestServer.start(db, MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05Z")));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theTimerOfALatestDefinitionIsAJobWithoutInstance() {
    String xml =
        Bpmn.convertToString(
            Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1)
                .startEvent("tick")
                .timerWithCycle("R/PT1H")
                .userTask("work")
                .endEvent()
                .done());
    ProcessDefinition definition =
        server
            .engine()
            .deploymentService()
            .deploy(NewDeployment.of(Map.of(key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8))))
            .deployedProcessDefinitions()
            .get(0);

    server
        .given()
        .queryParam("processDefinitionId", definition.id())
        .get("/job")
        .then()
        .statusCode(200)
        .body("", hasSize(1))
        .body("[0].processInstanceId", nullValue())
        .body("[0].executionId", nullValue())
        .body("[0].processDefinitionKey", equalTo(key))
        .body("[0].dueDate", equalTo("2026-01-02T04:04:05.000+0000"));
    server
        .given()
        .queryParam("processDefinitionId", definition.id())
        .get("/job-definition")
        .then()
        .statusCode(200)
        .body("", hasSize(1))
        .body("[0].jobType", equalTo("timer-start-event"))
        .body("[0].jobConfiguration", equalTo("CYCLE: R/PT1H"))
        .body("[0].activityId", equalTo("tick"))
        // as Camunda 7.24, which sets no deployment on a process's job definitions
        .body("[0].deploymentId", nullValue());
  }
}
