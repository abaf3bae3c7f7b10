package dev.tern.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.externaltask.FetchRequest;
import dev.tern.engine.externaltask.TopicRequest;
import dev.tern.engine.query.Page;
import dev.tern.engine.task.TaskAttachment;
import dev.tern.engine.task.TaskQuery;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * History cleanup only ever deletes rows with a removal time: a history row written in the same
 * transaction that ends the root instance (the log entry of the job or external task that ended
 * it) must carry the removal time too, or it would stay forever; under the strategy "start" every
 * kind of row is written with it.
 */
@DatabaseTest
class RemovalTimeCoverageTest {

  private static final Instant START = Instant.parse("2026-03-04T05:06:07Z");
  private static final List<String> INSTANCE_TABLES =
      List.of(
          "tern_hi_process_instance",
          "tern_hi_activity_instance",
          "tern_hi_job_log",
          "tern_hi_ext_task_log",
          "tern_hi_variable",
          "tern_hi_detail");

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(START);

  RemovalTimeCoverageTest(TestDatabase db) {
    this.db = db;
  }

  @Test
  void theLogEntryOfTheJobThatEndsItsInstanceCarriesRootAndRemovalTime() {
    try (ProcessEngine engine = engine()) {
      deploy(
          engine,
          Bpmn.createExecutableProcess("removalAsync")
              .camundaHistoryTimeToLive(3)
              .startEvent()
              .serviceTask("work")
              .camundaAsyncBefore()
              .camundaExpression("${true}")
              .endEvent()
              .done());
      String instance = startWithAmount(engine, "removalAsync");
      clock.advance(Duration.ofSeconds(5));

      engine.jobExecutor().executeDueJobs();

      assertEveryRowExpiresThreeDaysAfterTheEnd(instance, 2);
    }
  }

  @Test
  void theLogEntryOfTheExternalTaskThatEndsItsInstanceCarriesRootAndRemovalTime() {
    try (ProcessEngine engine = engine()) {
      deploy(
          engine,
          Bpmn.createExecutableProcess("removalExternal")
              .camundaHistoryTimeToLive(3)
              .startEvent()
              .serviceTask("work")
              .camundaExternalTask("removal-topic")
              .endEvent()
              .done());
      String instance = startWithAmount(engine, "removalExternal");
      clock.advance(Duration.ofSeconds(5));
      String task = fetchOne(engine, "removal-topic");

      engine.externalTaskService().complete(task, "worker", Map.of(), Map.of());

      assertEveryRowExpiresThreeDaysAfterTheEnd(instance, 0);
    }
  }

  @Test
  void underTheStartStrategyEveryKindOfRowIsWrittenWithTheRootsStartPlusItsTimeToLive() {
    try (ProcessEngine engine = engine(RemovalTimeStrategy.START)) {
      deploy(
          engine,
          Bpmn.createExecutableProcess("removalAtStart")
              .camundaHistoryTimeToLive(3)
              .startEvent()
              .serviceTask("work")
              .camundaExternalTask("start-topic")
              .userTask("review")
              .camundaCandidateGroups("clerks")
              .endEvent()
              .done());
      String instance = startWithAmount(engine, "removalAtStart");
      clock.advance(Duration.ofHours(5));
      String task = fetchOne(engine, "start-topic");
      engine.externalTaskService()
          .handleFailure(Caller.SYSTEM, task, "worker", "down", null, 0, 0, Map.of());
      engine.externalTaskService().setRetries(Caller.SYSTEM, task, 1);
      engine.externalTaskService()
          .complete(fetchOne(engine, "start-topic"), "worker", Map.of(), Map.of());
      String review =
          engine.taskService().list(Caller.SYSTEM, new TaskQuery(), Page.ALL).get(0).id();
      engine.taskCommentService().create(Caller.SYSTEM, review, instance, "checked");
      engine.taskAttachmentService()
          .create(Caller.SYSTEM, review, new TaskAttachment.New("a", null, null, "http://a", null));

      Map<String, String> tables = new java.util.LinkedHashMap<>();
      for (String table : INSTANCE_TABLES) {
        tables.put(table, table.equals("tern_hi_process_instance") ? "id" : "process_instance_id");
      }
      tables.put("tern_hi_incident", "process_instance_id");
      tables.put("tern_hi_task", "process_instance_id");
      tables.put("tern_task_comment", "process_instance_id");
      tables.put("tern_hi_identity_link", "root_process_instance_id");
      tables.put("tern_task_attachment", "root_process_instance_id");
      tables.put("tern_hi_op_log", "process_instance_id");
      db.database()
          .useTransaction(
              h ->
                  tables.forEach(
                      (table, column) -> {
                        List<Map<String, Object>> rows = rowsOf(h, table, column, instance);
                        if (!table.equals("tern_hi_op_log") && !table.equals("tern_hi_job_log")) {
                          assertThat(rows).as(table).isNotEmpty();
                        }
                        rows.forEach(row -> assertRemovalTime(table, row, START.plus(Duration.ofDays(3))));
                      }));
    }
  }

