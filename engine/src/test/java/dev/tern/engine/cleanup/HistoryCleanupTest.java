package dev.tern.engine.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * History cleanup finds most expired rows through their instance's historic row (its removal time
 * is theirs, and only that table keeps an index on it): a hierarchy's rows in every table go, the
 * historic instances last, and rows that outlive their instance's historic row (task history after
 * a deployment was deleted with cascade) still go by their own removal time.
 */
@DatabaseTest
class HistoryCleanupTest {

  private static final Instant START = Instant.parse("2026-02-03T04:05:06Z");

  /** Every history table with an instance column, and that column. */
  private static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("tern_hi_process_instance", "id");
    for (String table :
        List.of(
            "tern_hi_activity_instance", "tern_hi_variable", "tern_hi_detail", "tern_hi_job_log",
            "tern_hi_incident", "tern_hi_ext_task_log", "tern_hi_task", "tern_hi_op_log",
            "tern_task_comment")) {
      TABLES.put(table, "process_instance_id");
    }
    TABLES.put("tern_hi_identity_link", "root_process_instance_id");
    TABLES.put("tern_task_attachment", "root_process_instance_id");
  }

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(START);

  HistoryCleanupTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void clean() {
    List<String> tables =
        new ArrayList<>(
            List.of("tern_job", "tern_external_task", "tern_task", "tern_execution",
                "tern_process_instance"));
    tables.addAll(TABLES.keySet());
    db.database().useTransaction(h -> tables.forEach(table -> h.execute("DELETE FROM " + table)));
  }

  @Test
  void anExpiredHierarchyLeavesNoRowInAnyTableAndLaterOnesStay() {
    try (ProcessEngine engine = engine(HistoryCleanupSettings.defaults())) {
      deployParentAndChild(engine);
      String expired = endedParent(engine);
      clock.advance(Duration.ofDays(2));
      String recent = endedParent(engine);
      Map<String, Long> recentRows = rowsOfHierarchy(recent);
      assertThat(rowsOfHierarchy(expired).values().stream().mapToLong(Long::longValue).sum())
          .isGreaterThan(10);
      clock.advance(Duration.ofDays(3).plusSeconds(1)); // the first is 5 days and 1 s old

      runCleanup(engine);

      assertThat(rowsOfHierarchy(expired)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
      assertThat(rowsOfHierarchy(recent)).isEqualTo(recentRows);
    }
  }

  @Test
  void runsOfOneRowPerTableNeverLeaveARowWithoutItsHistoricInstance() {
    try (ProcessEngine engine = engine(new HistoryCleanupSettings(null, null, 1, 1, true))) {
      deployParentAndChild(engine);
      String first = endedParent(engine);
      String second = endedParent(engine);
      clock.advance(Duration.ofDays(6));
      engine.historyCleanup().schedule(Caller.SYSTEM, true);

      int runs = 0;
      for (var job = engine.historyCleanup().jobs().get(0); !job.suspended();
          job = engine.historyCleanup().jobs().get(0)) {
        engine.jobService().executeJob(job.id());
        runs++;
        assertThat(rowsWithoutTheirHistoricInstance()).as("after run " + runs).isZero();
      }

      assertThat(runs).isGreaterThan(10);
      assertThat(rowsOfHierarchy(first).values()).allMatch(rows -> rows == 0);
      assertThat(rowsOfHierarchy(second).values()).allMatch(rows -> rows == 0);
    }
  }

  @Test
  void taskHistoryLeftByACascadingDeploymentDeletionExpiresByItsOwnRemovalTime() {
    try (ProcessEngine engine = engine(HistoryCleanupSettings.defaults())) {
      String deployment = deployParentAndChild(engine);
      String ended = endedParent(engine);
      engine.deploymentService().deleteDeployment(deployment, true);
      assertThat(rowsOfHierarchy(ended).get("tern_hi_process_instance")).isZero();
      long leftTasks = rowsOfHierarchy(ended).get("tern_hi_task");
      assertThat(leftTasks).as("task history a cascade leaves").isPositive();
      clock.advance(Duration.ofDays(4));
      runCleanup(engine);
      assertThat(rowsOfHierarchy(ended).get("tern_hi_task")).isEqualTo(leftTasks);

      clock.advance(Duration.ofDays(1).plusSeconds(1));
      runCleanup(engine);

      assertThat(rowsOfHierarchy(ended)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
    }
  }

  private void runCleanup(ProcessEngine engine) {
    engine.historyCleanup().schedule(Caller.SYSTEM, true);
    while (engine.jobExecutor().executeDueJobs() > 0) {
      // until a run deletes fewer rows than the threshold
    }
  }

  /** Rows per table of the hierarchy of this root instance. */
  private Map<String, Long> rowsOfHierarchy(String root) {
    return db.database()
        .withHandle(
            h -> {
              Map<String, Long> rows = new LinkedHashMap<>();
              TABLES.forEach(
                  (table, column) -> {
                    String hierarchy =
                        column.equals("root_process_instance_id")
                            ? " = :root"
                            : " IN (SELECT :root UNION SELECT id FROM tern_hi_process_instance"
                                + " WHERE root_process_instance_id = :root UNION"
                                + " SELECT process_instance_id FROM tern_hi_task"
                                + " WHERE root_process_instance_id = :root)";
                    rows.put(
                        table,
                        h.createQuery(
                                "SELECT COUNT(*) FROM " + table + " WHERE " + column + hierarchy)
                            .bind("root", root)
                            .mapTo(Long.class)
                            .one());
                  });
              return rows;
            });
  }

  /** Rows of the tables cleanup finds through their instance whose historic instance is gone. */
  private long rowsWithoutTheirHistoricInstance() {
    return db.database()
        .withHandle(
            h -> {
              long orphans = 0;
              for (String table :
                  List.of("tern_hi_activity_instance", "tern_hi_variable", "tern_hi_detail",
                      "tern_hi_job_log", "tern_hi_incident", "tern_hi_ext_task_log")) {
                orphans +=
                    h.createQuery(
                            "SELECT COUNT(*) FROM " + table + " e WHERE e.process_instance_id IS NOT"
                                + " NULL AND NOT EXISTS (SELECT 1 FROM tern_hi_process_instance h"
                                + " WHERE h.id = e.process_instance_id)")
                        .mapTo(Long.class)
                        .one();
              }
              return orphans;
            });
  }

  /**
   * A parent (time to live 5 days) whose call activity runs a child (1 day, which the removal time
   * ignores: the root's counts) with an async task and a variable, then a user task, then ends.
   */
  private String endedParent(ProcessEngine engine) {
    String id =
        engine.runtimeService()
            .startProcessInstanceByKey("cleanupParent", null, null, Map.of("amount", 7))
            .id();
    while (engine.jobExecutor().executeDueJobs() > 0) {
      // the child's async task, and its external task's completion below
    }
    var locked =
        engine.externalTaskService()
            .fetchAndLock(
                new dev.tern.engine.externaltask.FetchRequest(
                    "worker", 1, false, null,
                    List.of(dev.tern.engine.externaltask.TopicRequest.of("cleanup-topic", 60_000))));
    assertThat(locked).hasSize(1);
    engine.externalTaskService()
        .complete(locked.get(0).task().id(), "worker", Map.of("done", true), Map.of());
    engine.runtimeService().completeUserTask(id, "review");
    return id;
  }

  private String deployParentAndChild(ProcessEngine engine) {
    BpmnModelInstance parent =
        Bpmn.createExecutableProcess("cleanupParent")
            .camundaHistoryTimeToLive(5)
            .startEvent()
            .callActivity("call")
            .calledElement("cleanupChild")
            .userTask("review")
            .camundaCandidateGroups("clerks")
            .endEvent()
            .done();
    BpmnModelInstance child =
        Bpmn.createExecutableProcess("cleanupChild")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("work")
            .camundaAsyncBefore()
            .camundaExpression("${true}")
            .serviceTask("external")
            .camundaExternalTask("cleanup-topic")
            .endEvent()
            .done();
    return engine
        .deploymentService()
        .deploy(
            NewDeployment.of(
                Map.of(
                    "parent.bpmn", Bpmn.convertToString(parent).getBytes(StandardCharsets.UTF_8),
                    "child.bpmn", Bpmn.convertToString(child).getBytes(StandardCharsets.UTF_8))))
        .deployment()
        .id();
  }

  private ProcessEngine engine(HistoryCleanupSettings settings) {
    return ProcessEngine.builder()
        .database(db.database())
        .clock(clock)
        .startJobExecutor(false)
        .historyCleanupSettings(settings)
        .build();
  }
}
