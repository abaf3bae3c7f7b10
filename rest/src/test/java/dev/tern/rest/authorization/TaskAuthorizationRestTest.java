package dev.tern.rest.authorization;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * User tasks with authentication on: Camunda's task permissions ({@code READ}, {@code UPDATE},
 * {@code TASK_ASSIGN}, {@code TASK_WORK} on the task, {@code READ_TASK}/{@code UPDATE_TASK} on its
 * definition), and the people of a task (assignee, candidates) may see and work it.
 */
@DatabaseTest
class TaskAuthorizationRestTest {

  private static final int PROCESS_DEFINITION = 6;
  private static final int TASK = 7;

  private static final String PROCESS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <process id="review" isExecutable="true" camunda:historyTimeToLive="5">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="check"/>
          <userTask id="check" camunda:candidateGroups="${group}"/>
          <sequenceFlow id="f2" sourceRef="check" targetRef="end"/>
          <endEvent id="end"/>
        </process>
      </definitions>
      """;

  private final TestDatabase db;
  private AuthorizationFixture fx;
  private String worker;

  TaskAuthorizationRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    db.database()
        .useTransaction(
            h -> {
              for (String table :
                  List.of(
                      "tern_hi_identity_link",
                      "tern_hi_task",
                      "tern_task",
                      "tern_group_member",
                      "tern_task_comment",
                      "tern_task_attachment",
                      "tern_hi_op_log")) {
                h.execute("DELETE FROM " + table);
              }
            });
    fx = new AuthorizationFixture(db);
    worker = fx.worker;
    fx.server
        .engine()
        .deploymentService()
        .deploy(
            NewDeployment.of(Map.of("review.bpmn", PROCESS.getBytes(StandardCharsets.UTF_8)))
                .withDuplicateFiltering(true));
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private String taskFor(String group) {
    String instance =
        fx.server
            .engine()
            .runtimeService()
            .startProcessInstanceByKey("review", null, null, Map.of("group", group))
            .id();
    return fx.as("admin")
        .queryParam("processInstanceId", instance)
        .get("/task")
        .then()
        .statusCode(200)
        .extract()
        .path("[0].id");
  }

  @Test
  void currentUserAndCurrentUserGroupsExpressionsAreTheCallersOthersAre400() {
    String mine = taskFor("nobody");
    String groupTask = taskFor("camunda-admin");
    taskFor("nobody");
    fx.as("admin").body(Map.of("userId", "admin")).post("/task/" + mine + "/claim").then().statusCode(204);

    fx.as("admin").queryParam("assigneeExpression", "${currentUser()}").get("/task").then()
        .statusCode(200).body("id", equalTo(List.of(mine)));
    fx.as("admin").body(Map.of("assigneeExpression", "#{ currentUser() }")).post("/task/count").then()
        .statusCode(200).body("count", equalTo(1));
    fx.as("admin").queryParam("candidateGroupsExpression", "${currentUserGroups()}").get("/task").then()
        .statusCode(200).body("id", equalTo(List.of(groupTask)));
    fx.as("admin")
        .body(Map.of("orQueries", List.of(Map.of(
            "assigneeExpression", "${currentUser()}",
            "candidateGroupsExpression", "${currentUserGroups()}"))))
        .post("/task/count").then().statusCode(200).body("count", equalTo(2));

    for (String[] refused :
        List.of(
            new String[] {"dueAfterExpression", "${now()}"},
            new String[] {"assigneeExpression", "${execution.getVariable('x')}"},
            new String[] {"candidateGroupExpression", "${currentUser()}"})) {
      fx.as("admin").queryParam(refused[0], refused[1]).get("/task").then()
          .statusCode(400)
          .body("type", equalTo("InvalidRequestException"))
          .body("message", org.hamcrest.Matchers.startsWith(
              "Cannot set query parameter '" + refused[0] + "' to value '" + refused[1] + "'"));
    }
  }

  @Test
  void withoutAuthorizationsATaskIsNeitherSeenNorChanged() {
    String task = taskFor("nobody");

    fx.as(worker).get("/task").then().statusCode(200).body("id", empty());
    fx.as(worker).get("/task/count").then().body("count", equalTo(0));
    fx.as(worker).get("/task/" + task).then().statusCode(404);
    fx.refused(fx.offContractAs(worker).body(Map.of("userId", worker)), "POST", "/task/" + task + "/claim");
    fx.refused(fx.offContractAs(worker).body(Map.of()), "POST", "/task/" + task + "/complete");
    fx.refused(
        fx.offContractAs(worker).body(Map.of("groupId", "g", "type", "candidate")),
        "POST",
        "/task/" + task + "/identity-links");
    fx.refused(fx.offContractAs(worker).body(Map.of("name", "x")), "POST", "/task/create");
    fx.as(worker).get("/history/task").then().statusCode(200).body("id", empty());
    fx.as("admin").get("/task/" + task).then().statusCode(200).body("assignee", equalTo(null));
  }

  @Test
  void taskPermissionsGrantReadingAssigningAndWorking() {
    String task = taskFor("nobody");
    String other = taskFor("nobody");

    fx.grant(TASK, task, "READ");
    fx.as(worker).get("/task").then().body("id", equalTo(List.of(task)));
    fx.as(worker).get("/task/" + task).then().statusCode(200);
    fx.refused(fx.offContractAs(worker).body(Map.of("userId", "ann")), "POST", "/task/" + task + "/assignee");

    fx.grant(TASK, task, "TASK_ASSIGN");
    fx.as(worker).body(Map.of("userId", "ann")).post("/task/" + task + "/assignee").then().statusCode(204);
    fx.refused(fx.offContractAs(worker).body(Map.of()), "POST", "/task/" + task + "/complete");
    fx.grant(TASK, task, "TASK_WORK");
    fx.as(worker).body(Map.of()).post("/task/" + task + "/complete").then().statusCode(204);

    fx.grant(PROCESS_DEFINITION, "review", "READ_TASK", "UPDATE_TASK", "READ_HISTORY");
    fx.as(worker).get("/task").then().body("id", equalTo(List.of(other)));
    fx.as(worker).body(Map.of("userId", worker)).post("/task/" + other + "/claim").then().statusCode(204);
    fx.as(worker).queryParam("taskId", task).get("/history/task").then()
        .body("deleteReason", equalTo(List.of("completed")));

    fx.grant(TASK, "*", "CREATE");
    fx.as(worker).body(Map.of("id", "note-" + worker, "name", "note")).post("/task/create").then().statusCode(204);
  }

  @Test
  void candidatesAndAssigneesMayWorkTheirTasksWithoutAuthorizations() {
    fx.as("admin").body(Map.of("id", "reviewers", "name", "Reviewers", "type", "WORKFLOW"))
        .post("/group/create").then().statusCode(204);
    fx.as("admin").put("/group/reviewers/members/" + worker).then().statusCode(204);
    String mine = taskFor("reviewers");
    taskFor("nobody");

    fx.as(worker).queryParam("candidateGroup", "reviewers").get("/task").then()
        .body("id", equalTo(List.of(mine)));
    fx.as(worker).get("/task/count").then().body("count", equalTo(1));
    fx.as(worker).body(Map.of("userId", worker)).post("/task/" + mine + "/claim").then().statusCode(204);
    fx.as(worker).body(Map.of("value", "ok")).put("/task/" + mine + "/localVariables/note").then().statusCode(204);
    fx.as(worker).body(Map.of()).post("/task/" + mine + "/complete").then().statusCode(204);
    fx.as(worker).get("/task").then().body("id", empty());
  }

  @Test
  void commentsAndAttachmentsFollowTheTaskPermissionsAndHistoryOnesOnceItEnded() {
    String task = taskFor("nobody");

    fx.as(worker).get("/task/" + task + "/comment").then().statusCode(404);
    fx.as(worker).body(Map.of("message", "hi")).post("/task/" + task + "/comment/create").then()
        .statusCode(400).body("message", equalTo("No task found for task id " + task));
    fx.grant(TASK, task, "READ");
    fx.as(worker).get("/task/" + task + "/comment").then().statusCode(200).body("id", empty());
    fx.refused(fx.offContractAs(worker).body(Map.of("message", "hi")), "POST",
        "/task/" + task + "/comment/create");
    fx.refused(fx.bareOffContractAs(worker).multiPart("url", "https://example.org"), "POST",
        "/task/" + task + "/attachment/create");
    fx.grant(TASK, task, "TASK_WORK");
    fx.as(worker).body(Map.of("message", "hi")).post("/task/" + task + "/comment/create").then()
        .statusCode(200).body("userId", equalTo(worker));
    fx.as("admin").body(Map.of()).post("/task/" + task + "/complete").then().statusCode(204);

    fx.as(worker).get("/task/" + task + "/comment").then().statusCode(404);
    fx.grant(PROCESS_DEFINITION, "review", "READ_HISTORY");
    fx.as(worker).get("/task/" + task + "/comment").then().statusCode(200)
        .body("message", equalTo(List.of("hi")));
    fx.refused(fx.bareOffContractAs(worker).multiPart("url", "https://example.org"), "POST",
        "/task/" + task + "/attachment/create");
    fx.grant(PROCESS_DEFINITION, "review", "UPDATE_HISTORY");
    fx.bareAs(worker).multiPart("url", "https://example.org")
        .post("/task/" + task + "/attachment/create").then().statusCode(200);
  }

  @Test
  void aCandidateMayCommentOnItsTaskWithoutAuthorizations() {
    fx.as("admin").body(Map.of("id", "commenters", "name", "Commenters", "type", "WORKFLOW"))
        .post("/group/create").then().statusCode(204);
    fx.as("admin").put("/group/commenters/members/" + worker).then().statusCode(204);
    String mine = taskFor("commenters");

    fx.as(worker).body(Map.of("message", "mine")).post("/task/" + mine + "/comment/create").then()
        .statusCode(200);
    fx.as(worker).get("/task/" + mine + "/comment").then().body("message", equalTo(List.of("mine")));
  }

  @Test
  void anAuthenticatedUsersTaskOperationsAreInTheUserOperationLog() {
    String task = taskFor("nobody");
    // PUT replaces every field: the owner, assignee and delegation state the body leaves out go
    fx.as("admin").body(Map.of("userId", "ann")).post("/task/" + task + "/claim").then().statusCode(204);
    fx.as("admin").body(Map.of("userId", "bob")).post("/task/" + task + "/delegate").then().statusCode(204);
    fx.as("admin").body(Map.of()).post("/task/" + task + "/resolve").then().statusCode(204);
    fx.as("admin").body(Map.of("userId", "cid")).post("/task/" + task + "/assignee").then().statusCode(204);
    fx.as("admin").body(Map.of("name", "Check it", "priority", 70)).put("/task/" + task).then()
        .statusCode(204);
    fx.as("admin").body(Map.of()).post("/task/" + task + "/complete").then().statusCode(204);

    List<Map<String, Object>> entries =
        fx.as("admin").queryParam("taskId", task).get("/history/user-operation").then()
            .statusCode(200)
            .body("entityType", org.hamcrest.Matchers.everyItem(equalTo("Task")))
            .body("category", org.hamcrest.Matchers.everyItem(equalTo("TaskWorker")))
            .body("userId", org.hamcrest.Matchers.everyItem(equalTo("admin")))
            .body("processDefinitionKey", org.hamcrest.Matchers.everyItem(equalTo("review")))
            .extract().path("");
    // the entries of one operation share its time; their order among themselves is not defined
    org.assertj.core.api.Assertions.assertThat(
            entries.stream()
                .map(e -> e.get("operationType") + " " + e.get("property") + ": "
                    + e.get("orgValue") + " -> " + e.get("newValue"))
                .toList())
        .containsExactlyInAnyOrder(
            "Claim assignee: null -> ann",
            "Delegate owner: null -> ann",
            "Delegate assignee: ann -> bob",
            "Delegate delegation: null -> PENDING",
            "Resolve assignee: bob -> ann",
            "Resolve delegation: PENDING -> RESOLVED",
            "Assign assignee: ann -> cid",
            "Update name: null -> Check it",
            "Update owner: ann -> null",
            "Update assignee: cid -> null",
            "Update delegation: RESOLVED -> null",
            "Update priority: 50 -> 70",
            "Complete delete: false -> true");
  }
}
