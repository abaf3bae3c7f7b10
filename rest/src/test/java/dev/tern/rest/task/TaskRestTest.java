package dev.tern.rest.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Camunda's {@code /task} resource over HTTP: queries, one task, assignment, completion. */
@DatabaseTest
class TaskRestTest {

  static final String PROCESS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <error id="veto" errorCode="VETO"/>
        <process id="approval" name="Approval" isExecutable="true" camunda:historyTimeToLive="5">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="approve"/>
          <userTask id="approve" name="Approve ${item}" camunda:candidateGroups="managers"
              camunda:candidateUsers="carl" camunda:dueDate="${due}" camunda:priority="${prio}"
              camunda:formKey="embedded:app:forms/approve.html">
            <documentation>Check it</documentation>
          </userTask>
          <sequenceFlow id="f2" sourceRef="approve" targetRef="decide"/>
          <exclusiveGateway id="decide"/>
          <sequenceFlow id="yes" sourceRef="decide" targetRef="done">
            <conditionExpression>${approved}</conditionExpression>
          </sequenceFlow>
          <sequenceFlow id="no" sourceRef="decide" targetRef="rework">
            <conditionExpression>${!approved}</conditionExpression>
          </sequenceFlow>
          <userTask id="rework" name="Rework" camunda:assignee="${requester}"
              camunda:formRef="rework-form" camunda:formRefBinding="latest"/>
          <sequenceFlow id="f3" sourceRef="rework" targetRef="done"/>
          <endEvent id="done"/>
          <boundaryEvent id="vetoed" attachedToRef="approve">
            <errorEventDefinition errorRef="veto"/>
          </boundaryEvent>
          <sequenceFlow id="f4" sourceRef="vetoed" targetRef="stopped"/>
          <endEvent id="stopped"/>
        </process>
      </definitions>
      """;

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-03-02T10:00:00Z"));
  private RestTestServer server;

  TaskRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    server = serverWithApproval(db, clock);
  }

  /** A server on a database without tasks and instances, with the approval process deployed. */
  static RestTestServer serverWithApproval(TestDatabase db, MutableClock clock) {
    db.database()
        .useTransaction(
            h -> {
              for (String table :
                  List.of(
                      "tern_task_comment",
                      "tern_task_attachment",
                      "tern_task_variable",
                      "tern_task_identity_link",
                      "tern_hi_identity_link",
                      "tern_hi_task",
                      "tern_task",
                      "tern_execution",
                      "tern_process_instance")) {
                h.execute("DELETE FROM " + table);
              }
            });
    RestTestServer server =
        RestTestServer.builder(db).clock(clock).engine(b -> b.startJobExecutor(false)).start();
    server
        .engine()
        .deploymentService()
        .deploy(
            NewDeployment.of(Map.of("approval.bpmn", PROCESS.getBytes(StandardCharsets.UTF_8)))
                .withDuplicateFiltering(true));
    return server;
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String startApproval(String item, int prio) {
    return server
        .engine()
        .runtimeService()
        .startProcessInstanceByKey(
            "approval",
            null,
            "order-" + item,
            Map.of(
                "item", item, "prio", prio, "due", "2026-03-05T12:00:00Z", "requester", "rita"))
        .id();
  }

  private String taskOf(String instance) {
    return server
        .given()
        .queryParam("processInstanceId", instance)
        .get("/task")
        .then()
        .statusCode(200)
        .body("", hasSize(1))
        .extract()
        .path("[0].id");
  }

  private static Map<String, Object> json(Object... pairs) {
    java.util.LinkedHashMap<String, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  @Test
  void aTaskShowsCamundasFieldsAndItsForm() {
    String instance = startApproval("laptop", 70);
    String id = taskOf(instance);

    server
        .given()
        .get("/task/" + id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("name", equalTo("Approve laptop"))
        .body("description", equalTo("Check it"))
        .body("assignee", nullValue())
        .body("priority", equalTo(70))
        .body("created", equalTo("2026-03-02T10:00:00.000+0000"))
        .body("due", equalTo("2026-03-05T12:00:00.000+0000"))
        .body("processInstanceId", equalTo(instance))
        .body("taskDefinitionKey", equalTo("approve"))
        .body("suspended", equalTo(false))
        .body("formKey", equalTo("embedded:app:forms/approve.html"))
        .body("camundaFormRef", nullValue())
        .body("taskState", equalTo("Created"));
    server
        .given()
        .get("/task/" + id + "/form")
        .then()
        .statusCode(200)
        .body("key", equalTo("embedded:app:forms/approve.html"))
        .body("contextPath", nullValue());
    server
        .given()
        .get("/task/nope")
        .then()
        .statusCode(404)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("No matching task with id nope"));
    server
        .given()
        .get("/task/nope/form")
        .then()
        .statusCode(400)
        .body("message", equalTo("Cannot get form for task nope"));
  }

  @Test
  void queriesFilterSortAndCountByCamundasParameters() {
    String cheap = startApproval("pen", 10);
    String dear = startApproval("car", 90);
    String cheapTask = taskOf(cheap);
    String dearTask = taskOf(dear);
    server.engine().taskService().claim(dev.tern.engine.authorization.Caller.SYSTEM, dearTask, "ann");

    server
        .given()
        .queryParam("candidateGroup", "managers")
        .get("/task")
        .then()
        .statusCode(200)
        .body("id", equalTo(List.of(cheapTask)));
    server
        .given()
        .queryParam("candidateGroup", "managers")
        .queryParam("includeAssignedTasks", true)
        .queryParam("sortBy", "priority")
        .queryParam("sortOrder", "desc")
        .get("/task")
        .then()
        .statusCode(200)
        .body("id", equalTo(List.of(dearTask, cheapTask)));
    server
        .given()
        .queryParam("processInstanceBusinessKeyLike", "order-c%")
        .queryParam("minPriority", 50)
        .get("/task/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(1));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(
            json(
                "processDefinitionKey", "approval",
                "orQueries", List.of(json("assignee", "ann", "nameLike", "%pen")),
                "sorting", List.of(json("sortBy", "name", "sortOrder", "asc"))))
        .post("/task")
        .then()
        .statusCode(200)
        .body("id", equalTo(List.of(dearTask, cheapTask)));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(
            json(
                "processVariables",
                List.of(json("name", "item", "operator", "eq", "value", "car"))))
        .post("/task/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(1));
    server
        .given()
        .queryParam("dueBefore", "2026-03-06T00:00:00.000+0000")
        .queryParam("active", true)
        .queryParam("maxResults", 1)
        .queryParam("sortBy", "created")
        .queryParam("sortOrder", "asc")
        .get("/task")
        .then()
        .statusCode(200)
        .body("", hasSize(1));
    server
        .givenInvalidRequest()
        .queryParam("delegationState", "LATER")
        .get("/task")
        .then()
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"))
        .body(
            "message",
            equalTo(
                "Valid values for property 'delegationState' are 'PENDING' or 'RESOLVED', but was"
                    + " 'LATER'"));
    server
        .givenInvalidRequest()
        .queryParam("sortBy", "color")
        .queryParam("sortOrder", "asc")
        .get("/task")
        .then()
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"));
  }

  @Test
  void claimingUnclaimingAndAssigningChangeTheAssignee() {
    String id = taskOf(startApproval("laptop", 50));

    server.given().contentType(ContentType.JSON).body(json("userId", "ann"))
        .post("/task/" + id + "/claim").then().statusCode(204);
    server.givenWithoutContract().contentType(ContentType.JSON).body(json("userId", "bob"))
        .post("/task/" + id + "/claim").then().statusCode(400)
        .body("type", equalTo("TaskAlreadyClaimedException"))
        .body("message", equalTo("Task '" + id + "' is already claimed by someone else."));
    server.given().get("/task/" + id).then().body("assignee", equalTo("ann"))
        .body("taskState", equalTo("Updated"));

    server.given().post("/task/" + id + "/unclaim").then().statusCode(204);
    server.given().get("/task/" + id).then().body("assignee", nullValue());
    server.given().contentType(ContentType.JSON).body(json("userId", "bob"))
        .post("/task/" + id + "/assignee").then().statusCode(204);
    server.given().get("/task/" + id).then().body("assignee", equalTo("bob"));

    server.givenWithoutContract().contentType(ContentType.JSON).body(json("userId", "ann"))
        .post("/task/nope/claim").then().statusCode(400)
        .body("type", equalTo("NullValueException"))
        .body("message", equalTo("Cannot find task with id nope: task is null"));
    server.givenWithoutContract().contentType(ContentType.JSON).body(json("userId", "ann"))
        .post("/task/nope/assignee").then().statusCode(400);
    server.givenWithoutContract().post("/task/nope/unclaim").then().statusCode(400);
  }

  @Test
  void aDelegatedTaskIsResolvedBeforeItIsCompleted() {
    String instance = startApproval("laptop", 50);
    String id = taskOf(instance);
    server.engine().taskService().claim(dev.tern.engine.authorization.Caller.SYSTEM, id, "ann");

    server.given().contentType(ContentType.JSON).body(json("userId", "dora"))
        .post("/task/" + id + "/delegate").then().statusCode(204);
    server.given().get("/task/" + id).then().body("owner", equalTo("ann"))
        .body("assignee", equalTo("dora")).body("delegationState", equalTo("PENDING"));
    server.given().contentType(ContentType.JSON).body(json())
        .post("/task/" + id + "/complete").then().statusCode(400)
        .body("message", equalTo("Cannot complete task " + id
            + ": A delegated task cannot be completed, but should be resolved instead."));

    server.given().contentType(ContentType.JSON)
        .body(json("variables", json("checked", json("value", true, "type", "Boolean"))))
        .post("/task/" + id + "/resolve").then().statusCode(204);
    server.given().get("/task/" + id).then().body("assignee", equalTo("ann"))
        .body("delegationState", equalTo("RESOLVED"));
    server.given().get("/task/" + id + "/variables/checked").then().statusCode(200)
        .body("value", equalTo(true));
    server.givenWithoutContract().contentType(ContentType.JSON).body(json("userId", "x"))
        .post("/task/nope/delegate").then().statusCode(400);
    server.givenInvalidRequest().contentType(ContentType.JSON)
        .body(json("variables", json("v", json("value", 1, "type", "Color"))))
        .post("/task/" + id + "/resolve").then().statusCode(400)
        .body("message", equalTo("Cannot resolve task " + id + ": Unsupported value type 'Color'"));
  }

  @Test
  void completingMovesTheTokenOnAndCanReturnTheVariables() {
    String instance = startApproval("laptop", 50);
    String id = taskOf(instance);

    server.given().contentType(ContentType.JSON)
        .body(json("variables", json("approved", json("value", false, "type", "Boolean")),
            "withVariablesInReturn", true))
        .post("/task/" + id + "/complete").then().statusCode(200)
        .body("approved.value", equalTo(false))
        .body("approved.type", equalTo("Boolean"))
        .body("item.value", equalTo("laptop"));

    String rework = taskOf(instance);
    server.given().get("/task/" + rework).then().body("assignee", equalTo("rita"))
        .body("formKey", nullValue())
        .body("camundaFormRef.key", equalTo("rework-form"))
        .body("camundaFormRef.binding", equalTo("latest"));
    server.given().get("/task/" + rework + "/form").then().statusCode(200)
        .body("key", nullValue()).body("camundaFormRef.key", equalTo("rework-form"));
    server.given().contentType(ContentType.JSON).body(json())
        .post("/task/" + rework + "/submit-form").then().statusCode(204);
    server.given().queryParam("processInstanceId", instance).get("/task/count").then()
        .body("count", equalTo(0));
    assertThat(server.engine().historicProcessInstances().get(instance).endActivityId())
        .isEqualTo("done");

    server.givenWithoutContract().contentType(ContentType.JSON).body(json())
        .post("/task/" + id + "/complete").then().statusCode(400)
        .body("message", equalTo("Cannot complete task " + id + ": Cannot find task with id "
            + id + ": task is null"));
    server.givenInvalidRequest().contentType(ContentType.JSON)
        .body(json("variables", json("v", json("value", "x", "type", "Integer"))))
        .post("/task/" + rework + "/submit-form").then().statusCode(400);
  }

  @Test
  void aBpmnErrorLeavesTheTaskThroughItsErrorBoundary() {
    String instance = startApproval("laptop", 50);
    String id = taskOf(instance);

    server.given().contentType(ContentType.JSON).body(json("errorMessage", "no"))
        .post("/task/" + id + "/bpmnError").then().statusCode(400)
        .body("type", equalTo("RestException"))
        .body("message", equalTo("errorCode is null"));
    server.given().contentType(ContentType.JSON).body(json("errorCode", ""))
        .post("/task/" + id + "/bpmnError").then().statusCode(400)
        .body("message", equalTo("errorCode is empty"));
    server.given().contentType(ContentType.JSON).body(json("errorCode", "VETO"))
        .post("/task/nope/bpmnError").then().statusCode(404)
        .body("type", equalTo("RestException"))
        .body("message", equalTo("Cannot find task with id nope: task is null"));
    server.given().contentType(ContentType.JSON)
        .body(json("errorCode", "VETO", "errorMessage", "over budget",
            "variables", json("reason", json("value", "budget"))))
        .post("/task/" + id + "/bpmnError").then().statusCode(204);

    assertThat(server.engine().historicProcessInstances().get(instance).endActivityId())
        .isEqualTo("stopped");
    server.given().queryParam("taskId", id).get("/history/task").then()
        .body("[0].deleteReason", equalTo("deleted"));
  }

  @Test
  void theCandidateGroupReportCountsUnassignedTasksPerGroup() {
    startApproval("pen", 10);
    String claimed = taskOf(startApproval("car", 90));
    startApproval("ink", 10);
    server.engine().taskService().claim(dev.tern.engine.authorization.Caller.SYSTEM, claimed, "ann");
    server.given().contentType(ContentType.JSON).body(json("id", "loose", "name", "no group"))
        .post("/task/create").then().statusCode(204);

    server.given().get("/task/report/candidate-group-count").then().statusCode(200)
        .body("groupName", equalTo(java.util.Arrays.asList(null, "managers")))
        .body("taskCount", equalTo(List.of(1, 2)));
  }

  @Test
  void aSuspendedInstancesTaskIsNotCompleted() {
    String instance = startApproval("laptop", 50);
    String id = taskOf(instance);
    server.engine().processInstances().setSuspended(dev.tern.engine.authorization.Caller.SYSTEM, instance, true);

    server.given().get("/task/" + id).then().body("suspended", equalTo(true));
    server.given().queryParam("suspended", true).get("/task/count").then().body("count", equalTo(1));
    server.given().contentType(ContentType.JSON).body(json())
        .post("/task/" + id + "/complete").then().statusCode(400)
        .body("type", equalTo("SuspendedEntityInteractionException"))
        .body("message", equalTo("Cannot complete task " + id
            + ": ENGINE-03043 task with id '" + id + "' is suspended."));
    server.given().get("/task/" + id).then().statusCode(200);
  }

  @Test
  void identityLinksListAddAndDeleteCandidatesAndPeople() {
    String id = taskOf(startApproval("laptop", 50));

    server.given().get("/task/" + id + "/identity-links").then().statusCode(200)
        .body("type", containsInAnyOrder("candidate", "candidate"))
        .body("groupId", containsInAnyOrder("managers", null));
    server.given().contentType(ContentType.JSON).body(json("groupId", "finance", "type", "candidate"))
        .post("/task/" + id + "/identity-links").then().statusCode(204);
    server.given().contentType(ContentType.JSON).body(json("userId", "olga", "type", "owner"))
        .post("/task/" + id + "/identity-links").then().statusCode(204);
    server.given().queryParam("candidateGroup", "finance").get("/task/count").then()
        .body("count", equalTo(1));
    server.given().queryParam("type", "owner").get("/task/" + id + "/identity-links").then()
        .body("userId", equalTo(List.of("olga")));
    server.given().contentType(ContentType.JSON).body(json("userId", "carl", "type", "candidate"))
        .post("/task/" + id + "/identity-links/delete").then().statusCode(204);
    server.given().queryParam("type", "candidate").get("/task/" + id + "/identity-links").then()
        .body("groupId", containsInAnyOrder("managers", "finance"));

    server.given().contentType(ContentType.JSON)
        .body(json("userId", "a", "groupId", "g", "type", "candidate"))
        .post("/task/" + id + "/identity-links").then().statusCode(400)
        .body("message", equalTo("Only one of userId and groupId can be set."));
    server.given().contentType(ContentType.JSON).body(json("type", "candidate"))
        .post("/task/" + id + "/identity-links/delete").then().statusCode(400)
        .body("message", equalTo("No userId or groupId set."));
    server.given().get("/task/nope/identity-links").then().statusCode(400)
        .body("message", equalTo("Cannot find task with id nope: task is null"));
    server.given().contentType(ContentType.JSON).body(json("groupId", "g", "type", "candidate"))
        .post("/task/nope/identity-links").then().statusCode(400);
  }

  @Test
  void standaloneTasksAreCreatedUpdatedAndDeleted() {
    server.given().contentType(ContentType.JSON)
        .body(json("id", "call-1", "name", "Call back", "assignee", "ann", "priority", 20,
            "due", "2026-03-04T09:00:00.000+0000"))
        .post("/task/create").then().statusCode(204);
    server.given().get("/task/call-1").then().statusCode(200).body("name", equalTo("Call back"))
        .body("priority", equalTo(20)).body("processInstanceId", nullValue())
        .body("due", equalTo("2026-03-04T09:00:00.000+0000"));
    server.given().contentType(ContentType.JSON).body(json("id", "call-1", "name", "again"))
        .post("/task/create").then().statusCode(400);

    clock.advance(Duration.ofMinutes(1));
    server.given().contentType(ContentType.JSON)
        .body(json("name", "Call back today", "priority", 80, "owner", "olga"))
        .put("/task/call-1").then().statusCode(204);
    server.given().get("/task/call-1").then().body("name", equalTo("Call back today"))
        .body("priority", equalTo(80)).body("assignee", nullValue()).body("owner", equalTo("olga"))
        .body("lastUpdated", equalTo("2026-03-02T10:01:00.000+0000"));
    server.given().contentType(ContentType.JSON).body(json("name", "x"))
        .put("/task/nope").then().statusCode(404)
        .body("message", equalTo("No matching task with id nope"));
    server.givenInvalidRequest().contentType(ContentType.JSON)
        .body(json("name", "x", "delegationState", "SOON"))
        .put("/task/call-1").then().statusCode(400);

    String processTask = taskOf(startApproval("laptop", 50));
    server.given().delete("/task/" + processTask).then().statusCode(400)
        .body("message", equalTo("Could not delete task: The task cannot be deleted because is"
            + " part of a running process"));
    server.given().delete("/task/call-1").then().statusCode(204);
    server.given().get("/task/call-1").then().statusCode(404);
    server.given().get("/history/task").then().statusCode(200);
    server.given().queryParam("taskId", "call-1").get("/history/task").then()
        .body("[0].deleteReason", equalTo("deleted"))
        .body("[0].endTime", equalTo("2026-03-02T10:01:00.000+0000"));
  }

  @Test
  void taskVariablesReachTheProcessAndLocalVariablesStayOnTheTask() {
    String instance = startApproval("laptop", 50);
    String id = taskOf(instance);

    server.given().contentType(ContentType.JSON).body(json("value", 3, "type", "Integer"))
        .put("/task/" + id + "/variables/count").then().statusCode(204);
    server.given().contentType(ContentType.JSON).body(json("value", "draft"))
        .put("/task/" + id + "/localVariables/note").then().statusCode(204);
    server.given().get("/process-instance/" + instance + "/variables/count").then()
        .statusCode(200).body("value", equalTo(3));
    server.given().get("/task/" + id + "/variables").then().statusCode(200)
        .body("count.value", equalTo(3)).body("note.value", equalTo("draft"))
        .body("item.value", equalTo("laptop"));
    server.given().get("/task/" + id + "/localVariables").then().statusCode(200)
        .body("keySet()", equalTo(java.util.Set.of("note")));
    server.given().get("/task/" + id + "/localVariables/note").then().statusCode(200)
        .body("value", equalTo("draft")).body("type", equalTo("String"));
    server.given().contentType(ContentType.JSON)
        .body(json("taskVariables", List.of(json("name", "note", "operator", "eq", "value", "draft"))))
        .post("/task/count").then().body("count", equalTo(1));

    server.given().contentType(ContentType.JSON)
        .body(json("modifications", json("note", json("value", "final")), "deletions", List.of("count")))
        .post("/task/" + id + "/variables").then().statusCode(204);
    server.given().get("/task/" + id + "/localVariables/note").then().body("value", equalTo("final"));
    server.given().get("/task/" + id + "/variables/count").then().statusCode(404)
        .body("message", equalTo("task variable with name count does not exist"));
    server.given().contentType(ContentType.JSON)
        .body(json("modifications", json("extra", json("value", true))))
        .post("/task/" + id + "/localVariables").then().statusCode(204);
    server.given().delete("/task/" + id + "/localVariables/note").then().statusCode(204);
    server.given().delete("/task/" + id + "/variables/item").then().statusCode(204);
    server.given().get("/task/" + id + "/localVariables").then()
        .body("keySet()", equalTo(java.util.Set.of("extra")));
    server.given().get("/process-instance/" + instance + "/variables").then()
        .body("keySet()", equalTo(java.util.Set.of("prio", "due", "requester")));
    server.given().get("/task/" + id + "/localVariables/note").then().statusCode(404);

    server.given().contentType(ContentType.JSON).body(json("value", 1, "type", "Color"))
        .put("/task/" + id + "/variables/x").then().statusCode(400)
        .body("message", equalTo("Cannot put task variable x: Unsupported value type 'Color'"));
    server.givenWithoutContract().get("/task/nope/variables").then().statusCode(400)
        .body("message", equalTo("task nope doesn't exist: task is null"));
    server.givenWithoutContract().contentType(ContentType.JSON).body(json("value", 1))
        .put("/task/nope/localVariables/x").then().statusCode(400);
  }

  @Test
  void taskVariableDataIsUploadedAsMultipartAndDownloaded() {
    String instance = startApproval("laptop", 50);
    String id = taskOf(instance);
    byte[] content = {0, 1, 2, (byte) 0xff};

    server.given().multiPart("data", "blob.bin", content, "application/octet-stream")
        .post("/task/{id}/variables/{name}/data", id, "blob").then().statusCode(204);
    server.given()
        .multiPart("data", "notes.txt", "hi".getBytes(StandardCharsets.UTF_8), "text/plain; encoding=UTF-8")
        .multiPart("valueType", "File", "text/plain")
        .post("/task/{id}/localVariables/{name}/data", id, "notes").then().statusCode(204);

    byte[] blob = server.given().get("/task/{id}/variables/{name}/data", id, "blob").then()
        .statusCode(200).contentType("application/octet-stream").extract().asByteArray();
    assertThat(blob).containsExactly(content);
    server.given().get("/process-instance/{id}/variables/{name}", instance, "blob").then()
        .statusCode(200).body("type", equalTo("Bytes"));
    String notes = server.given().get("/task/{id}/localVariables/{name}/data", id, "notes").then()
        .statusCode(200).contentType("text/plain;charset=UTF-8")
        .header("Content-Disposition", org.hamcrest.Matchers.containsString("notes.txt"))
        .extract().asString();
    assertThat(notes).isEqualTo("hi");
    server.given().get("/task/{id}/variables/{name}/data", id, "notes").then().statusCode(200);
    server.given().get("/task/{id}/localVariables/{name}", id, "notes").then()
        .body("type", equalTo("File")).body("valueInfo.filename", equalTo("notes.txt"));

    server.given().get("/task/{id}/localVariables/{name}/data", id, "blob").then().statusCode(404)
        .body("message", equalTo("task variable with name blob does not exist"));
    server.given().get("/task/{id}/variables/{name}/data", id, "item").then().statusCode(400)
        .body("message", equalTo("Value of variable with id " + id + " is not a binary value."));
    server.given().multiPart("valueType", "File", "text/plain")
        .post("/task/{id}/localVariables/{name}/data", id, "empty").then().statusCode(400)
        .body("message", equalTo("Cannot put task variable empty: the form has no part named 'data'"));
    server.given().get("/task/{id}/localVariables", id).then()
        .body("keySet()", equalTo(java.util.Set.of("notes")));
  }

  @Test
  void historyShowsTasksAndTheirIdentityLinkLog() {
    String instance = startApproval("laptop", 50);
    String id = taskOf(instance);
    clock.advance(Duration.ofMinutes(1));
    server.engine().taskService().claim(dev.tern.engine.authorization.Caller.SYSTEM, id, "ann");
    clock.advance(Duration.ofMinutes(1));
    server.engine().taskService().complete(dev.tern.engine.authorization.Caller.SYSTEM, id,
        Map.of("approved", dev.tern.engine.runtime.TypedValue.fromJava(true)), false);

    server.given().queryParam("processInstanceId", instance).get("/history/task").then()
        .statusCode(200)
        .body("[0].id", equalTo(id))
        .body("[0].assignee", equalTo("ann"))
        .body("[0].deleteReason", equalTo("completed"))
        .body("[0].duration", equalTo(120000))
        .body("[0].taskDefinitionKey", equalTo("approve"))
        .body("[0].rootProcessInstanceId", equalTo(instance))
        .body("[0].taskState", equalTo("Completed"));
    server.given().queryParam("taskAssignee", "ann").queryParam("finished", true)
        .get("/history/task/count").then().body("count", equalTo(1));
    server.given().contentType(ContentType.JSON)
        .body(json("taskHadCandidateGroup", "managers", "processFinished", true))
        .post("/history/task/count").then().body("count", equalTo(1));
    server.given().contentType(ContentType.JSON).body(json("unfinished", true))
        .post("/history/task").then().body("", hasSize(0));

    server.given().queryParam("taskId", id).queryParam("sortBy", "time")
        .queryParam("sortOrder", "asc").get("/history/identity-link-log").then()
        .statusCode(200)
        .body("type", equalTo(List.of("candidate", "candidate", "assignee")))
        .body("operationType", equalTo(List.of("add", "add", "add")))
        .body("[2].userId", equalTo("ann"))
        .body("[2].processDefinitionKey", equalTo("approval"));
    server.given().queryParam("type", "assignee").get("/history/identity-link-log/count").then()
        .body("count", equalTo(1));
    server.givenInvalidRequest().queryParam("sortBy", "colour").queryParam("sortOrder", "asc")
        .get("/history/task").then().statusCode(400);
  }
}
