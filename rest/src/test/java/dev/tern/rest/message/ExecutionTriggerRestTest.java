package dev.tern.rest.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /execution/{id}/signal} and {@code /execution/{id}/messageSubscriptions/{name}} over
 * HTTP, checked against openapi.json; the answers are those of the Camunda 7.24 reference server
 * for the same model, except that Tern answers its 500s for client mistakes with 400 and the same
 * message.
 */
@DatabaseTest
class ExecutionTriggerRestTest {

  private final RestTestServer server;
  /** Unique per test: the tests of one class share a database. */
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String key = "triggers" + suffix;
  private final String messageA = "msgA" + suffix;

  ExecutionTriggerRestTest(TestDatabase db) {
    this.server = RestTestServer.start(db);
  }

  @BeforeEach
  void deploy() {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\">"
            + "<message id=\"a\" name=\"" + messageA + "\"/>"
            + "<process id=\"" + key + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
            + "<startEvent id=\"s\"/><sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"recv\"/>"
            + "<receiveTask id=\"recv\" messageRef=\"a\"/>"
            + "<sequenceFlow id=\"f2\" sourceRef=\"recv\" targetRef=\"plain\"/>"
            + "<receiveTask id=\"plain\"/>"
            + "<sequenceFlow id=\"f3\" sourceRef=\"plain\" targetRef=\"e\"/><endEvent id=\"e\"/>"
            + "</process></definitions>";
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

  private String executionAt(String processInstanceId, String activityId) {
    List<String> ids =
        server
            .given()
            .queryParam("processInstanceId", processInstanceId)
            .queryParam("activityId", activityId)
            .get("/execution")
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    assertThat(ids).hasSize(1);
    return ids.get(0);
  }

  @Test
  void aMessageSubscriptionIsReadAndTriggeredWithVariables() {
    String instance = start();
    String waiting = executionAt(instance, "recv");

    server
        .given()
        .get("/execution/{id}/messageSubscriptions/{name}", waiting, messageA)
        .then()
        .statusCode(200)
        .body("eventType", equalTo("message"))
        .body("eventName", equalTo(messageA))
        .body("executionId", equalTo(waiting))
        .body("processInstanceId", equalTo(instance))
        .body("activityId", equalTo("recv"));

    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("variables", Map.of("amount", Map.of("value", 7, "type", "Integer"))))
        .post("/execution/{id}/messageSubscriptions/{name}/trigger", waiting, messageA)
        .then()
        .statusCode(204);

    assertThat(executionAt(instance, "plain")).isNotBlank();
    assertThat(server.engine().processInstances().variable(instance, "amount").orElseThrow().value())
        .isEqualTo(7);
  }

  @Test
  void aSignalMovesTheTokenOnAndWithoutABodyMeansNoVariables() {
    String instance = start();

    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("variables", Map.of("note", Map.of("value", "skipped"))))
        .post("/execution/{id}/signal", executionAt(instance, "recv"))
        .then()
        .statusCode(204);
    server
        .given()
        .contentType(ContentType.JSON)
        .post("/execution/{id}/signal", executionAt(instance, "plain"))
        .then()
        .statusCode(204);

    server
        .given()
        .get("/history/process-instance/{id}", instance)
        .then()
        .statusCode(200)
        .body("state", equalTo("COMPLETED"));
    server
        .given()
        .queryParam("processInstanceId", instance)
        .queryParam("variableName", "note")
        .get("/history/variable-instance")
        .then()
        .statusCode(200)
        .body("value", equalTo(List.of("skipped")));
  }

  @Test
  void mistakesAreClientErrorsInCamundasWordsAndMoveNothing() {
    String instance = start();
    String waiting = executionAt(instance, "recv");

    server
        .given()
        .get("/execution/{id}/messageSubscriptions/{name}", waiting, "other")
        .then()
        .statusCode(404)
        .body("type", equalTo("InvalidRequestException"))
        .body(
            "message",
            equalTo("Message event subscription for execution " + waiting + " named other does not exist"));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("variables", Map.of("x", Map.of("value", 1))))
        .post("/execution/{id}/messageSubscriptions/{name}/trigger", waiting, "other")
        .then()
        .statusCode(400)
        .body(
            "message",
            equalTo(
                "Cannot trigger message other for execution "
                    + waiting
                    + ": Execution with id '"
                    + waiting
                    + "' does not have a subscription to a message event with name 'other'"));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post("/execution/{id}/signal", "unknown" + suffix)
        .then()
        .statusCode(400)
        .body(
            "message",
            equalTo("Cannot signal execution unknown" + suffix + ": execution unknown" + suffix + " doesn't exist"));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("variables", Map.of("x", Map.of("value", "NaN", "type", "Integer"))))
        .post("/execution/{id}/signal", waiting)
        .then()
        .statusCode(400);

    assertThat(executionAt(instance, "recv")).isEqualTo(waiting);
    assertThat(server.engine().processInstances().variable(instance, "x")).isEmpty();
  }
}
