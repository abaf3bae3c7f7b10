package dev.tern.rest.task;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Task listeners over HTTP: deployed with the model, run by the task operations (claim fires
 * update and assignment, complete fires complete before the token moves on); unsupported
 * listeners are refused at deployment with a 400.
 */
@DatabaseTest
class TaskListenerRestTest {

  private static String model(String listeners) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="invoice" isExecutable="true" camunda:historyTimeToLive="5">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="approve"/>
            <userTask id="approve" camunda:candidateGroups="accounting">
              <extensionElements>%s</extensionElements>
            </userTask>
            <sequenceFlow id="f2" sourceRef="approve" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """
        .formatted(listeners);
  }

  private final TestDatabase db;
  private RestTestServer server;

  TaskListenerRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    db.database()
        .useTransaction(
            h -> {
              for (String table : List.of("tern_hi_task", "tern_task")) {
                h.execute("DELETE FROM " + table);
              }
            });
    server = RestTestServer.builder(db).engine(b -> b.startJobExecutor(false)).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private io.restassured.response.ValidatableResponse deploy(String listeners) {
    return server
        .given()
        .contentType("multipart/form-data")
        .multiPart("deployment-name", "invoice")
        .multiPart(
            "data",
            "invoice.bpmn",
            model(listeners).getBytes(StandardCharsets.UTF_8),
            "application/octet-stream")
        .post("/deployment/create")
        .then();
  }

  @Test
  void claimAndCompleteRunTheListenersAndTheirVariablesAreReturned() {
    deploy(
            "<camunda:taskListener event=\"create\" expression=\"${task.setPriority(amount > 100 ? 80 : 20)}\"/>"
                + "<camunda:taskListener event=\"assignment\""
                + " expression=\"${task.setVariable('claimedBy', task.assignee)}\"/>"
                + "<camunda:taskListener event=\"complete\""
                + " expression=\"${task.setVariable('total', amount + fee)}\"/>")
        .statusCode(200);
    String instance =
        server.given().contentType(ContentType.JSON)
            .body(Map.of("variables", Map.of("amount", Map.of("value", 150, "type", "Integer"))))
            .post("/process-definition/key/invoice/start").then().statusCode(200)
            .extract().path("id");
    String task =
        server.given().queryParam("processInstanceId", instance).get("/task").then()
            .statusCode(200).body("", hasSize(1)).body("[0].priority", equalTo(80))
            .extract().path("[0].id");

    server.given().contentType(ContentType.JSON).body(Map.of("userId", "ann"))
        .post("/task/{id}/claim", task).then().statusCode(204);
    server.given().get("/process-instance/{id}/variables/claimedBy", instance).then()
        .statusCode(200).body("value", equalTo("ann"));

    server.given().contentType(ContentType.JSON)
        .body(
            Map.of(
                "variables", Map.of("fee", Map.of("value", 5, "type", "Integer")),
                "withVariablesInReturn", true))
        .post("/task/{id}/complete", task).then().statusCode(200)
        .body("total.value", equalTo(155)).body("fee.value", equalTo(5));
  }

  @Test
  void aTimeoutListenerIsRefusedAtDeploymentWithA400() {
    deploy(
            "<camunda:taskListener event=\"timeout\" expression=\"${true}\">"
                + "<timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>"
                + "</camunda:taskListener>")
        .statusCode(400)
        .body("type", equalTo("ParseException"))
        .body("message", containsString("Task listener of 'approve': the timeout event is not supported"));
    deploy("<camunda:taskListener event=\"create\" class=\"com.example.Notify\"/>")
        .statusCode(400)
        .body("message", containsString("uses a class, a script or field injection"));
  }
}
