package dev.tern.rest.history;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
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

/** {@code /history/activity-instance}: what each instance passed through, over real HTTP. */
@DatabaseTest
class HistoricActivityInstanceRestTest {

  private static final String REVIEW =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <process id="activityHistory" isExecutable="true" camunda:historyTimeToLive="P5D">
          <startEvent id="start" name="Order received"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
          <userTask id="review" name="Review order"/>
          <sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
          <endEvent id="end" name="Done"/>
        </process>
      </definitions>
      """;

  /** An embedded sub-process with a user task, then a call activity calling {@link #SHIPPING}. */
  private static final String NESTED =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <process id="nested" isExecutable="true" camunda:historyTimeToLive="P5D">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="pack"/>
          <subProcess id="pack">
            <startEvent id="packStart"/>
            <sequenceFlow id="p1" sourceRef="packStart" targetRef="check"/>
            <userTask id="check"/>
            <sequenceFlow id="p2" sourceRef="check" targetRef="packEnd"/>
            <endEvent id="packEnd"/>
          </subProcess>
          <sequenceFlow id="f2" sourceRef="pack" targetRef="ship"/>
          <callActivity id="ship" calledElement="shipping">
            <extensionElements><camunda:in variables="all"/></extensionElements>
          </callActivity>
          <sequenceFlow id="f3" sourceRef="ship" targetRef="end"/>
          <endEvent id="end"/>
        </process>
      </definitions>
      """;

