package dev.tern.rest.authorization;

import static dev.tern.rest.authorization.AuthorizationFixture.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * External tasks with authentication on: queries show and fetches lock only tasks of instances the
 * worker may read (and, to fetch, update); commands on one task need {@code UPDATE} on its instance
 * or {@code UPDATE_INSTANCE} on its definition.
 */
@DatabaseTest
class ExternalTaskAuthorizationRestTest {

  private static final int PROCESS_DEFINITION = 6;
  private static final int PROCESS_INSTANCE = 8;
  private static final Map<String, Object> FETCH =
      Map.of(
          "workerId", "robot",
          "maxTasks", 10,
          "topics", List.of(Map.of("topicName", "charge", "lockDuration", 60000)));

  private final TestDatabase db;
  private AuthorizationFixture fx;
  private String worker;
  private String pi1;
  private String pi2;

  ExternalTaskAuthorizationRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    fx = new AuthorizationFixture(db);
    worker = fx.worker;
    pi1 = fx.start();
    pi2 = fx.start();
    for (String instance : List.of(pi1, pi2)) {
      fx.as("admin").post("/job/" + fx.jobOf(instance) + "/execute").then().statusCode(204);
    }
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private String taskOf(String instance) {
    return fx.as("admin").queryParam("processInstanceId", instance).get("/external-task")
        .then().statusCode(200).extract().path("[0].id");
  }

  @Test
  void withoutAuthorizationsNothingIsSeenFetchedOrChanged() {
    String task = taskOf(pi1);
    fx.as(worker).get("/external-task").then().statusCode(200).body("id", empty());
    fx.as(worker).get("/external-task/count").then().body("count", equalTo(0));
    fx.as(worker).get("/external-task/" + task).then().statusCode(404);
    fx.as(worker).body(FETCH).post("/external-task/fetchAndLock").then().statusCode(200).body("id", empty());
    fx.refused(fx.offContractAs(worker), "GET", "/external-task/" + task + "/errorDetails");

    fx.as("admin").body(FETCH).post("/external-task/fetchAndLock").then().statusCode(200).body("id", hasSize(2));
    fx.refused(fx.offContractAs(worker).body(Map.of("workerId", "robot")), "POST", "/external-task/" + task + "/complete");
    fx.refused(
        fx.offContractAs(worker).body(Map.of("workerId", "robot", "errorMessage", "down", "retries", 0, "retryTimeout", 0)),
        "POST",
        "/external-task/" + task + "/failure");
    fx.refused(
        fx.offContractAs(worker).body(Map.of("workerId", "robot", "errorCode", "E")),
        "POST",
        "/external-task/" + task + "/bpmnError");
    fx.refused(
        fx.offContractAs(worker).body(Map.of("workerId", "robot", "newDuration", 1000)),
        "POST",
        "/external-task/" + task + "/extendLock");
    fx.refused(fx.offContractAs(worker), "POST", "/external-task/" + task + "/unlock");
    fx.refused(fx.offContractAs(worker).body(Map.of("retries", 9)), "PUT", "/external-task/" + task + "/retries");
    fx.refused(fx.offContractAs(worker).body(Map.of("priority", 9)), "PUT", "/external-task/" + task + "/priority");

    fx.as("admin").get("/external-task/" + task).then().statusCode(200)
        .body("workerId", equalTo("robot")).body("retries", equalTo(null)).body("priority", equalTo(0));
    fx.as("admin").get("/external-task/count").then().body("count", equalTo(2));
  }

  @Test
  void readAloneShowsTasksButFetchingAlsoNeedsUpdate() {
    fx.grant(PROCESS_INSTANCE, pi1, "READ");

    fx.as(worker).get("/external-task").then().body("processInstanceId", contains(pi1));
    fx.as(worker).body(FETCH).post("/external-task/fetchAndLock").then().statusCode(200).body("id", empty());

    fx.grant(PROCESS_DEFINITION, KEY, "UPDATE_INSTANCE");

    fx.as(worker).body(FETCH).post("/external-task/fetchAndLock").then().statusCode(200)
        .body("processInstanceId", contains(pi1));
  }

  @Test
  void updateInstanceOnTheDefinitionLetsTheWorkerFinishTasks() {
    fx.grant(PROCESS_DEFINITION, KEY, "READ_INSTANCE", "UPDATE_INSTANCE");

    fx.as(worker).body(FETCH).post("/external-task/fetchAndLock").then().statusCode(200).body("id", hasSize(2));
    String task1 = taskOf(pi1);
    String task2 = taskOf(pi2);
    fx.as(worker).body(Map.of("workerId", "robot", "newDuration", 1000))
        .post("/external-task/" + task1 + "/extendLock").then().statusCode(204);
    fx.as(worker).body(Map.of("workerId", "robot")).post("/external-task/" + task1 + "/complete")
        .then().statusCode(204);
    fx.as(worker).post("/external-task/" + task2 + "/unlock").then().statusCode(204);
    fx.as(worker).get("/external-task/" + task2).then().statusCode(200).body("workerId", equalTo(null));
    assertThat(fx.server.engine().processInstances().find(pi1)).isEmpty(); // completed: it ended
  }
}
