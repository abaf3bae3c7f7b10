package dev.tern.rest.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /signal} over HTTP, checked against openapi.json. */
@DatabaseTest
class SignalRestTest {

  private final RestTestServer server;
  /** Unique per test: the tests of one class run share a database. */
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String key = "listener" + suffix;
  private final String signal = "alarm" + suffix;

  SignalRestTest(TestDatabase db) {
    this.server = RestTestServer.start(db);
  }

  @BeforeEach
  void deploy() {
    String xml =
        Bpmn.convertToString(
            Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .intermediateCatchEvent("wait")
                .signal(signal)
                .userTask("after")
                .endEvent()
                .done());
    server
        .engine()
        .deploymentService()
        .deploy(NewDeployment.of(Map.of(key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8))));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String start() {
    return server.engine().runtimeService().startProcessInstanceByKey(key, null, null, Map.of()).id();
  }

  private long waiting() {
    return ((Number)
            server
                .given()
                .queryParam("eventName", signal)
                .get("/event-subscription/count")
                .then()
                .statusCode(200)
                .extract()
                .path("count"))
        .longValue();
  }

  private Map<String, Object> body(Object... pairs) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      body.put((String) pairs[i], pairs[i + 1]);
    }
    return body;
  }

  @Test
  void aSignalWithVariablesMovesEveryWaitingInstance() {
    String first = start();
    start();

    server
        .given()
        .contentType(ContentType.JSON)
        .body(body("name", signal, "variables", Map.of("level", Map.of("value", 3, "type", "Integer"))))
        .post("/signal")
        .then()
        .statusCode(204);

    assertThat(waiting()).isZero();
    assertThat(server.engine().processInstances().variable(first, "level").orElseThrow().value())
        .isEqualTo(3);
  }

  @Test
  void aSignalToOneExecutionMovesOnlyIt() {
    String first = start();
    start();
    // the catch event waits in an execution of its own, as the Camunda 7.24 reference server answered
    String waitingExecution =
        server
            .given()
            .queryParam("processInstanceId", first)
            .queryParam("eventName", signal)
            .get("/event-subscription")
            .then()
            .statusCode(200)
            .extract()
            .path("[0].executionId");

    server
        .given()
        .contentType(ContentType.JSON)
        .body(body("name", signal, "executionId", waitingExecution))
        .post("/signal")
        .then()
        .statusCode(204);

    assertThat(waiting()).isEqualTo(1);
  }

  @Test
  void mistakesAnswer400AndChangeNothing() {
    String first = start();

    server
        .givenInvalidRequest()
        .contentType(ContentType.JSON)
        .body(body("executionId", first))
        .post("/signal")
        .then()
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("No signal name given"));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(body("name", signal, "executionId", first, "tenantId", "t1"))
        .post("/signal")
        .then()
        .statusCode(400)
        .body("type", equalTo("BadUserRequestException"))
        .body("message", equalTo("ENGINE-13027 Cannot specify a tenant-id when deliver a signal to a single execution."));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(body("name", "other" + suffix, "executionId", first))
        .post("/signal")
        .then()
        .statusCode(400)
        .body(
            "message",
            equalTo("Execution '" + first + "' has not subscribed to a signal event with name 'other" + suffix + "'."));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(body("name", signal, "variables", Map.of("level", Map.of("value", "x", "type", "Integer"))))
        .post("/signal")
        .then()
        .statusCode(400)
        .body("message", startsWith("Cannot deliver signal: "));

    assertThat(waiting()).isEqualTo(1);
  }

  private io.restassured.response.ValidatableResponse deployThrower(String signalDefinition) {
    String xml =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <signal id="sig" name="%s"/>
          <process id="thrower%s" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="send"/>
            <intermediateThrowEvent id="send">%s</intermediateThrowEvent>
            <sequenceFlow id="f2" sourceRef="send" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """
            .formatted(signal, suffix, signalDefinition);
    return server
        .given()
        .contentType("multipart/form-data")
        .multiPart("deployment-name", "thrower")
        .multiPart("data", "thrower.bpmn", xml.getBytes(StandardCharsets.UTF_8), "application/octet-stream")
        .post("/deployment/create")
        .then();
  }

  @Test
  void theInVariablesOfAThrownSignalShowOnTheCatcherAndAnAsynchronousThrowIsRefused() {
    String waiting = start();
    deployThrower(
            "<signalEventDefinition signalRef=\"sig\"><extensionElements>"
                + "<camunda:in source=\"order\" target=\"orderId\"/>"
                + "</extensionElements></signalEventDefinition>")
        .statusCode(200);

    server
        .given()
        .contentType(ContentType.JSON)
        .body(body("variables", Map.of("order", Map.of("value", "o-7", "type", "String"))))
        .post("/process-definition/key/{key}/start", "thrower" + suffix)
        .then()
        .statusCode(200);

    assertThat(waiting()).isZero();
    server
        .given()
        .get("/process-instance/{id}/variables/orderId", waiting)
        .then()
        .statusCode(200)
        .body("value", equalTo("o-7"));
    deployThrower("<signalEventDefinition signalRef=\"sig\" camunda:async=\"true\"/>")
        .statusCode(400)
        .body("type", equalTo("ParseException"))
        .body(
            "message",
            org.hamcrest.Matchers.containsString(
                "Signal event 'send' throws its signal asynchronously (camunda:async=\"true\")"));
  }
}
