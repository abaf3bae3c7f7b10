package dev.tern.rest.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.tern.engine.cleanup.HistoryCleanupSettings;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.history.RemovalTimeStrategy;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * History cleanup over HTTP: removal times set when an instance ends (end time plus the
 * definition's {@code historyTimeToLive}) on every historic row, and {@code /history/cleanup}
 * deleting the expired rows in chunks. Camunda's {@code historyRemovalTimeStrategy} as the
 * historic DTOs show it: {@code start} gives every row of a hierarchy its root's start plus the
 * root definition's time to live from the moment it is written, {@code end} gives them the root's
 * end plus it when the root ends, {@code none} never gives one.
 */
@DatabaseTest
class HistoryCleanupRestTest {

  private static final String ORDER =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <process id="cleanupOrder" isExecutable="true" camunda:historyTimeToLive="P5D">
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

  HistoryCleanupRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void clean() {
    db.database()
        .useTransaction(
            h -> {
              for (String table :
                  List.of("tern_job", "tern_incident", "tern_task", "tern_execution",
                      "tern_process_instance", "tern_hi_process_instance", "tern_hi_activity_instance",
                      "tern_hi_variable", "tern_hi_detail", "tern_hi_task", "tern_hi_identity_link",
                      "tern_hi_job_log")) {
                h.execute("DELETE FROM " + table);
              }
            });
  }

  private void start(HistoryCleanupSettings settings) {
    start(settings, RemovalTimeStrategy.END);
  }

  private void start(HistoryCleanupSettings settings, RemovalTimeStrategy strategy) {
    server =
        RestTestServer.builder(db)
            .clock(clock)
            .engine(
                b ->
                    b.startJobExecutor(false)
                        .historyCleanupSettings(settings)
                        .historyRemovalTimeStrategy(strategy))
            .start();
    server
        .engine()
        .deploymentService()
        .deploy(
            NewDeployment.of(
                    Map.of(
                        "cleanupOrder.bpmn", ORDER.getBytes(StandardCharsets.UTF_8),
                        "strategy.bpmn", PARENT.getBytes(StandardCharsets.UTF_8)))
                .withDuplicateFiltering(true));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private String running() {
    String id =
        server.engine().runtimeService()
            .startProcessInstanceByKey("cleanupOrder", null, null, Map.of("amount", 42)).id();
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

  private long historyRows(String instance) {
    return db.database().withHandle(h -> h.createQuery(
            "SELECT (SELECT COUNT(*) FROM tern_hi_process_instance WHERE id = :id)"
                + " + (SELECT COUNT(*) FROM tern_hi_activity_instance WHERE process_instance_id = :id)"
                + " + (SELECT COUNT(*) FROM tern_hi_variable WHERE process_instance_id = :id)"
                + " + (SELECT COUNT(*) FROM tern_hi_detail WHERE process_instance_id = :id)"
                + " + (SELECT COUNT(*) FROM tern_hi_task WHERE process_instance_id = :id)"
                + " + (SELECT COUNT(*) FROM tern_hi_job_log WHERE process_instance_id = :id)")
        .bind("id", instance).mapTo(Long.class).one());
  }

  @Test
  void anEndedInstanceGetsItsRemovalTimeOnEveryHistoricRow() {
    start(HistoryCleanupSettings.defaults());
    String active = running();
    clock.advance(Duration.ofMinutes(1));
    String done = ended();
    String removal = "2026-01-07T03:05:05.678+0000"; // ended one minute after START, + P5D

    server.given().get("/history/process-instance/" + done).then().statusCode(200)
        .body("removalTime", equalTo(removal));
    server.given().get("/history/process-instance/" + active).then().statusCode(200)
        .body("removalTime", nullValue());
    for (String path :
        List.of("/history/activity-instance", "/history/variable-instance", "/history/task",
            "/history/job-log", "/history/detail")) {
      server.given().queryParam("processInstanceId", done).get(path).then().statusCode(200)
          .body("removalTime", everyItem(equalTo(removal)))
          .body("$", not(hasSize(0)));
      server.given().queryParam("processInstanceId", active).get(path).then().statusCode(200)
          .body("removalTime", everyItem(nullValue()));
    }
  }

  @Test
  void cleanupDeletesOnlyHistoryWhoseRemovalTimeHasPassed() {
    start(HistoryCleanupSettings.defaults());
    String expired = ended();
    clock.advance(Duration.ofDays(3));
    String recent = ended();
    String active = running();
    long recentRows = historyRows(recent);
    long activeRows = historyRows(active);
    clock.advance(Duration.ofDays(2).plusSeconds(1));

    server.given().get("/history/cleanup/jobs").then().statusCode(404)
        .body("message", equalTo("History cleanup jobs are empty"));
    String job = server.given().post("/history/cleanup").then().statusCode(200)
        .body("dueDate", equalTo("2026-01-07T03:04:06.678+0000"))
        .extract().path("id");
    server.given().get("/history/cleanup/jobs").then().statusCode(200).body("id", equalTo(List.of(job)));
    // scheduling again keeps the one job
    server.given().post("/history/cleanup").then().statusCode(200).body("id", equalTo(job));

    while (server.engine().jobExecutor().executeDueJobs() > 0) {
      // one run: fewer rows than the threshold, so the job waits (no window: suspended)
    }

    assertThat(historyRows(expired)).isZero();
    assertThat(historyRows(recent)).isEqualTo(recentRows);
    assertThat(historyRows(active)).isEqualTo(activeRows);
    server.given().get("/history/cleanup/jobs").then().statusCode(200)
        .body("$", hasSize(1)).body("[0].suspended", equalTo(true)).body("[0].dueDate", nullValue());
  }

  @Test
  void eachRunDeletesAtMostTheBatchSizePerTableAndRunsAgainWhileThereIsMore() {
    start(new HistoryCleanupSettings(null, null, 1, 1, true));
    String first = ended();
    String second = ended();
    clock.advance(Duration.ofDays(6));
    String job = server.given().post("/history/cleanup").then().statusCode(200).extract().path("id");

    server.engine().jobService().executeJob(job);

    long left = historyRows(first) + historyRows(second);
    assertThat(left).isPositive();
    server.given().get("/history/cleanup/jobs").then().statusCode(200)
        .body("[0].suspended", equalTo(false));
    while (server.engine().jobExecutor().executeDueJobs() > 0) {
      // until a run deletes fewer rows than the threshold
    }
    assertThat(historyRows(first) + historyRows(second)).isZero();
  }

  @Test
  void theBatchWindowDecidesWhenTheJobIsDueAndIsReportedAsConfiguration() {
    start(HistoryCleanupSettings.defaults().withBatchWindow(LocalTime.of(22, 0), LocalTime.of(2, 0)));
    server.given().get("/history/cleanup/configuration").then().statusCode(200)
        .body("batchWindowStartTime", equalTo("2026-01-02T22:00:00.000+0000"))
        .body("batchWindowEndTime", equalTo("2026-01-03T02:00:00.000+0000"))
        .body("enabled", equalTo(true));
    server.given().queryParam("immediatelyDue", false).post("/history/cleanup").then().statusCode(200)
        .body("dueDate", equalTo("2026-01-02T22:00:00.000+0000"))
        .body("suspended", equalTo(false));

    clock.advance(Duration.ofHours(20)); // 23:04, inside the window
    server.given().get("/history/cleanup/configuration").then().statusCode(200)
        .body("batchWindowStartTime", equalTo("2026-01-02T22:00:00.000+0000"));
    assertThat(server.engine().jobExecutor().executeDueJobs()).isEqualTo(1);
    server.given().get("/history/cleanup/jobs").then().statusCode(200)
        .body("[0].dueDate", equalTo("2026-01-03T22:00:00.000+0000"));
  }

  @Test
  void withoutAWindowTheConfigurationIsEmptyAndADisabledCleanupRefusesToSchedule() {
    start(HistoryCleanupSettings.defaults().withEnabled(false));
    server.given().get("/history/cleanup/configuration").then().statusCode(200)
        .body("batchWindowStartTime", nullValue())
        .body("batchWindowEndTime", nullValue())
        .body("enabled", equalTo(false));
    server.givenInvalidRequest().post("/history/cleanup").then().statusCode(400)
        .body("message", equalTo("History cleanup is disabled for this engine"));
    server.given().get("/history/cleanup/jobs").then().statusCode(404);
  }

  @Test
  void startGivesEveryRowTheRootsStartPlusItsTimeToLiveFromTheFirstWrite() {
    start(HistoryCleanupSettings.defaults(), RemovalTimeStrategy.START);
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
    start(HistoryCleanupSettings.defaults(), RemovalTimeStrategy.END);
    String parent = startParent();
    String child = childOf(parent);

    assertRemovalTimes(parent, child, nullValue());
    finish(parent);
    assertRemovalTimes(parent, child, equalTo(FROM_END));
  }

  @Test
  void noneNeverGivesARemovalTime() {
    start(HistoryCleanupSettings.defaults(), RemovalTimeStrategy.NONE);
    String parent = startParent();
    String child = childOf(parent);

    finish(parent);
    assertRemovalTimes(parent, child, nullValue());
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