  private static final String SHIPPING =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <process id="shipping" isExecutable="true" camunda:historyTimeToLive="P5D">
          <startEvent id="shippingStart"/>
          <sequenceFlow id="s1" sourceRef="shippingStart" targetRef="dispatch"/>
          <userTask id="dispatch"/>
          <sequenceFlow id="s2" sourceRef="dispatch" targetRef="shippingEnd"/>
          <endEvent id="shippingEnd"/>
        </process>
      </definitions>
      """;

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05.678Z"));
  private RestTestServer server;

  HistoricActivityInstanceRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    db.database()
        .useTransaction(
            h -> {
              for (String table :
                  List.of("tern_hi_activity_instance", "tern_process_instance", "tern_hi_process_instance")) {
                h.execute("DELETE FROM " + table);
              }
            });
    server = RestTestServer.start(db, clock);
    server
        .engine()
        .deploymentService()
        .deploy(
            NewDeployment.of(Map.of("activityHistory.bpmn", REVIEW.getBytes(StandardCharsets.UTF_8)))
                .withDuplicateFiltering(true));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String startInstance() {
    return server.engine().runtimeService().startProcessInstanceByKey("activityHistory", null, null, Map.of()).id();
  }

  @Test
  void listsTheActivitiesAnInstancePassedWithCamundasFields() {
    String waiting = startInstance();

    server
        .given()
        .queryParam("processInstanceId", waiting)
        .queryParam("sortBy", "startTime")
        .queryParam("sortOrder", "asc")
        .get("/history/activity-instance")
        .then()
        .statusCode(200)
        .body("activityId", contains("start", "review"))
        .body("activityType", contains("startEvent", "userTask"))
        .body("activityName", contains("Order received", "Review order"))
        .body("parentActivityInstanceId", everyItem(equalTo(waiting)))
        .body("rootProcessInstanceId", everyItem(equalTo(waiting)))
        .body("processDefinitionKey", everyItem(equalTo("activityHistory")))
        .body("[0].startTime", equalTo("2026-01-02T03:04:05.678+0000"))
        .body("[0].endTime", notNullValue())
        .body("[0].durationInMillis", equalTo(0))
        .body("[1].endTime", nullValue())
        .body("[1].durationInMillis", nullValue())
        .body("canceled", everyItem(equalTo(false)))
        .body("completeScope", everyItem(equalTo(false)));
    server
        .given()
        .queryParam("processInstanceId", waiting)
        .queryParam("unfinished", true)
        .get("/history/activity-instance/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(1));
  }

  @Test
  void anEndEventThatEndedItsInstanceCompletesTheScope() {
    String done = startInstance();
    clock.advance(Duration.ofSeconds(3));
    server.engine().runtimeService().completeUserTask(done, "review");

    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("processInstanceId", done, "completeScope", true))
        .post("/history/activity-instance")
        .then()
        .statusCode(200)
        .body("activityId", contains("end"))
        .body("[0].activityType", equalTo("noneEndEvent"));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "processInstanceId", done,
                "finished", true,
                "sorting", List.of(Map.of("sortBy", "activityId", "sortOrder", "desc"))))
        .post("/history/activity-instance")
        .then()
        .statusCode(200)
        .body("activityId", contains("start", "review", "end"))
        .body("find { it.activityId == 'review' }.durationInMillis", equalTo(3000));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("activityType", "userTask", "finishedAfter", "2026-01-02T03:04:08.000+0000"))
        .post("/history/activity-instance/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(1));
  }

  @Test
  void deletingAnInstanceCancelsItsRunningActivity() {
    String deleted = startInstance();
    server.given().delete("/process-instance/{id}", deleted).then().statusCode(204);

    server
        .given()
        .queryParam("processInstanceId", deleted)
        .queryParam("canceled", true)
        .get("/history/activity-instance")
        .then()
        .statusCode(200)
        .body("activityId", contains("review"))
        .body("[0].endTime", notNullValue());
  }

  private String activityInstance(String processInstanceId, String activityId) {
    return server
        .given()
        .queryParam("processInstanceId", processInstanceId)
        .queryParam("activityId", activityId)
        .get("/history/activity-instance")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .extract()
        .path("[0].id");
  }

  @Test
  void anActivityInASubProcessNamesItAsParentAndACalledInstancesActivitiesNameTheCallersRoot() {
    server
        .engine()
        .deploymentService()
        .deploy(
            NewDeployment.of(
                    Map.of(
                        "nested.bpmn", NESTED.getBytes(StandardCharsets.UTF_8),
                        "shipping.bpmn", SHIPPING.getBytes(StandardCharsets.UTF_8)))
                .withDuplicateFiltering(true));
    String root =
        server.engine().runtimeService().startProcessInstanceByKey("nested", null, null, Map.of("parcel", 7)).id();
    server.engine().runtimeService().completeUserTask(root, "check");
    String pack = activityInstance(root, "pack");
    String check = activityInstance(root, "check");
    String called =
        server
            .given()
            .queryParam("superProcessInstance", root)
            .get("/process-instance")
            .then()
            .statusCode(200)
            .body("$", hasSize(1))
            .extract()
            .path("[0].id");

    server
        .given()
        .queryParam("processInstanceId", root)
        .queryParam("sortBy", "activityId")
        .queryParam("sortOrder", "asc")
        .get("/history/activity-instance")
        .then()
        .statusCode(200)
        .body("activityId", contains("check", "pack", "packEnd", "packStart", "ship", "start"))
        .body("parentActivityInstanceId", contains(pack, root, pack, pack, root, root))
        .body("calledProcessInstanceId", contains(null, null, null, null, called, null))
        .body("rootProcessInstanceId", everyItem(equalTo(root)));
    server
        .given()
        .get("/history/activity-instance/{id}", check)
        .then()
        .statusCode(200)
        .body("parentActivityInstanceId", equalTo(pack))
        .body("rootProcessInstanceId", equalTo(root));
    server
        .given()
        .queryParam("processInstanceId", called)
        .queryParam("sortBy", "activityId")
        .queryParam("sortOrder", "asc")
        .get("/history/activity-instance")
        .then()
        .statusCode(200)
        .body("activityId", contains("dispatch", "shippingStart"))
        .body("processInstanceId", everyItem(equalTo(called)))
        .body("parentActivityInstanceId", everyItem(equalTo(called)))
        .body("rootProcessInstanceId", everyItem(equalTo(root)));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("processInstanceId", called))
        .post("/history/activity-instance/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(2));
    server
        .given()
        .queryParam("processInstanceId", called)
        .get("/history/variable-instance")
        .then()
        .statusCode(200)
        .body("name", contains("parcel"))
        .body("rootProcessInstanceId", contains(root));
  }

  @Test
  void getsOneByIdAndAnswers404ForAnUnknownOne() {
    String instance = startInstance();
    String id =
        server
            .given()
            .queryParam("processInstanceId", instance)
            .queryParam("activityId", "review")
            .get("/history/activity-instance")
            .then()
            .statusCode(200)
            .body("$", hasSize(1))
            .extract()
            .path("[0].id");

    server
        .given()
        .get("/history/activity-instance/{id}", id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("activityId", equalTo("review"))
        .body("processInstanceId", equalTo(instance));
    server
        .given()
        .get("/history/activity-instance/{id}", "nope")
        .then()
        .statusCode(404)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("Historic activity instance with id nope does not exist"));
  }

  @Test
  void withAuthenticationACallerSeesOnlyTheHistoryOfDefinitionsItMayReadHistoryOf() {
    server.close();
    server = RestTestServer.builder(db).clock(clock).basicAuthentication().start();
    server.engine().identityService().ensureAdministrator("admin", "admin-pw");
    String instance = startInstance();
    server
        .givenAs("admin", "admin-pw")
        .contentType(ContentType.JSON)
        .body(Map.of("profile", Map.of("id", "auditor"), "credentials", Map.of("password", "auditor-pw")))
        .post("/user/create")
        .then()
        .statusCode(204);
    String id =
        server
            .givenAs("admin", "admin-pw")
            .queryParam("processInstanceId", instance)
            .get("/history/activity-instance")
            .then()
            .statusCode(200)
            .body("$", hasSize(2))
            .extract()
            .path("[0].id");

    server.givenAs("auditor", "auditor-pw").get("/history/activity-instance/count").then().body("count", equalTo(0));
    server
        .givenAs("auditor", "auditor-pw")
        .get("/history/activity-instance/{id}", id)
        .then()
        .statusCode(404);

    server
        .givenAs("admin", "admin-pw")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "type", 1,
                "userId", "auditor",
                "resourceType", 6,
                "resourceId", "activityHistory",
                "permissions", List.of("READ_HISTORY")))
        .post("/authorization/create")
        .then()
        .statusCode(200);
    server
        .givenAs("auditor", "auditor-pw")
        .queryParam("processInstanceId", instance)
        .get("/history/activity-instance/count")
        .then()
        .body("count", equalTo(2));
  }

  @Test
  void anUnknownSortOrAnAssigneeFilterIsHandledAsCamundaDoes() {
    startInstance();
    server
        .givenWithoutContract() // the request itself is outside the contract: sortBy is an enum
        .queryParam("sortBy", "assignee")
        .queryParam("sortOrder", "asc")
        .get("/history/activity-instance")
        .then()
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"));
    server
        .given()
        .queryParam("taskAssignee", "demo")
        .get("/history/activity-instance")
        .then()
        .statusCode(200)
        .body("$", empty());
  }

  @Test
  void aUserTasksActivityNamesItsTaskAndItsAssigneeWhichTheAssigneeFilterFinds() {
    String waiting = startInstance();
    String taskId =
        server
            .given()
            .queryParam("processInstanceId", waiting)
            .get("/task")
            .then()
            .statusCode(200)
            .extract()
            .path("[0].id");
    server
        .given()
        .contentType(io.restassured.http.ContentType.JSON)
        .body(Map.of("userId", "demo"))
        .post("/task/{id}/assignee", taskId)
        .then()
        .statusCode(204);

    server
        .given()
        .queryParam("processInstanceId", waiting)
        .queryParam("sortBy", "startTime")
        .queryParam("sortOrder", "asc")
        .get("/history/activity-instance")
        .then()
        .statusCode(200)
        .body("taskId", contains(nullValue(), equalTo(taskId)))
        .body("assignee", contains(nullValue(), equalTo("demo")));
    server
        .given()
        .queryParam("taskAssignee", "demo")
        .get("/history/activity-instance")
        .then()
        .statusCode(200)
        .body("activityId", contains("review"));
    server
        .given()
        .queryParam("taskAssignee", "somebodyElse")
        .get("/history/activity-instance/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(0));
  }
}
