package dev.tern.rest.history;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deleting history over HTTP: {@code DELETE /history/process-instance/{id}}, the batch of {@code
 * POST /history/process-instance/delete} and {@code DELETE …/{id}/variable-instances}. Each
 * deletion removes the instance's rows from every history table and nothing else.
 */
@DatabaseTest
class HistoricProcessInstanceDeletionRestTest {

  private static final String ORDER =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <process id="historyDeletion" isExecutable="true" camunda:historyTimeToLive="P5D">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="sync"/>
          <serviceTask id="sync" camunda:asyncBefore="true" camunda:expression="${true}"/>
          <sequenceFlow id="f2" sourceRef="sync" targetRef="review"/>
          <userTask id="review" camunda:candidateGroups="clerks"/>
          <sequenceFlow id="f3" sourceRef="review" targetRef="end"/>
          <endEvent id="end"/>
        </process>
      </definitions>
      """;

  /** Every history table that holds rows of a process instance, with its instance column. */
  private static final Map<String, String> HISTORY =
      Map.of(
          "tern_hi_process_instance", "id",
          "tern_hi_activity_instance", "process_instance_id",
          "tern_hi_variable", "process_instance_id",
          "tern_hi_detail", "process_instance_id",
          "tern_hi_task", "process_instance_id",
          "tern_hi_job_log", "process_instance_id",
          "tern_hi_incident", "process_instance_id");

  private final TestDatabase db;
  private RestTestServer server;

  HistoricProcessInstanceDeletionRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    db.database()
        .useTransaction(
            h -> {
              for (String table :
                  List.of("tern_job", "tern_incident", "tern_task", "tern_execution",
                      "tern_process_instance", "tern_batch", "tern_batch_chunk")) {
                h.execute("DELETE FROM " + table);
              }
              for (String table : HISTORY.keySet()) {
                h.execute("DELETE FROM " + table);
              }
              h.execute("DELETE FROM tern_hi_identity_link");
            });
    server = RestTestServer.builder(db).engine(b -> b.startJobExecutor(false)).start();
    server
        .engine()
        .deploymentService()
        .deploy(
            NewDeployment.of(Map.of("historyDeletion.bpmn", ORDER.getBytes(StandardCharsets.UTF_8)))
                .withDuplicateFiltering(true));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** An instance that ran its job (job log), set a variable and waits in its user task. */
  private String running() {
    String id =
        server.engine().runtimeService()
            .startProcessInstanceByKey("historyDeletion", null, null, Map.of("amount", 42)).id();
    String job = server.given().queryParam("processInstanceId", id).get("/job")
        .then().statusCode(200).extract().path("[0].id");
    server.engine().jobService().executeJob(job);
    return id;
  }

  private String ended() {
    String id = running();
    server.engine().runtimeService().completeUserTask(id, "review");
    return id;
  }

  private long rowsOf(String instance) {
    return db.database().withHandle(h -> {
      long rows = 0;
      for (Map.Entry<String, String> table : HISTORY.entrySet()) {
        rows += h.createQuery("SELECT COUNT(*) FROM " + table.getKey() + " WHERE " + table.getValue() + " = :id")
            .bind("id", instance).mapTo(Long.class).one();
      }
      return rows + h.createQuery("SELECT COUNT(*) FROM tern_hi_identity_link l JOIN tern_hi_task t"
          + " ON t.id = l.task_id WHERE t.process_instance_id = :id").bind("id", instance).mapTo(Long.class).one();
    });
  }

  @Test
  void deletingAnEndedInstanceRemovesItsRowsFromEveryHistoryTable() {
    String gone = ended();
    String kept = ended();
    long keptRows = rowsOf(kept);
    assertThat(rowsOf(gone)).isEqualTo(keptRows).isGreaterThan(6);

    server.given().delete("/history/process-instance/" + gone).then().statusCode(204);

    assertThat(rowsOf(gone)).isZero();
    assertThat(rowsOf(kept)).isEqualTo(keptRows);
    server.given().get("/history/process-instance/" + gone).then().statusCode(404);
  }

  @Test
  void anUnknownOrRunningInstanceIsNotFoundAndNothingIsDeleted() {
    String active = running();
    long rows = rowsOf(active);
    for (String id : List.of("nope", active)) {
      server.given().delete("/history/process-instance/" + id).then().statusCode(404)
          .body("type", equalTo("InvalidRequestException"))
          .body("message", equalTo("Historic process instance with id " + id + " does not exist"));
    }
    assertThat(rowsOf(active)).isEqualTo(rows);
    server.given().queryParam("failIfNotExists", false).delete("/history/process-instance/nope")
        .then().statusCode(204);
  }

  @Test
  void variableHistoryOfOneInstanceCanBeDeleted() {
    String active = running();
    String other = running();
    server.given().delete("/history/process-instance/" + active + "/variable-instances")
        .then().statusCode(204);
    server.given().queryParam("processInstanceId", active).get("/history/variable-instance/count")
        .then().statusCode(200).body("count", equalTo(0));
    server.given().queryParam("processInstanceId", other).get("/history/variable-instance/count")
        .then().statusCode(200).body("count", equalTo(1));
    server.given().delete("/history/process-instance/nope/variable-instances")
        .then().statusCode(404)
        .body("message", equalTo("No historic process instance found with id: nope: instance is null"));
  }

  @Test
  void theDeletionBatchRemovesTheNamedAndQueriedEndedInstances() {
    String named = ended();
    String queried = ended();
    String active = running();
    long activeRows = rowsOf(active);

    String batch =
        server.given().contentType(ContentType.JSON)
            .body(Map.of(
                "historicProcessInstanceIds", List.of(named),
                "historicProcessInstanceQuery", Map.of("processDefinitionKey", "historyDeletion"),
                "deleteReason", "cleanup"))
            .post("/history/process-instance/delete")
            .then().statusCode(200)
            .body("type", equalTo("historic-process-instance-deletion"))
            .body("totalJobs", equalTo(1))
            .extract().path("id");
    assertThat(rowsOf(named)).isPositive();

    while (server.engine().jobExecutor().executeDueJobs() > 0) {
      // seed job, then the batch job
    }

    assertThat(rowsOf(named)).isZero();
    assertThat(rowsOf(queried)).isZero();
    assertThat(rowsOf(active)).isEqualTo(activeRows);
    server.given().get("/history/batch/" + batch).then().statusCode(200)
        .body("endTime", org.hamcrest.Matchers.notNullValue());
  }

  @Test
  void aDeletionBatchWithoutEndedInstancesIsRefusedWithNothingWritten() {
    String active = running();
    String done = ended();
    for (Map<String, ?> body :
        List.<Map<String, ?>>of(
            Map.of(),
            Map.of("historicProcessInstanceIds", List.of()),
            Map.of("historicProcessInstanceQuery", Map.of("processDefinitionKey", "unknown")))) {
      server.givenInvalidRequest().contentType(ContentType.JSON).body(body)
          .post("/history/process-instance/delete")
          .then().statusCode(400).body("message", equalTo("historicProcessInstanceIds is empty"));
    }
    server.givenInvalidRequest().contentType(ContentType.JSON)
        .body(Map.of("historicProcessInstanceIds", List.of(done, active)))
        .post("/history/process-instance/delete")
        .then().statusCode(400)
        .body("message", equalTo(
            "Process instance is still running, cannot delete historic process instance: " + active));
    server.givenInvalidRequest().contentType(ContentType.JSON)
        .body(Map.of("historicProcessInstanceIds", List.of(done, "nope")))
        .post("/history/process-instance/delete")
        .then().statusCode(400)
        .body("message", equalTo("No historic process instance found with id: [nope]"));
    server.given().get("/batch/count").then().body("count", equalTo(0));

    server.given().contentType(ContentType.JSON)
        .body(Map.of("historicProcessInstanceIds", List.of(done, "nope"), "failIfNotExists", false))
        .post("/history/process-instance/delete")
        .then().statusCode(200).body("totalJobs", equalTo(1));
  }
}
