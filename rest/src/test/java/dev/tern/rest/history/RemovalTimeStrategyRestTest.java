package dev.tern.rest.history;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.history.RemovalTimeStrategy;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Camunda's {@code historyRemovalTimeStrategy} as the historic DTOs show it: {@code start} gives
 * every row of a hierarchy its root's start plus the root definition's time to live from the
 * moment it is written, {@code end} gives them the root's end plus it when the root ends, {@code
 * none} never gives one.
 */
@DatabaseTest
class RemovalTimeStrategyRestTest {

  private static final String PARENT =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <process id="strategyParent" isExecutable="true" camunda:historyTimeToLive="P5D">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="call"/>
          <callActivity id="call" calledElement="strategyChild"/>
          <sequenceFlow id="f2" sourceRef="call" targetRef="review"/>
          <userTask id="review" camunda:candidateGroups="clerks"/>
          <sequenceFlow id="f3" sourceRef="review" targetRef="end"/>
          <endEvent id="end"/>
        </process>
        <process id="strategyChild" isExecutable="true" camunda:historyTimeToLive="P1D">
          <startEvent id="childStart"/>
          <sequenceFlow id="c1" sourceRef="childStart" targetRef="sync"/>
          <serviceTask id="sync" camunda:asyncBefore="true" camunda:expression="${true}"/>
          <sequenceFlow id="c2" sourceRef="sync" targetRef="childEnd"/>
          <endEvent id="childEnd"/>
        </process>
      </definitions>
      """;

  private static final Instant START = Instant.parse("2026-01-02T03:04:05.678Z");
  /** START plus the parent's five days; the child's one day never counts. */
  private static final String FROM_START = "2026-01-07T03:04:05.678+0000";
  /** The parent ends one hour after START. */
  private static final String FROM_END = "2026-01-07T04:04:05.678+0000";

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(START);
  private RestTestServer server;

  RemovalTimeStrategyRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void clean() {
    db.database()
        .useTransaction(
            h -> {
              for (String table :
                  List.of("tern_job", "tern_task", "tern_execution", "tern_process_instance",
                      "tern_hi_process_instance", "tern_hi_activity_instance", "tern_hi_variable",
                      "tern_hi_detail", "tern_hi_task", "tern_hi_identity_link", "tern_hi_job_log")) {
                h.execute("DELETE FROM " + table);
              }
            });
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void startGivesEveryRowTheRootsStartPlusItsTimeToLiveFromTheFirstWrite() {
    start(RemovalTimeStrategy.START);
    String parent = startParent();
    String child = childOf(parent);

    assertRemovalTimes(parent, child, equalTo(FROM_START));
    finish(parent);
    assertRemovalTimes(parent, child, equalTo(FROM_START));
    server.given().queryParam("processInstanceId", parent).get("/history/task").then()
        .body("$", hasSize(1));
  }

  @Test
  void endGivesEveryRowTheRootsEndPlusItsTimeToLiveWhenTheRootEnds() {
    start(RemovalTimeStrategy.END);
    String parent = startParent();
    String child = childOf(parent);

    assertRemovalTimes(parent, child, nullValue());
    finish(parent);
    assertRemovalTimes(parent, child, equalTo(FROM_END));
  }

  @Test
  void noneNeverGivesARemovalTime() {
    start(RemovalTimeStrategy.NONE);
    String parent = startParent();
    String child = childOf(parent);

    finish(parent);
    assertRemovalTimes(parent, child, nullValue());
  }

  private void start(RemovalTimeStrategy strategy) {
    server =
        RestTestServer.builder(db)
            .clock(clock)
            .engine(b -> b.startJobExecutor(false).historyRemovalTimeStrategy(strategy))
            .start();
    server
        .engine()
        .deploymentService()
        .deploy(
            NewDeployment.of(Map.of("strategy.bpmn", PARENT.getBytes(StandardCharsets.UTF_8))));
  }

  /** Starts the parent; its child waits at its async task. */
  private String startParent() {
    return server.engine().runtimeService()
        .startProcessInstanceByKey("strategyParent", null, null, Map.of("amount", 42)).id();
  }

  private String childOf(String parent) {
    return server.given().queryParam("superProcessInstanceId", parent)
        .get("/history/process-instance").then().statusCode(200).body("$", hasSize(1))
        .extract().path("[0].id");
  }

  /** Runs the child's job, then completes the parent's user task an hour after the start. */
  private void finish(String parent) {
    String job = server.given().get("/job").then().statusCode(200).extract().path("[0].id");
    server.engine().jobService().executeJob(job);
    clock.advance(Duration.ofHours(1));
    server.engine().runtimeService().completeUserTask(parent, "review");
    server.given().get("/history/process-instance/" + parent).then().statusCode(200)
        .body("state", equalTo("COMPLETED"));
  }

  /**
   * The two historic instances, the rows of every kind the parent and the child wrote, and the
   * parent's task once it has one.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void assertRemovalTimes(String parent, String child, Matcher removal) {
    for (String instance : List.of(parent, child)) {
      server.given().get("/history/process-instance/" + instance).then().statusCode(200)
          .body("removalTime", removal);
    }
    for (String path :
        List.of("/history/activity-instance", "/history/variable-instance", "/history/detail")) {
      assertRows(path, parent, removal);
    }
    for (String path : List.of("/history/activity-instance", "/history/job-log")) {
      assertRows(path, child, removal);
    }
    server.given().queryParam("processInstanceId", parent).get("/history/task").then()
        .statusCode(200).body("removalTime", everyItem(removal));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void assertRows(String path, String instance, Matcher removal) {
    server.given().queryParam("processInstanceId", instance).get(path).then().statusCode(200)
        .body("$", not(hasSize(0)))
        .body("removalTime", everyItem(removal));
  }
}