  @Test
  void theRootsEndAndItsRemovalTimeAreWrittenTogetherUnderEachStrategy() {
    Map<RemovalTimeStrategy, Instant> removals = new java.util.EnumMap<>(RemovalTimeStrategy.class);
    removals.put(RemovalTimeStrategy.END, START.plus(Duration.ofSeconds(5)).plus(Duration.ofDays(3)));
    removals.put(RemovalTimeStrategy.START, START.plus(Duration.ofDays(3)));
    removals.put(RemovalTimeStrategy.NONE, null);
    removals.forEach(
        (strategy, removal) -> {
          clock.set(START);
          try (ProcessEngine engine = engine(strategy)) {
            deploy(engine, asyncProcess("endTogether", 3));
            String instance = startWithAmount(engine, "endTogether");
            clock.advance(Duration.ofSeconds(5));

            List<String> written =
                dev.tern.engine.testing.WrittenStatements.during(
                    db.database(), () -> engine.jobExecutor().executeDueJobs());

            Map<String, Object> row = historicInstance(instance);
            assertThat(row.get("state")).as(strategy.name()).isEqualTo("COMPLETED");
            assertThat(instant(row.get("end_time"))).isEqualTo(clock.instant());
            assertThat(((Number) row.get("duration_ms")).longValue()).isEqualTo(5_000);
            assertThat(row.get("end_activity_id")).isEqualTo("done");
            if (removal == null) {
              assertThat(row.get("removal_time")).as(strategy.name()).isNull();
            } else {
              assertRemovalTime(strategy.name(), row, removal);
            }
            // one statement ends the row, and under "end" it carries the removal time
            List<String> ends =
                written.stream().filter(sql -> sql.contains("SET state = 'COMPLETED'")).toList();
            assertThat(ends).as(strategy.name()).hasSize(1);
            assertThat(ends.get(0).contains("removal_time"))
                .as(strategy.name())
                .isEqualTo(strategy == RemovalTimeStrategy.END);
            // while the root runs only "start" gives it a removal time for its rows to copy
            assertThat(
                    written.stream()
                        .filter(sql -> sql.startsWith("INSERT INTO tern_hi_activity_instance")))
                .as(strategy.name())
                .isNotEmpty()
                .allMatch(
                    sql -> sql.contains("rt.removal_time") == (strategy == RemovalTimeStrategy.START));
            if (strategy == RemovalTimeStrategy.END) {
              assertEveryRowExpiresThreeDaysAfterTheEnd(instance, 2);
            }
          }
        });
  }

  @Test
  void aRootWithoutTimeToLiveEndsWithoutRemovalTime() {
    try (ProcessEngine engine = engine()) {
      deploy(engine, asyncProcess("keptForever", null));
      String instance = startWithAmount(engine, "keptForever");
      clock.advance(Duration.ofSeconds(5));

      engine.jobExecutor().executeDueJobs();

      Map<String, Object> row = historicInstance(instance);
      assertThat(row.get("state")).isEqualTo("COMPLETED");
      assertThat(instant(row.get("end_time"))).isEqualTo(clock.instant());
      db.database()
          .useTransaction(
              h -> {
                for (String table : INSTANCE_TABLES) {
                  String column = table.equals("tern_hi_process_instance") ? "id" : "process_instance_id";
                  rowsOf(h, table, column, instance)
                      .forEach(r -> assertThat(r.get("removal_time")).as(table + " " + r).isNull());
                }
              });
    }
  }

  @Test
  void aDeletedRootIsTerminatedWithItsRemovalTimeAndSoIsEveryRowOfIt() {
    try (ProcessEngine engine = engine()) {
      deploy(engine, asyncProcess("deletedRoot", 3));
      String instance = startWithAmount(engine, "deletedRoot");
      clock.advance(Duration.ofSeconds(7));

      engine.processInstances().delete(instance, "no longer needed");

      Map<String, Object> row = historicInstance(instance);
      assertThat(row.get("state")).isEqualTo("EXTERNALLY_TERMINATED");
      assertThat(row.get("delete_reason")).isEqualTo("no longer needed");
      assertThat(((Number) row.get("duration_ms")).longValue()).isEqualTo(7_000);
      assertEveryRowExpiresThreeDaysAfterTheEnd(instance, 2); // the job created, then deleted
    }
  }

