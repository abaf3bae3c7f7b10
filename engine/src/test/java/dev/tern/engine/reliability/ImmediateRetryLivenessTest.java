package dev.tern.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.engine.EngineSettings;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.job.JobExecutorSettings;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A job that is due again the moment its run ends (it failed with a {@code R2/PT0S} retry cycle, or
 * it completed and created the next async step) must run again while the node has free workers.
 * The clock stands still, so a job stranded under this node's lock (the lock never expires) keeps
 * these tests from ever finishing: each waits for the end state and fails on the bound only if a
 * job was stranded.
 */
@DatabaseTest
class ImmediateRetryLivenessTest {

  private static final int INSTANCES = 500;

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05Z"));
  private ProcessEngine engine;

  ImmediateRetryLivenessTest(TestDatabase db) {
    this.db = db;
  }

  @AfterEach
  void close() {
    engine.close();
    db.database()
        .useTransaction(
            h -> {
              for (String table :
                  new String[] {"tern_job", "tern_incident", "tern_execution", "tern_variable", "tern_process_instance"}) {
                h.execute("DELETE FROM " + table);
              }
            });
  }

  @Test
  void jobsFailingWithAnImmediateRetryUseUpTheirRetriesWithoutWaitingForTheirLock() {
    engine = pausedEngine();
    deploy(
        """
        <serviceTask id="call" camunda:asyncBefore="true" camunda:expression="${missing.property}">
          <extensionElements>
            <camunda:failedJobRetryTimeCycle>R2/PT0S</camunda:failedJobRetryTimeCycle>
          </extensionElements>
        </serviceTask>
        """);
    startInstances();

    engine.jobExecutor().resume();

    awaitUpTo(() -> count("SELECT COUNT(*) FROM tern_incident") == INSTANCES);
    assertThat(count("SELECT COUNT(*) FROM tern_job WHERE retries = 0 AND lock_owner IS NULL"))
        .isEqualTo(INSTANCES);
    assertThat(count("SELECT COUNT(*) FROM tern_hi_job_log WHERE job_state = 1"))
        .isEqualTo(2L * INSTANCES);
  }

  @Test
  void jobsWhoseRunCreatesTheNextDueJobAllRun() {
    engine = pausedEngine();
    deploy(
        """
        <serviceTask id="call" camunda:asyncBefore="true" camunda:expression="${1 + 1}"/>
        <sequenceFlow id="f3" sourceRef="call" targetRef="call2"/>
        <serviceTask id="call2" camunda:asyncBefore="true" camunda:expression="${2 + 2}"/>
        """);
    startInstances();

    engine.jobExecutor().resume();

    awaitUpTo(() -> count("SELECT COUNT(*) FROM tern_process_instance") == 0);
    assertThat(count("SELECT COUNT(*) FROM tern_job")).isZero();
    assertThat(count("SELECT COUNT(*) FROM tern_hi_job_log WHERE job_state = 2"))
        .isEqualTo(2L * INSTANCES);
  }

  private ProcessEngine pausedEngine() {
    return ProcessEngine.builder()
        .database(db.database())
        .clock(clock)
        .settings(EngineSettings.defaults().withJobExecutorActive(false))
        .jobExecutorSettings(
            JobExecutorSettings.defaults()
                .withNodeId("node-a")
                .withWorkerThreads(8)
                .withIdleDelays(Duration.ofMillis(5), Duration.ofMillis(50)))
        .startJobExecutor(true)
        .build();
  }

  private void deploy(String steps) {
    String lastStep = steps.contains("call2") ? "call2" : "call";
    String bpmn =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="liveness" isExecutable="true" camunda:historyTimeToLive="30">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="call"/>
            %s
            <sequenceFlow id="f2" sourceRef="%s" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """
            .formatted(steps, lastStep);
    engine
        .deploymentService()
        .deploy(NewDeployment.of(Map.of("liveness.bpmn", bpmn.getBytes(StandardCharsets.UTF_8))));
  }

  private void startInstances() {
    for (int i = 0; i < INSTANCES; i++) {
      engine.runtimeService().startProcessInstanceByKey("liveness", null, null, Map.of());
    }
  }

  /**
   * Generous: the runs take seconds; a stranded job would need the (frozen) clock to pass its
   * five-minute lock, so it never ends without the fix.
   */
  private static void awaitUpTo(java.util.concurrent.Callable<Boolean> done) {
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(done);
  }

  private long count(String sql) {
    return db.database().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }
}
