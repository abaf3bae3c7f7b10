package dev.tern.rest.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /message} and {@code GET /event-subscription} over HTTP, checked against openapi.json. */
@DatabaseTest
class MessageRestTest {

  private final RestTestServer server;
  /** Unique per test: the tests of one class run share a database. */
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String key = "order" + suffix;
  private final String paid = "paid" + suffix;
  private final String placed = "placed" + suffix;

  MessageRestTest(TestDatabase db) {
    this.server =
        RestTestServer.start(db, MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05.678Z")));
  }

  @BeforeEach
  void deploy() {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <message id="m1" name="PAID"/>
          <message id="m2" name="PLACED"/>
          <process id="KEY" isExecutable="true" camunda:historyTimeToLive="30">
            <startEvent id="start"/>
            <startEvent id="placedStart"><messageEventDefinition messageRef="m2"/></startEvent>
            <sequenceFlow id="f1" sourceRef="start" targetRef="waitForPayment"/>
            <sequenceFlow id="f0" sourceRef="placedStart" targetRef="waitForPayment"/>
            <intermediateCatchEvent id="waitForPayment"><messageEventDefinition messageRef="m1"/></intermediateCatchEvent>
            <sequenceFlow id="f2" sourceRef="waitForPayment" targetRef="ship"/>
            <userTask id="ship"/>
            <sequenceFlow id="f3" sourceRef="ship" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """
            .replace("KEY", key)
            .replace("PAID", paid)
            .replace("PLACED", placed);
    server
        .engine()
        .deploymentService()
        .deploy(NewDeployment.of(Map.of(key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8))));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String start(String businessKey, Map<String, Object> variables) {
    return server
        .engine()
        .runtimeService()
        .startProcessInstanceByKey(key, null, businessKey, variables)
        .id();
  }

  private int waitingForPayment() {
    return server
        .given()
        .queryParam("eventName", paid)
        .get("/event-subscription/count")
        .then()
        .statusCode(200)
        .extract()
        .path("count");
  }

  private Map<String, Object> body(Object... pairs) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      body.put((String) pairs[i], pairs[i + 1]);
    }
    return body;
  }

  @Test
  void correlatingByBusinessKeyAnswersNoContentAndMovesTheInstanceOn() {
    String instance = start("b-" + suffix, Map.of());
    assertThat(waitingForPayment()).isEqualTo(1);

    server
        .given()
        .contentType(ContentType.JSON)
        .body(body("messageName", paid, "businessKey", "b-" + suffix))
        .post("/message")
        .then()
        .statusCode(204);

    assertThat(waitingForPayment()).isZero();
    assertThat(server.engine().processInstances().find(instance)).isPresent();
  }

  @Test
  void resultWithVariablesNamesTheExecutionAndTheProcessVariables() {
    String instance = start(null, Map.of("customer", "ann"));

    server
        .given()
        .contentType(ContentType.JSON)
        .body(
            body(
                "messageName", paid,
                "correlationKeys", Map.of("customer", Map.of("value", "ann", "type", "String")),
                "processVariables", Map.of("amount", Map.of("value", 12, "type", "Integer")),
                "resultEnabled", true,
                "variablesInResultEnabled", true))
        .post("/message")
        .then()
        .statusCode(200)
        .body("", hasSize(1))
        .body("[0].resultType", equalTo("Execution"))
        .body("[0].execution.id", equalTo(instance))
        .body("[0].execution.processInstanceId", equalTo(instance))
        .body("[0].execution.ended", equalTo(false))
        .body("[0].containsKey('processInstance')", equalTo(false))
        .body("[0].variables.amount.value", equalTo(12))
        .body("[0].variables.amount.type", equalTo("Integer"))
        .body("[0].variables.customer.value", equalTo("ann"));
  }

  @Test
  void aMessageStartEventAnswersTheNewInstance() {
    server
        .given()
        .contentType(ContentType.JSON)
        .body(body("messageName", placed, "businessKey", "new-" + suffix, "resultEnabled", true))
        .post("/message")
        .then()
        .statusCode(200)
        .body("[0].resultType", equalTo("ProcessDefinition"))
        .body("[0].containsKey('execution')", equalTo(false))
        .body("[0].processInstance.businessKey", equalTo("new-" + suffix))
        .body("[0].processInstance.ended", equalTo(false))
        .body("[0].processInstance.suspended", equalTo(false));

    assertThat(waitingForPayment()).isEqualTo(1);
  }

  @Test
  void allDeliversToEveryWaitingInstance() {
    start(null, Map.of());
    start(null, Map.of());

    server
        .given()
        .contentType(ContentType.JSON)
        .body(body("messageName", paid, "all", true, "resultEnabled", true))
        .post("/message")
        .then()
        .statusCode(200)
        .body("", hasSize(2));
    assertThat(waitingForPayment()).isZero();
  }

  @Test
  void mistakesAnswer400InCamundasWordsAndChangeNothing() {
    start(null, Map.of());
    start(null, Map.of());

    server
        .givenInvalidRequest()
        .contentType(ContentType.JSON)
        .body(body("businessKey", "x"))
        .post("/message")
        .then()
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("No message name supplied"));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(body("messageName", paid, "tenantId", "t1", "withoutTenantId", true))
        .post("/message")
        .then()
        .statusCode(400)
        .body(
            "message",
            equalTo("Parameter 'tenantId' cannot be used together with parameter 'withoutTenantId'."));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(body("messageName", paid, "processVariables", Map.of("amount", Map.of("value", "x", "type", "Integer"))))
        .post("/message")
        .then()
        .statusCode(400)
        .body("message", startsWith("Cannot deliver message: "));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(body("messageName", paid))
        .post("/message")
        .then()
        .statusCode(400)
        .body("type", equalTo("RestException"))
        .body(
            "message",
            startsWith(
                "org.camunda.bpm.engine.MismatchingMessageCorrelationException: ENGINE-13031 Cannot"
                    + " correlate a message with name '"
                    + paid
                    + "' to a single execution. 2 executions match the correlation keys:"));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(body("messageName", "nobody-" + suffix, "all", true))
        .post("/message")
        .then()
        .statusCode(400)
        .body("type", equalTo("RestException"))
        .body(
            "message",
            equalTo(
                "org.camunda.bpm.engine.MismatchingMessageCorrelationException: Cannot correlate"
                    + " message 'nobody-"
                    + suffix
                    + "': No process definition or execution matches the parameters"))
        // the engine's code, which Camunda's REST layer keeps around its own type
        .body("code", equalTo(0));

    assertThat(waitingForPayment()).isEqualTo(2);
  }

  @Test
  void eventSubscriptionsAreListedCountedAndFiltered() {
    String instance = start(null, Map.of());

    server
        .given()
        .queryParam("processInstanceId", instance)
        .get("/event-subscription")
        .then()
        .statusCode(200)
        .body("", hasSize(1))
        .body("[0].eventType", equalTo("message"))
        .body("[0].eventName", equalTo(paid))
        // the catch event waits in an execution of its own (Camunda 7.24 reference server)
        .body("[0].executionId", not(equalTo(instance)))
        .body("[0].processInstanceId", equalTo(instance))
        .body("[0].activityId", equalTo("waitForPayment"))
        .body("[0].createdDate", equalTo("2026-01-02T03:04:05.678+0000"))
        .body("[0].tenantId", nullValue());
    String waiting =
        server
            .given()
            .queryParam("processInstanceId", instance)
            .get("/event-subscription")
            .then()
            .extract()
            .path("[0].executionId");
    String id =
        server
            .given()
            .queryParam("eventName", placed)
            .queryParam("eventType", "message")
            .get("/event-subscription")
            .then()
            .statusCode(200)
            .body("", hasSize(1))
            .body("[0].activityId", equalTo("placedStart"))
            .body("[0].executionId", nullValue())
            .body("[0].processInstanceId", nullValue())
            .extract()
            .path("[0].id");
    for (Map.Entry<String, Object> filter :
        Map.<String, Object>of(
                "eventSubscriptionId", id,
                "activityId", "placedStart")
            .entrySet()) {
      server
          .given()
          .queryParam(filter.getKey(), filter.getValue())
          .queryParam("eventName", placed)
          .get("/event-subscription/count")
          .then()
          .statusCode(200)
          .body("count", equalTo(1));
    }
    server
        .given()
        .queryParam("eventType", "signal")
        .queryParam("eventName", paid)
        .get("/event-subscription/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(0));
    server
        .given()
        .queryParam("executionId", waiting)
        .queryParam("withoutTenantId", true)
        .queryParam("sortBy", "created")
        .queryParam("sortOrder", "desc")
        .get("/event-subscription")
        .then()
        .statusCode(200)
        .body("", hasSize(1));
    server
        .given()
        .queryParam("tenantIdIn", "t-" + suffix)
        .queryParam("eventName", paid)
        .get("/event-subscription")
        .then()
        .statusCode(200)
        .body("", hasSize(0));
    server
        .givenInvalidRequest()
        .queryParam("sortBy", "eventName")
        .queryParam("sortOrder", "asc")
        .get("/event-subscription")
        .then()
        .statusCode(400)
        .body("message", equalTo("Cannot set query parameter 'sortBy' to value 'eventName'"));
  }
}
