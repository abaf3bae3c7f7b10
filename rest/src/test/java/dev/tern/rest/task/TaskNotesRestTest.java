package dev.tern.rest.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
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

/** Comments and attachments of tasks ({@code /task/{id}/comment}, {@code …/attachment}) over HTTP. */
@DatabaseTest
class TaskNotesRestTest {

  private static final String PROCESS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <process id="review" isExecutable="true" camunda:historyTimeToLive="5">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="check"/>
          <userTask id="check" name="Check"/>
          <sequenceFlow id="f2" sourceRef="check" targetRef="end"/>
          <endEvent id="end"/>
        </process>
      </definitions>
      """;

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-03-02T10:00:00Z"));
  private RestTestServer server;

  TaskNotesRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    db.database()
        .useTransaction(
            h -> {
              for (String table :
                  List.of("tern_task_comment", "tern_task_attachment", "tern_hi_task", "tern_task")) {
                h.execute("DELETE FROM " + table);
              }
            });
    server = RestTestServer.builder(db).clock(clock).engine(b -> b.startJobExecutor(false)).start();
    server
        .engine()
        .deploymentService()
        .deploy(
            NewDeployment.of(Map.of("review.bpmn", PROCESS.getBytes(StandardCharsets.UTF_8)))
                .withDuplicateFiltering(true));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String[] startReview() {
    String instance =
        server.engine().runtimeService().startProcessInstanceByKey("review", null, null, Map.of()).id();
    String task =
        server.given().queryParam("processInstanceId", instance).get("/task").then()
            .statusCode(200).extract().path("[0].id");
    return new String[] {instance, task};
  }

  private String comment(String task, Map<String, Object> body) {
    return server.given().contentType(ContentType.JSON).body(body)
        .post("/task/{id}/comment/create", task).then().statusCode(200)
        .extract().path("id");
  }

  private long rows(String table) {
    return db.database()
        .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
  }

  @Test
  void commentsAreCreatedListedNewestFirstUpdatedAndDeleted() {
    String[] started = startReview();
    String instance = started[0];
    String task = started[1];

    String first =
        server.given().contentType(ContentType.JSON)
            .body(Map.of("message", "looks fine", "processInstanceId", instance))
            .post("/task/{id}/comment/create", task).then().statusCode(200)
            .body("taskId", equalTo(task))
            .body("processInstanceId", equalTo(instance))
            .body("rootProcessInstanceId", equalTo(instance))
            .body("message", equalTo("looks fine"))
            .body("userId", nullValue())
            .body("time", equalTo("2026-03-02T10:00:00.000+0000"))
            .body("links[0].rel", equalTo("self"))
            .body("links[0].method", equalTo("GET"))
            .body("links[0].href", org.hamcrest.Matchers.containsString("/engine-rest/task/" + task + "/comment/"))
            .extract().path("id");
    server.given().get("/task/{id}/comment/{c}", task, first).then().statusCode(200);
    clock.advance(Duration.ofMinutes(5));
    String second = comment(task, Map.of("message", "on second thought"));

    server.given().get("/task/{id}/comment", task).then().statusCode(200)
        .body("id", equalTo(List.of(second, first)))
        .body("[0].processInstanceId", nullValue())
        .body("[0].links", nullValue());
    server.given().get("/task/{id}/comment/{c}", task, first).then().statusCode(200)
        .body("message", equalTo("looks fine"));

    clock.advance(Duration.ofMinutes(5));
    server.given().contentType(ContentType.JSON).body(Map.of("id", first, "message", "edited"))
        .put("/task/{id}/comment", task).then().statusCode(204);
    server.given().get("/task/{id}/comment/{c}", task, first).then()
        .body("message", equalTo("edited")).body("time", equalTo("2026-03-02T10:10:00.000+0000"));

    server.given().delete("/task/{id}/comment/{c}", task, first).then().statusCode(204);
    server.given().get("/task/{id}/comment", task).then().body("id", equalTo(List.of(second)));
    server.given().delete("/task/{id}/comment/{c}", task, "unknown").then().statusCode(204);
    server.given().delete("/task/{id}/comment", task).then().statusCode(204);
    server.given().get("/task/{id}/comment", task).then().statusCode(200).body("", hasSize(0));
  }

  @Test
  void commentMistakesAreClientErrorsThatWriteNothing() {
    String task = startReview()[1];
    String kept = comment(task, Map.of("message", "kept"));

    server.given().get("/task/{id}/comment", "nope").then().statusCode(404)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("No task found for task id nope"));
    server.given().get("/task/{id}/comment/{c}", task, "nope").then().statusCode(404)
        .body("message", equalTo("Task comment with id nope does not exist for task id '" + task + "'."));
    server.given().contentType(ContentType.JSON).body(Map.of("message", "x"))
        .post("/task/{id}/comment/create", "nope").then().statusCode(400)
        .body("message", equalTo("No task found for task id nope"));
    server.given().contentType(ContentType.JSON).body(Map.of("processInstanceId", "p"))
        .post("/task/{id}/comment/create", task).then().statusCode(400)
        .body("message", equalTo("Not enough parameters submitted"));
    server.given().contentType(ContentType.JSON).body(Map.of("id", "nope", "message", "x"))
        .put("/task/{id}/comment", task).then().statusCode(400)
        .body("message", equalTo(
            "No comment exists with commentId: nope and taskId: " + task + ": comment is null"));
    server.given().contentType(ContentType.JSON).body(Map.of("id", kept))
        .put("/task/{id}/comment", task).then().statusCode(400)
        .body("message", equalTo("message is null"));
    server.given().contentType(ContentType.JSON).body(Map.of("id", kept, "message", "x"))
        .put("/task/{id}/comment", "nope").then().statusCode(404);
    server.given().delete("/task/{id}/comment", "nope").then().statusCode(404);
    server.givenInvalidRequest().contentType(ContentType.JSON).body("{\"message\": ")
        .post("/task/{id}/comment/create", task).then().statusCode(400);
    server.givenInvalidRequest().contentType(ContentType.JSON)
        .body(Map.of("message", "x".repeat(70_000)))
        .post("/task/{id}/comment/create", task).then().statusCode(400);

    assertThat(rows("tern_task_comment")).isEqualTo(1);
    server.given().get("/task/{id}/comment/{c}", task, kept).then().body("message", equalTo("kept"));
  }

  @Test
  void attachmentsHoldContentOrALink() {
    String[] started = startReview();
    String instance = started[0];
    String task = started[1];
    byte[] content = {1, 2, 3, (byte) 0xfe};

    String file =
        server.given()
            .multiPart("attachment-name", "scan.pdf")
            .multiPart("attachment-description", "the signed form")
            .multiPart("attachment-type", "application/pdf")
            .multiPart("content", "scan.pdf", content, "application/octet-stream")
            .post("/task/{id}/attachment/create", task).then().statusCode(200)
            .body("name", equalTo("scan.pdf"))
            .body("description", equalTo("the signed form"))
            .body("type", equalTo("application/pdf"))
            .body("taskId", equalTo(task))
            .body("url", nullValue())
            .body("createTime", equalTo("2026-03-02T10:00:00.000+0000"))
            .body("rootProcessInstanceId", equalTo(instance))
            .body("links[0].rel", equalTo("self"))
            .extract().path("id");
    clock.advance(Duration.ofSeconds(1));
    String link =
        server.given()
            .multiPart("attachment-name", "spec")
            .multiPart("url", "https://example.org/spec")
            .post("/task/{id}/attachment/create", task).then().statusCode(200)
            .body("url", equalTo("https://example.org/spec"))
            .body("description", nullValue())
            .extract().path("id");

    server.given().get("/task/{id}/attachment", task).then().statusCode(200)
        .body("id", equalTo(List.of(file, link)));
    server.given().get("/task/{id}/attachment/{a}", task, link).then().statusCode(200)
        .body("name", equalTo("spec"));
    byte[] downloaded =
        server.given().get("/task/{id}/attachment/{a}/data", task, file).then().statusCode(200)
            .contentType("application/octet-stream").extract().asByteArray();
    assertThat(downloaded).containsExactly(content);
    server.given().get("/task/{id}/attachment/{a}/data", task, link).then().statusCode(404)
        .body("message", equalTo("Attachment content for attachment with id '" + link
            + "' does not exist for task id '" + task + "'."));

    server.given().delete("/task/{id}/attachment/{a}", task, file).then().statusCode(204);
    server.given().get("/task/{id}/attachment", task).then().body("id", equalTo(List.of(link)));
    server.given().get("/task/{id}/attachment/{a}", task, file).then().statusCode(404)
        .body("message", equalTo("Task attachment with id " + file
            + " does not exist for task id '" + task + "'."));
  }

  @Test
  void attachmentMistakesAreClientErrorsThatWriteNothing() {
    String task = startReview()[1];

    server.given().multiPart("attachment-name", "nothing")
        .post("/task/{id}/attachment/create", task).then().statusCode(400)
        .body("message", equalTo(
            "No content or url to remote content exists to create the task attachment."));
    server.given().multiPart("url", "https://example.org")
        .post("/task/{id}/attachment/create", "nope").then().statusCode(400)
        .body("message", equalTo("No task found for task id nope"));
    server.given().multiPart("url", "https://example.org").multiPart("attachment-name", "n".repeat(300))
        .post("/task/{id}/attachment/create", task).then().statusCode(400);
    server.givenWithoutContract().contentType(ContentType.JSON).body(Map.of("url", "x"))
        .post("/task/{id}/attachment/create", task).then().statusCode(415);
    server.given().get("/task/{id}/attachment", "nope").then().statusCode(404)
        .body("message", equalTo("No task found for task id nope"));
    server.given().delete("/task/{id}/attachment/{a}", task, "nope").then().statusCode(404)
        .body("message", equalTo("Deletion is not possible. No attachment exists for task id '"
            + task + "' and attachment id 'nope'."));
    server.given().get("/task/{id}/attachment/{a}/data", task, "nope").then().statusCode(404);

    assertThat(rows("tern_task_attachment")).isZero();
  }

  @Test
  void anEndedTasksNotesStayReadableUntilItsHistoryIsDeleted() {
    String[] started = startReview();
    String task = started[1];
    String kept = comment(task, Map.of("message", "before"));
    server.given().contentType(ContentType.JSON).body(Map.of())
        .post("/task/{id}/complete", task).then().statusCode(204);

    server.given().get("/task/{id}/comment", task).then().statusCode(200)
        .body("message", equalTo(List.of("before")));
    comment(task, Map.of("message", "after"));
    server.given().multiPart("url", "https://example.org/receipt")
        .post("/task/{id}/attachment/create", task).then().statusCode(200);
    server.given().get("/task/{id}/attachment", task).then().body("", hasSize(1));
    server.given().contentType(ContentType.JSON).body(Map.of("id", kept, "message", "x"))
        .put("/task/{id}/comment", task).then().statusCode(400)
        .body("message", equalTo("No task exists with taskId: " + task + ": task is null"));
    server.given().delete("/task/{id}/comment", task).then().statusCode(400);
    assertThat(rows("tern_task_comment")).isEqualTo(2);

    String other = startReview()[1];
    comment(other, Map.of("message", "another instance's"));
    server.given().delete("/history/process-instance/{id}", started[0]).then().statusCode(204);
    server.given().get("/task/{id}/comment", task).then().statusCode(404);
    assertThat(rows("tern_task_comment")).isEqualTo(1);
    assertThat(rows("tern_task_attachment")).isZero();
  }
}
