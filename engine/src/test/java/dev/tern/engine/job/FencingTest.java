package dev.tern.engine.job;

import static dev.tern.engine.job.JobTestSupport.count;
import static dev.tern.engine.job.JobTestSupport.engine;
import static dev.tern.engine.job.JobTestSupport.handler;
import static dev.tern.engine.job.JobTestSupport.insert;
import static dev.tern.engine.job.JobTestSupport.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one database; node A stalls in the middle of a run (a GC pause, a frozen process:
 * here a latch, and no lease renewal because its executor threads are not started) until its lock
 * has expired on the shared clock and node B has taken the job over. A's run must then roll back
 * and B's run is the one that counts.
 */
@DatabaseTest
class FencingTest {

  private static final Duration LOCK = Duration.ofMinutes(5);

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05Z"));
  private final List<ProcessEngine> engines = new ArrayList<>();
  private final CountDownLatch aStalled = new CountDownLatch(1);
  private final CountDownLatch aMayGoOn = new CountDownLatch(1);

  FencingTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void clean() {
    JobTestSupport.clean(db);
    db.database().useTransaction(h -> h.execute("DELETE FROM tern_property WHERE name LIKE 'effect-%'"));
  }

  @AfterEach
  void close() {
    aMayGoOn.countDown();
    engines.forEach(ProcessEngine::close);
  }

  @Test
  void aStalledRunThatFinishesAfterTheTakeoverCommitsNothing() throws Exception {
    // The run's effect: a row written in its transaction, named after the node that ran it.
    JobHandler stallOnA =
        handler(
            (job, h) -> {
              String node = job.lockOwner().substring(0, "node-a".length());
              h.createUpdate("INSERT INTO tern_property (name, prop_value) VALUES (:name, :job)")
                  .bind("name", "effect-" + node)
                  .bind("job", job.id())
                  .execute();
              if (node.equals("node-a")) {
                stall();
              }
            });
    ProcessEngine a = node("node-a", JobTestSupport.engine(db, clock, stallOnA));
    ProcessEngine b = node("node-b", JobTestSupport.engine(db, clock, stallOnA));
    Job job = insert(a, job(a, null, false));
    CompletableFuture<Integer> aRuns = CompletableFuture.supplyAsync(a.jobExecutor()::executeDueJobs);
    assertThat(aStalled.await(30, TimeUnit.SECONDS)).isTrue();

    clock.advance(LOCK.plusSeconds(1));
    assertThat(b.jobExecutor().executeDueJobs()).isEqualTo(1);
    aMayGoOn.countDown();
    aRuns.get(30, TimeUnit.SECONDS);

    assertThat(successes(a, job.id())).isEqualTo(1);
    assertThat(effectsOf(a, job.id()))
        .containsExactly("effect-node-b");
    assertThat(JobTestSupport.find(a, job.id())).isEmpty();
  }

  @Test
  void theTakeoverRunOfAnAsyncStepCountsOnceWhenTheStalledRunEndsFirst() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Map<String, Object> beans = Map.of("gate", new Gate(calls));
    ProcessEngine a = node("node-a", ProcessEngine.builder().beans(beans));
    ProcessEngine b = node("node-b", ProcessEngine.builder().beans(beans));
    a.deploymentService()
        .deploy(NewDeployment.of(Map.of("fence.bpmn", PROCESS.getBytes(StandardCharsets.UTF_8))));
    String pi = a.runtimeService().startProcessInstanceByKey("fence", null, null, Map.of()).id();
    String jobId = jobOf(a, pi);
    CompletableFuture<Integer> aRuns = CompletableFuture.supplyAsync(a.jobExecutor()::executeDueJobs);
    assertThat(aStalled.await(30, TimeUnit.SECONDS)).isTrue();

    clock.advance(LOCK.plusSeconds(1));
    // B claims, then waits for the instance lock A's run holds (the job is exclusive).
    CompletableFuture<Integer> bRuns = CompletableFuture.supplyAsync(b.jobExecutor()::executeDueJobs);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> JobTestSupport.find(a, jobId).map(j -> j.lockOwner().startsWith("node-b")).orElse(false));
    aMayGoOn.countDown();
    aRuns.get(30, TimeUnit.SECONDS);
    bRuns.get(30, TimeUnit.SECONDS);

    assertThat(calls).hasValue(2);
    assertThat(successes(a, jobId)).isEqualTo(1);
    assertThat(count(a, "SELECT COUNT(*) FROM tern_hi_activity_instance WHERE process_instance_id = :pi AND activity_id = 'end'", Map.of("pi", pi)))
        .isEqualTo(1);
    assertThat(count(a, "SELECT COUNT(*) FROM tern_hi_activity_instance WHERE process_instance_id = :pi AND activity_id = 'call'", Map.of("pi", pi)))
        .isEqualTo(1);
    assertThat(count(a, "SELECT COUNT(*) FROM tern_hi_process_instance WHERE id = :pi AND state = 'COMPLETED'", Map.of("pi", pi)))
        .isEqualTo(1);
    assertThat(count(a, "SELECT COUNT(*) FROM tern_job", Map.of())).isZero();
  }

  /** The service task's bean: the first call (node A's) stalls until the test lets it go on. */
  public final class Gate {
    private final AtomicInteger calls;

    Gate(AtomicInteger calls) {
      this.calls = calls;
    }

    public int enter() {
      if (calls.incrementAndGet() == 1) {
        stall();
      }
      return calls.get();
    }
  }

  private void stall() {
    aStalled.countDown();
    try {
      aMayGoOn.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ProcessEngine node(String nodeId, ProcessEngine.Builder builder) {
    ProcessEngine engine =
        builder
            .database(db.database())
            .clock(clock)
            .startJobExecutor(false)
            .jobExecutorSettings(JobExecutorSettings.defaults().withNodeId(nodeId).withLockDuration(LOCK))
            .build();
    engines.add(engine);
    return engine;
  }

  private static List<String> effectsOf(ProcessEngine engine, String jobId) {
    return dev.tern.engine.EngineInternals.database(engine)
        .withHandle(
            h ->
                h.createQuery("SELECT name FROM tern_property WHERE prop_value = :job")
                    .bind("job", jobId)
                    .mapTo(String.class)
                    .list());
  }

  private static long successes(ProcessEngine engine, String jobId) {
    return count(
        engine,
        "SELECT COUNT(*) FROM tern_hi_job_log WHERE job_id = :id AND job_state = 2",
        Map.of("id", jobId));
  }

  private static String jobOf(ProcessEngine engine, String pi) {
    return dev.tern.engine.EngineInternals.database(engine)
        .withHandle(
            h ->
                h.createQuery("SELECT id FROM tern_job WHERE process_instance_id = :pi")
                    .bind("pi", pi)
                    .mapTo(String.class)
                    .one());
  }

  private static final String PROCESS =
      """
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <process id="fence" isExecutable="true" camunda:historyTimeToLive="30">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="call"/>
          <serviceTask id="call" camunda:asyncBefore="true" camunda:expression="${gate.enter()}"/>
          <sequenceFlow id="f2" sourceRef="call" targetRef="end"/>
          <endEvent id="end"/>
        </process>
      </definitions>
      """;
}