  /** A process whose async service task ends it (end event {@code done}). */
  private static org.camunda.bpm.model.bpmn.BpmnModelInstance asyncProcess(String key, Integer ttl) {
    // the model API writes a time to live of 180 days unless told otherwise
    return Bpmn.createExecutableProcess(key)
        .camundaHistoryTimeToLiveString(ttl == null ? null : ttl.toString())
        .startEvent()
        .serviceTask("work")
        .camundaAsyncBefore()
        .camundaExpression("${true}")
        .endEvent("done")
        .done();
  }

  private Map<String, Object> historicInstance(String instance) {
    return db.database()
        .withHandle(h -> rowsOf(h, "tern_hi_process_instance", "id", instance))
        .get(0);
  }

  private String startWithAmount(ProcessEngine engine, String key) {
    return engine.runtimeService().startProcessInstanceByKey(key, null, null, Map.of("amount", 7)).id();
  }

  /** Fetches and locks the one external task of the topic. */
  private static String fetchOne(ProcessEngine engine, String topic) {
    var locked =
        engine.externalTaskService()
            .fetchAndLock(
                new FetchRequest("worker", 1, false, null, List.of(TopicRequest.of(topic, 60_000))));
    assertThat(locked).hasSize(1);
    return locked.get(0).task().id();
  }

  private static List<Map<String, Object>> rowsOf(
      org.jdbi.v3.core.Handle h, String table, String column, String instance) {
    return h.createQuery("SELECT * FROM " + table + " WHERE " + column + " = :id")
        .bind("id", instance)
        .mapToMap()
        .list();
  }

  private static void assertRemovalTime(String table, Map<String, Object> row, Instant expected) {
    assertThat(row.get("removal_time")).as(table + " " + row).isNotNull();
    assertThat(instant(row.get("removal_time"))).as(table + " " + row).isEqualTo(expected);
  }

  private void assertEveryRowExpiresThreeDaysAfterTheEnd(String instance, int jobLogRows) {
    Instant expected = clock.instant().plus(Duration.ofDays(3));
    db.database()
        .useTransaction(
            h -> {
              for (String table : INSTANCE_TABLES) {
                String column = table.equals("tern_hi_process_instance") ? "id" : "process_instance_id";
                List<Map<String, Object>> rows = rowsOf(h, table, column, instance);
                if (table.equals("tern_hi_job_log")) {
                  assertThat(rows).as(table).hasSize(jobLogRows);
                } else if (!table.equals("tern_hi_ext_task_log") || jobLogRows == 0) {
                  assertThat(rows).as(table).isNotEmpty();
                }
                for (Map<String, Object> row : rows) {
                  assertRemovalTime(table, row, expected);
                  if (row.containsKey("root_process_instance_id")) {
                    assertThat(row.get("root_process_instance_id")).as(table + " " + row).isEqualTo(instance);
                  }
                }
              }
            });
  }

  private static Instant instant(Object value) {
    return value instanceof java.time.OffsetDateTime time
        ? time.toInstant()
        : ((java.sql.Timestamp) value).toInstant();
  }

  private ProcessEngine engine() {
    return engine(RemovalTimeStrategy.END);
  }

  private ProcessEngine engine(RemovalTimeStrategy strategy) {
    db.database()
        .useTransaction(
            h -> {
              for (String table :
                  List.of("tern_job", "tern_incident", "tern_task", "tern_external_task",
                      "tern_execution", "tern_process_instance")) {
                h.execute("DELETE FROM " + table);
              }
            });
    return ProcessEngine.builder()
        .database(db.database())
        .clock(clock)
        .startJobExecutor(false)
        .settings(dev.tern.engine.EngineSettings.defaults().withHistoryTimeToLiveRequired(false))
        .historyRemovalTimeStrategy(strategy)
        .build();
  }

  private static void deploy(ProcessEngine engine, org.camunda.bpm.model.bpmn.BpmnModelInstance model) {
    engine
        .deploymentService()
        .deploy(
            NewDeployment.of(
                Map.of("removal.bpmn", Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8))));
  }
}
