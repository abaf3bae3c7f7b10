package dev.tern.engine.job;

import static dev.tern.engine.job.JobTestSupport.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.engine.EngineInternals;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.persistence.Dialect;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An exclusive job is read again, with its token's execution, only once its instance is locked:
 * whatever the instance's other exclusive job changed meanwhile is what the run starts from. Here
 * the other job ends one of two parallel paths, so the remaining path's execution is merged into
 * the instance's and the waiting job now names the instance's execution; a job or execution row
 * read before the lock would name a row that is gone.
 */
@DatabaseTest
class LockedJobReadTest {

  private final TestDatabase db;
  private final CountDownLatch firstStalled = new CountDownLatch(1);
  private final CountDownLatch firstMayGoOn = new CountDownLatch(1);
  private ProcessEngine engine;

  LockedJobReadTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    JobTestSupport.clean(db);
    engine =
        ProcessEngine.builder()
            .database(db.database())
            .startJobExecutor(false)
            .beans(Map.of("gate", new Gate()))
            .build();
    engine
        .deploymentService()
        .deploy(NewDeployment.of(Map.of("fork.bpmn", PROCESS.getBytes(StandardCharsets.UTF_8))));
  }

  @AfterEach
  void close() {
    firstMayGoOn.countDown();
    engine.close();
  }

  @Test
  void aJobThatWaitedForItsInstanceRunsFromTheExecutionTheOtherJobLeftItIn() throws Exception {
    String pi = engine.runtimeService().startProcessInstanceByKey("fork", null, null, Map.of()).id();
    String left = jobAt(pi, "left");
    String right = jobAt(pi, "right");
    String rightExecutionBefore = executionOf(right);
    assertThat(rightExecutionBefore).isNotEqualTo(pi);

    CompletableFuture<Void> first =
        CompletableFuture.runAsync(() -> engine.jobService().executeJob(left));
    assertThat(firstStalled.await(30, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> second =
        CompletableFuture.runAsync(() -> engine.jobService().executeJob(right));
    awaitOneWaiterForALock();
    firstMayGoOn.countDown();
    first.get(30, TimeUnit.SECONDS);
    second.get(30, TimeUnit.SECONDS);

    assertThat(count(engine, "SELECT COUNT(*) FROM tern_job", Map.of())).isZero();
    assertThat(count(engine, "SELECT COUNT(*) FROM tern_execution", Map.of())).isZero();
    assertThat(
            count(
                engine,
                "SELECT COUNT(*) FROM tern_hi_process_instance WHERE id = :pi AND state = 'COMPLETED'",
                Map.of("pi", pi)))
        .isEqualTo(1);
    assertThat(
            count(
                engine,
                "SELECT COUNT(*) FROM tern_hi_activity_instance WHERE process_instance_id = :pi"
                    + " AND activity_id IN ('left', 'right', 'leftEnd', 'rightEnd')"
                    + " AND end_time IS NOT NULL",
                Map.of("pi", pi)))
        .isEqualTo(4);
    assertThat(
            count(
                engine,
                "SELECT COUNT(*) FROM tern_hi_job_log WHERE job_state = 2 AND job_id IN (:a, :b)",
                Map.of("a", left, "b", right)))
        .as("both jobs succeeded once, none failed")
        .isEqualTo(2);
    assertThat(count(engine, "SELECT COUNT(*) FROM tern_hi_job_log WHERE job_state = 1", Map.of()))
        .isZero();
  }

  /** The second run waits for the instance row the first one holds. */
  private void awaitOneWaiterForALock() {
    String waiting =
        db.dialect() == Dialect.POSTGRES
            ? "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
            : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> count(engine, waiting, Map.of()) == 1);
  }

  private String jobAt(String pi, String activityId) {
    return EngineInternals.database(engine)
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT id FROM tern_job WHERE process_instance_id = :pi AND activity_id = :a")
                    .bind("pi", pi)
                    .bind("a", activityId)
                    .mapTo(String.class)
                    .one());
  }

  private String executionOf(String jobId) {
    return EngineInternals.database(engine)
        .withHandle(
            h ->
                h.createQuery("SELECT execution_id FROM tern_job WHERE id = :id")
                    .bind("id", jobId)
                    .mapTo(String.class)
                    .one());
  }

  /** The service tasks' bean: the first call stalls (holding its instance) until let go on. */
  public final class Gate {
    private int calls;

    public synchronized int enter() {
      calls++;
      if (calls == 1) {
        firstStalled.countDown();
        try {
          firstMayGoOn.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return calls;
    }
  }

  private static final String PROCESS =
      """
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <process id="fork" isExecutable="true" camunda:historyTimeToLive="30">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="split"/>
          <parallelGateway id="split"/>
          <sequenceFlow id="f2" sourceRef="split" targetRef="left"/>
          <sequenceFlow id="f3" sourceRef="split" targetRef="right"/>
          <serviceTask id="left" camunda:asyncBefore="true" camunda:expression="${gate.enter()}"/>
          <serviceTask id="right" camunda:asyncBefore="true" camunda:expression="${gate.enter()}"/>
          <sequenceFlow id="f4" sourceRef="left" targetRef="leftEnd"/>
          <sequenceFlow id="f5" sourceRef="right" targetRef="rightEnd"/>
          <endEvent id="leftEnd"/>
          <endEvent id="rightEnd"/>
        </process>
      </definitions>
      """;
}
