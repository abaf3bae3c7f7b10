package dev.tern.rest.message;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

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

/** {@code POST /process-instance/message-async} over HTTP, checked against openapi.json. */
@DatabaseTest
class MessageAsyncRestTest {

  private final RestTestServer server;
  /** Unique per test: the tests of one class run share a database. */
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String key = "order" + suffix;
  private final String paid = "paid" + suffix;

  MessageAsyncRestTest(TestDatabase db) {
    this.server = RestTestServer.builder(db).engine(b -> b.startJobExecutor(false)).start();
  }

  @BeforeEach
  void deploy() {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <message id="m1" name="PAID"/>
          <process id="KEY" isExecutable="true" camunda:historyTimeToLive="30">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="waitForPayment"/>
            <intermediateCatchEvent id="waitForPayment"><messageEventDefinition messageRef="m1"/></intermediateCatchEvent>
            <sequenceFlow id="f2" sourceRef="waitForPayment" targetRef="ship"/>
            <userTask id="ship"/>
          </process>
        </definitions>
        """
            .replace("KEY", key)
            .replace("PAID", paid);
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

  private void runJobs() {
    while (server.engine().jobExecutor().executeDueJobs() > 0) {
      // seed, batch and monitor jobs
    }
  }

  @Test
  void aCorrelateMessageBatchMovesTheSelectedInstancesAndSetsTheVariables() {
    String byId = start();
    String byQuery = start();

    String batchId =
        server.given().contentType(ContentType.JSON)
            .body(
                Map.of(
                    "messageName", paid,
                    "processInstanceIds", List.of(byId),
                    "processInstanceQuery", Map.of("processDefinitionKey", key),
                    "variables", Map.of("amount", Map.of("value", 42, "type", "Integer"))))
            .post("/process-instance/message-async")
            .then().statusCode(200)
            .body("type", equalTo("correlate-message"))
            .body("totalJobs", equalTo(1))
            .body("seedJobDefinitionId", notNullValue())
            .extract().path("id");
    server.given().queryParam("batchId", batchId).get("/batch").then().statusCode(200)
        .body("[0].type", equalTo("correlate-message"));

    runJobs();

    for (String instance : List.of(byId, byQuery)) {
      server.given().queryParam("processInstanceId", instance).get("/task").then()
          .statusCode(200).body("", hasSize(1)).body("[0].taskDefinitionKey", equalTo("ship"));
      server.given().get("/process-instance/{id}/variables/amount", instance).then()
          .statusCode(200).body("value", equalTo(42));
    }
    server.given().queryParam("batchId", batchId).get("/history/batch").then().statusCode(200)
        .body("[0].endTime", notNullValue());
  }

  @Test
  void mistakesAnswer400InCamundasWordsAndCreateNoBatch() {
    String instance = start();

    server.givenInvalidRequest().contentType(ContentType.JSON).body(Map.of("messageName", paid))
        .post("/process-instance/message-async").then().statusCode(400)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("No process instances found."));
    server.given().contentType(ContentType.JSON)
        .body(Map.of("messageName", paid, "processInstanceIds", List.of()))
        .post("/process-instance/message-async").then().statusCode(400)
        .body("type", equalTo("BadUserRequestException"))
        .body("message", equalTo("Process instance ids cannot be empty: process instance ids is empty"));
    server.given().contentType(ContentType.JSON)
        .body(
            Map.of(
                "messageName", paid,
                "processInstanceIds", List.of(instance),
                "variables", Map.of("amount", Map.of("value", "x", "type", "Integer"))))
        .post("/process-instance/message-async").then().statusCode(400)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo(
            "Cannot set variables: Cannot convert value 'x' of type 'Integer' to java type java.lang.Integer"));

    server.given().queryParam("type", "correlate-message").get("/batch/count").then()
        .statusCode(200).body("count", equalTo(0));
  }
}
