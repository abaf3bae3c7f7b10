package dev.tern.rest.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A task's forms ({@code form-variables}, {@code deployed-form}, {@code rendered-form}) and
 * escalations thrown from it ({@code bpmnEscalation}) over HTTP.
 */
@DatabaseTest
class TaskFormAndEscalationRestTest {

  private static final String PROCESS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <escalation id="late" escalationCode="LATE"/>
        <escalation id="help" escalationCode="HELP"/>
        <process id="forms" isExecutable="true" camunda:historyTimeToLive="5">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="sub"/>
          <subProcess id="sub">
            <startEvent id="subStart"/>
            <sequenceFlow id="s0" sourceRef="subStart" targetRef="pick"/>
            <exclusiveGateway id="pick"/>
            <sequenceFlow id="to_embedded" sourceRef="pick" targetRef="embedded">
              <conditionExpression>${form == 'embedded'}</conditionExpression>
            </sequenceFlow>
            <sequenceFlow id="to_camundaForm" sourceRef="pick" targetRef="camundaForm">
              <conditionExpression>${form == 'camundaForm'}</conditionExpression>
            </sequenceFlow>
            <sequenceFlow id="to_external" sourceRef="pick" targetRef="external">
              <conditionExpression>${form == 'external'}</conditionExpression>
            </sequenceFlow>
            <sequenceFlow id="to_missing" sourceRef="pick" targetRef="missing">
              <conditionExpression>${form == 'missing'}</conditionExpression>
            </sequenceFlow>
            <userTask id="embedded" camunda:formKey="embedded:deployment:forms/approve.html"/>
            <userTask id="camundaForm" camunda:formRef="approve-form" camunda:formRefBinding="deployment"/>
            <userTask id="external" camunda:formKey="app:approve"/>
            <userTask id="missing" camunda:formKey="deployment:forms/none.html"/>
            <boundaryEvent id="ownLate" attachedToRef="embedded">
              <escalationEventDefinition escalationRef="late" camunda:escalationCodeVariable="level"/>
            </boundaryEvent>
            <sequenceFlow id="s5" sourceRef="ownLate" targetRef="redo"/>
            <userTask id="redo"/>
          </subProcess>
          <sequenceFlow id="f2" sourceRef="sub" targetRef="end"/>
          <endEvent id="end"/>
          <boundaryEvent id="onLate" attachedToRef="sub">
            <escalationEventDefinition escalationRef="late"/>
          </boundaryEvent>
          <sequenceFlow id="f3" sourceRef="onLate" targetRef="chase"/>
          <userTask id="chase"/>
          <boundaryEvent id="onHelp" attachedToRef="sub" cancelActivity="false">
            <escalationEventDefinition escalationRef="help"/>
          </boundaryEvent>
          <sequenceFlow id="f4" sourceRef="onHelp" targetRef="assist"/>
          <userTask id="assist"/>
        </process>
      </definitions>
      """;

  private static final String HTML = "<form><input cam-variable-name=\"amount\"/></form>";
  private static final String FORM_JSON =
      "{\"id\": \"approve-form\", \"type\": \"default\", \"components\": []}";

  private final TestDatabase db;
  private RestTestServer server;

  TaskFormAndEscalationRestTest(TestDatabase db) {
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
    server
        .engine()
        .deploymentService()
        .deploy(
            NewDeployment.of(
                    Map.of(
                        "forms.bpmn", PROCESS.getBytes(StandardCharsets.UTF_8),
                        "forms/approve.html", HTML.getBytes(StandardCharsets.UTF_8),
                        "approve.form", FORM_JSON.getBytes(StandardCharsets.UTF_8)))
                .withDuplicateFiltering(true));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String[] start(String form) {
    String instance =
        server.engine().runtimeService()
            .startProcessInstanceByKey(
                "forms", null, null, Map.of("form", form, "amount", 30, "note", "hi"))
            .id();
    return new String[] {instance, taskAt(instance, form)};
  }

  private String taskAt(String instance, String activity) {
    return server.given().queryParam("processInstanceId", instance)
        .queryParam("taskDefinitionKey", activity).get("/task").then().statusCode(200)
        .body("", hasSize(1)).extract().path("[0].id");
  }

  @Test
  void formVariablesAreTheTasksVariablesOrTheNamedOnes() {
    String task = start("embedded")[1];
    server.given().contentType(ContentType.JSON).body(Map.of("value", "mine"))
        .put("/task/{id}/localVariables/draft", task).then().statusCode(204);

    server.given().get("/task/{id}/form-variables", task).then().statusCode(200)
        .body("keySet()", equalTo(Set.of("form", "amount", "note", "draft")))
        .body("amount.value", equalTo(30)).body("amount.type", equalTo("Integer"));
    server.given().queryParam("variableNames", "amount,draft,unknown")
        .get("/task/{id}/form-variables", task).then().statusCode(200)
        .body("keySet()", equalTo(Set.of("amount", "draft")));
    server.givenWithoutContract().get("/task/{id}/form-variables", "nope").then().statusCode(400)
        .body("message", equalTo("Cannot find task with id 'nope'.: task is null"));
  }

  @Test
  void deployedFormsComeFromTheTasksDeployment() {
    String html =
        server.given().accept("*/*").get("/task/{id}/deployed-form", start("embedded")[1]).then()
            .statusCode(200).contentType("application/xhtml+xml").extract().asString();
    assertThat(html).isEqualTo(HTML);
    String json =
        // the contract types this answer as a string, a Camunda Form being JSON does not fit it
        server.givenWithoutContract().accept("*/*")
            .get("/task/{id}/deployed-form", start("camundaForm")[1]).then()
            .statusCode(200).contentType("application/json").extract().asString();
    assertThat(json).isEqualTo(FORM_JSON);

    server.given().get("/task/{id}/deployed-form", start("external")[1]).then().statusCode(400)
        .body("message", equalTo("The form key 'app:approve' does not reference a deployed form."));
    server.given().get("/task/{id}/deployed-form", start("missing")[1]).then().statusCode(404)
        .body("message", org.hamcrest.Matchers.startsWith(
            "The form with the resource name 'forms/none.html' cannot be found in deployment with id "));
    server.given().get("/task/{id}/deployed-form", "nope").then().statusCode(400)
        .body("message", equalTo("No task found for taskId 'nope': task is null"));
  }

  @Test
  void noTaskHasARenderedForm() {
    String task = start("embedded")[1];
    server.given().accept("*/*").get("/task/{id}/rendered-form", task).then().statusCode(400)
        .body("message", equalTo("No matching rendered form for task with the id " + task + " found."));
    server.given().get("/task/{id}/rendered-form", "nope").then().statusCode(400)
        .body("message", equalTo("Task 'nope' not found: task is null"));
  }

  @Test
  void anInterruptingEscalationRemovesTheTaskAndTakesTheBoundary() {
    String[] started = start("external");
    server.given().contentType(ContentType.JSON)
        .body(Map.of("escalationCode", "LATE",
            "variables", Map.of("reason", Map.of("value", "too slow"))))
        .post("/task/{id}/bpmnEscalation", started[1]).then().statusCode(204);

    taskAt(started[0], "chase");
    server.given().queryParam("processInstanceId", started[0]).get("/task").then()
        .body("", hasSize(1));
    server.given().get("/process-instance/{id}/variables/reason", started[0]).then()
        .statusCode(200).body("value", equalTo("too slow"));
    server.given().queryParam("taskId", started[1]).get("/history/task").then()
        .body("[0].deleteReason", equalTo("deleted"));
  }

  @Test
  void theTasksOwnEscalationBoundaryCatchesBeforeTheSubProcesses() {
    String[] started = start("embedded");
    server.given().contentType(ContentType.JSON)
        .body(Map.of("escalationCode", "LATE",
            "variables", Map.of("reason", Map.of("value", "unclear"))))
        .post("/task/{id}/bpmnEscalation", started[1]).then().statusCode(204);

    taskAt(started[0], "redo");
    server.given().queryParam("processInstanceId", started[0]).get("/task").then()
        .body("", hasSize(1));
    server.given().get("/process-instance/{id}/variables/level", started[0]).then()
        .statusCode(200).body("value", equalTo("LATE"));
    server.given().queryParam("processInstanceId", started[0]).queryParam("activityId", "embedded")
        .get("/history/activity-instance").then().statusCode(200)
        .body("[0].canceled", equalTo(true));
  }

  @Test
  void aNonInterruptingEscalationLeavesTheTaskOpen() {
    String[] started = start("external");
    server.given().contentType(ContentType.JSON).body(Map.of("escalationCode", "HELP"))
        .post("/task/{id}/bpmnEscalation", started[1]).then().statusCode(204);

    taskAt(started[0], "assist");
    taskAt(started[0], "external");
  }

  @Test
  void anUncaughtOrMissingEscalationIsRefusedAndChangesNothing() {
    String[] started = start("external");
    server.givenInvalidRequest().contentType(ContentType.JSON)
        .body(Map.of("escalationCode", "NOBODY",
            "variables", Map.of("x", Map.of("value", 1))))
        .post("/task/{id}/bpmnEscalation", started[1]).then().statusCode(400)
        .body("message", equalTo("ENGINE-02043 Execution with id 'external' throws an escalation"
            + " event with escalationCode 'NOBODY', but no escalation handler was defined. "));
    server.given().contentType(ContentType.JSON).body(Map.of())
        .post("/task/{id}/bpmnEscalation", started[1]).then().statusCode(400)
        .body("type", equalTo("RestException")).body("message", equalTo("escalationCode is null"));
    server.given().contentType(ContentType.JSON).body(Map.of("escalationCode", "LATE"))
        .post("/task/{id}/bpmnEscalation", "nope").then().statusCode(404)
        .body("message", equalTo("Cannot find task with id nope: task is null"));

    taskAt(started[0], "external");
    server.givenWithoutContract().get("/process-instance/{id}/variables/x", started[0]).then()
        .statusCode(404);
  }
}
