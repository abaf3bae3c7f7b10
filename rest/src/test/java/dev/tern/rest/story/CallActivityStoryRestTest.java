package dev.tern.rest.story;

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
import org.junit.jupiter.api.Test;

/**
 * An order process calls a shipping process over HTTP: the called instance is found by {@code
 * superProcessInstance} / {@code subProcessInstance}, its history names its caller, completing its
 * task returns the {@code camunda:out} variable to the caller, and deleting a caller deletes the
 * instance it called.
 */
@DatabaseTest
class CallActivityStoryRestTest {

  private final RestTestServer server;
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String caller = "order" + suffix;
  private final String called = "shipping" + suffix;

  CallActivityStoryRestTest(TestDatabase db) {
    this.server = RestTestServer.start(db);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void deploy() {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\">"
            + "<process id=\"" + caller + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
            + "<startEvent id=\"start\"/>"
            + "<sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"ship\"/>"
            + "<callActivity id=\"ship\" calledElement=\"" + called + "\"><extensionElements>"
            + "<camunda:in source=\"address\" target=\"to\"/>"
            + "<camunda:in businessKey=\"#{execution.processBusinessKey}\"/>"
            + "<camunda:out source=\"tracking\" target=\"trackingNumber\"/>"
            + "</extensionElements></callActivity>"
            + "<sequenceFlow id=\"f2\" sourceRef=\"ship\" targetRef=\"confirm\"/>"
            + "<userTask id=\"confirm\"/>"
            + "<sequenceFlow id=\"f3\" sourceRef=\"confirm\" targetRef=\"end\"/>"
            + "<endEvent id=\"end\"/></process>"
            + "<process id=\"" + called + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
            + "<startEvent id=\"shipStart\"/>"
            + "<sequenceFlow id=\"s1\" sourceRef=\"shipStart\" targetRef=\"pack\"/>"
            + "<userTask id=\"pack\"/>"
            + "<sequenceFlow id=\"s2\" sourceRef=\"pack\" targetRef=\"shipEnd\"/>"
            + "<endEvent id=\"shipEnd\"/></process>"
            + "</definitions>";
    server
        .engine()
        .deploymentService()
        .deploy(NewDeployment.of(Map.of(caller + ".bpmn", xml.getBytes(StandardCharsets.UTF_8))));
  }

  private String start(String businessKey) {
    return server
        .given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "businessKey", businessKey,
                "variables", Map.of("address", Map.of("value", "Main St 1", "type", "String"))))
        .post("/process-definition/key/" + caller + "/start")
        .then()
        .statusCode(200)
        .extract()
        .path("id");
  }

  private String calledInstance(String callerId) {
    List<String> ids =
        server
            .given()
            .queryParam("superProcessInstance", callerId)
            .get("/process-instance")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("id", String.class);
    assertThat(ids).hasSize(1);
    return ids.get(0);
  }

  private String taskOf(String instance) {
    return server
        .given()
        .queryParam("processInstanceId", instance)
        .get("/task")
        .then()
        .statusCode(200)
        .extract()
        .path("[0].id");
  }

  @Test
  void theCalledInstanceIsLinkedToItsCallerAndReturnsItsResult() {
    deploy();
    String order = start("order-7");
    String shipping = calledInstance(order);

    server
        .given()
        .queryParam("subProcessInstance", shipping)
        .get("/process-instance")
        .then()
        .statusCode(200)
        .body("id", equalTo(List.of(order)));
    server
        .given()
        .get("/process-instance/" + shipping)
        .then()
        .statusCode(200)
        .body("businessKey", equalTo("order-7"));
    server
        .given()
        .get("/history/process-instance/" + shipping)
        .then()
        .statusCode(200)
        .body("superProcessInstanceId", equalTo(order))
        .body("rootProcessInstanceId", equalTo(order));
    server
        .given()
        .get("/process-instance/" + shipping + "/variables/to")
        .then()
        .statusCode(200)
        .body("value", equalTo("Main St 1"));

    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("variables", Map.of("tracking", Map.of("value", "TRK-1", "type", "String"))))
        .post("/task/" + taskOf(shipping) + "/complete")
        .then()
        .statusCode(204);

    server.given().get("/process-instance/" + shipping).then().statusCode(404);
    server
        .given()
        .get("/process-instance/" + order + "/variables/trackingNumber")
        .then()
        .statusCode(200)
        .body("value", equalTo("TRK-1"));
    server
        .given()
        .queryParam("processInstanceId", order)
        .get("/task")
        .then()
        .statusCode(200)
        .body("taskDefinitionKey", equalTo(List.of("confirm")));
  }

  @Test
  void deletingTheCallerDeletesTheCalledInstance() {
    deploy();
    String order = start("order-8");
    String shipping = calledInstance(order);

    server.given().delete("/process-instance/" + order).then().statusCode(204);

    server.given().get("/process-instance/" + shipping).then().statusCode(404);
    server
        .given()
        .queryParam("processInstanceId", shipping)
        .get("/task/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(0));
  }
}
