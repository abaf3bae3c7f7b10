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
 * An order handled inside an embedded sub-process, over HTTP: a worker reports a BPMN error from
 * an external task inside, the sub-process's error boundary catches it, a clerk's review inside
 * is cancelled and the handling task waits outside.
 */
@DatabaseTest
class SubProcessStoryRestTest {

  private final RestTestServer server;
  private final String key = "order" + UUID.randomUUID().toString().substring(0, 8);
  private final String topic = "charge-" + key;

  SubProcessStoryRestTest(TestDatabase db) {
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
            + "<error id=\"declined\" errorCode=\"DECLINED\"/>"
            + "<process id=\"" + key + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
            + "<startEvent id=\"start\"/>"
            + "<sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"payment\"/>"
            + "<subProcess id=\"payment\"><startEvent id=\"paymentStart\"/>"
            + "<sequenceFlow id=\"p1\" sourceRef=\"paymentStart\" targetRef=\"fork\"/>"
            + "<parallelGateway id=\"fork\"/>"
            + "<sequenceFlow id=\"p2\" sourceRef=\"fork\" targetRef=\"charge\"/>"
            + "<sequenceFlow id=\"p3\" sourceRef=\"fork\" targetRef=\"review\"/>"
            + "<serviceTask id=\"charge\" camunda:type=\"external\" camunda:topic=\"" + topic + "\"/>"
            + "<userTask id=\"review\"/>"
            + "<sequenceFlow id=\"p4\" sourceRef=\"charge\" targetRef=\"join\"/>"
            + "<sequenceFlow id=\"p5\" sourceRef=\"review\" targetRef=\"join\"/>"
            + "<parallelGateway id=\"join\"/>"
            + "<sequenceFlow id=\"p6\" sourceRef=\"join\" targetRef=\"paid\"/>"
            + "<endEvent id=\"paid\"/></subProcess>"
            + "<boundaryEvent id=\"declinedCaught\" attachedToRef=\"payment\">"
            + "<errorEventDefinition errorRef=\"declined\" camunda:errorMessageVariable=\"reason\"/></boundaryEvent>"
            + "<sequenceFlow id=\"f2\" sourceRef=\"declinedCaught\" targetRef=\"callCustomer\"/>"
            + "<userTask id=\"callCustomer\"/>"
            + "<sequenceFlow id=\"f3\" sourceRef=\"callCustomer\" targetRef=\"end\"/>"
            + "<sequenceFlow id=\"f4\" sourceRef=\"payment\" targetRef=\"end\"/>"
            + "<endEvent id=\"end\"/>"
            + "</process></definitions>";
    server
        .engine()
        .deploymentService()
        .deploy(NewDeployment.of(Map.of(key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8))));
  }

  /** The activities where executions of the instance are (ExecutionDto has no activity id). */
  private List<String> executionActivities(String instance) {
    return List.of("payment", "charge", "review", "callCustomer").stream()
        .filter(
            activity ->
                ((Number)
                            server
                                .given()
                                .queryParam("processInstanceId", instance)
                                .queryParam("activityId", activity)
                                .get("/execution/count")
                                .then()
                                .statusCode(200)
                                .extract()
                                .path("count"))
                        .longValue()
                    > 0)
        .toList();
  }

  @Test
  void aWorkersBpmnErrorInsideTheSubProcessIsCaughtByItsBoundary() {
    deploy();
    String instance =
        server
            .given()
            .contentType(ContentType.JSON)
            .body(Map.of())
            .post("/process-definition/key/" + key + "/start")
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    assertThat(executionActivities(instance)).containsExactlyInAnyOrder("payment", "charge", "review");
    server
        .given()
        .get("/process-instance/" + instance + "/activity-instances")
        .then()
        .statusCode(200)
        .body("id", equalTo(instance))
        .body("activityType", equalTo("processDefinition"))
        .body("childActivityInstances.activityId", equalTo(List.of("payment")))
        .body("childActivityInstances[0].activityType", equalTo("subProcess"))
        .body(
            "childActivityInstances[0].childActivityInstances.activityId.sort()",
            equalTo(List.of("charge", "review")));
    // Camunda's resource answers 404 here; openapi.json documents only 500
    server
        .givenWithoutContract()
        .get("/process-instance/unknown/activity-instances")
        .then()
        .statusCode(404)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("Process instance with id unknown does not exist"));

    String taskId =
        server
            .given()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "workerId", "w",
                    "maxTasks", 1,
                    "topics", List.of(Map.of("topicName", topic, "lockDuration", 60000))))
            .post("/external-task/fetchAndLock")
            .then()
            .statusCode(200)
            .extract()
            .path("[0].id");
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("workerId", "w", "errorCode", "DECLINED", "errorMessage", "card expired"))
        .post("/external-task/" + taskId + "/bpmnError")
        .then()
        .statusCode(204);

    assertThat(executionActivities(instance)).containsExactly("callCustomer");
    server
        .given()
        .queryParam("processInstanceId", instance)
        .get("/task")
        .then()
        .statusCode(200)
        .body("taskDefinitionKey", equalTo(List.of("callCustomer")));
    server
        .given()
        .queryParam("processInstanceId", instance)
        .queryParam("activityId", "review")
        .get("/history/activity-instance")
        .then()
        .statusCode(200)
        .body("[0].canceled", equalTo(true));
    server
        .given()
        .get("/process-instance/" + instance + "/variables/reason")
        .then()
        .statusCode(200)
        .body("value", equalTo("card expired"));

    String callId =
        server
            .given()
            .queryParam("processInstanceId", instance)
            .get("/task")
            .then()
            .extract()
            .path("[0].id");
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post("/task/" + callId + "/complete")
        .then()
        .statusCode(204);
    server
        .given()
        .get("/history/process-instance/" + instance)
        .then()
        .statusCode(200)
        .body("state", equalTo("COMPLETED"));
  }
}
