package dev.tern.rest.job;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A boundary timer's job names the task's own execution, as Camunda 7.24 answers (the differential
 * scenario's timer cases ask the same of the reference server).
 */
@DatabaseTest
class TimerJobExecutionRestTest {

  private final RestTestServer server;

  TimerJobExecutionRestTest(TestDatabase db) {
    this.server =
        RestTestServer.start(db, MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05Z")));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aBoundaryTimerJobNamesTheTasksExecutionWhichEndsWhenTheTimerFires() {
    String xml =
        Bpmn.convertToString(
            Bpmn.createExecutableProcess("approval")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("approve")
                .boundaryEvent("timeout")
                .timerWithDuration("P1D")
                .endEvent("expired")
                .moveToActivity("approve")
                .endEvent("done")
                .done());
    server
        .engine()
        .deploymentService()
        .deploy(NewDeployment.of(Map.of("approval.bpmn", xml.getBytes(StandardCharsets.UTF_8))));
    String pi =
        server.given().contentType(ContentType.JSON).body("{}").post("/process-definition/key/approval/start").then().statusCode(200)
            .extract().path("id");

    var job = server.given().queryParam("processInstanceId", pi).get("/job").then().statusCode(200)
        .body("", hasSize(1)).extract();
    String jobId = job.path("[0].id");
    String execution = job.path("[0].executionId");
    server.given().get("/execution/" + execution).then().statusCode(200)
        .body("id", not(equalTo(pi)))
        .body("processInstanceId", equalTo(pi));
    server.given().queryParam("executionId", pi).get("/job").then().statusCode(200).body("", hasSize(0));
    server.given().queryParam("processInstanceId", pi).get("/execution/count").then().statusCode(200)
        .body("count", equalTo(2));
    server.given().get("/process-instance/" + pi + "/activity-instances").then().statusCode(200)
        .body("childActivityInstances[0].activityId", equalTo("approve"))
        .body("childActivityInstances[0].executionIds[0]", equalTo(execution));

    server.given().post("/job/" + jobId + "/execute").then().statusCode(204);

    server.given().queryParam("processInstanceId", pi).queryParam("activityId", "timeout")
        .get("/history/activity-instance").then().statusCode(200)
        .body("[0].activityType", equalTo("boundaryTimer"))
        .body("[0].executionId", equalTo(pi));
    server.given().queryParam("processInstanceId", pi).get("/execution/count").then().statusCode(200)
        .body("count", equalTo(0));
    server.given().get("/execution/" + execution).then().statusCode(404);
  }
}
