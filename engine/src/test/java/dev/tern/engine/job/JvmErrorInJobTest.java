package dev.tern.engine.job;

import static dev.tern.engine.job.JobTestSupport.engine;
import static dev.tern.engine.job.JobTestSupport.find;
import static dev.tern.engine.job.JobTestSupport.handler;
import static dev.tern.engine.job.JobTestSupport.insert;
import static dev.tern.engine.job.JobTestSupport.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A JVM error thrown by a job (stack overflow, out of memory) is that job's failure: retries go
 * down, an incident opens at zero, and the single worker thread goes on with the next job.
 */
@DatabaseTest
class JvmErrorInJobTest {

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05Z"));
  private ProcessEngine engine;

  JvmErrorInJobTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void clean() {
    JobTestSupport.clean(db);
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void stackOverflowAndOutOfMemoryFailTheirJobAndTheWorkerGoesOn() {
    AtomicInteger healthyRuns = new AtomicInteger();
    engine =
        engine(
                db,
                clock,
                handler("overflow", (job, h) -> recurse(0)),
                handler("huge", (job, h) -> allocateTooMuch()),
                handler("healthy", (job, h) -> healthyRuns.incrementAndGet()))
            .jobExecutorSettings(
                JobExecutorSettings.defaults()
                    .withWorkerThreads(1)
                    .withIdleDelays(Duration.ofMillis(5), Duration.ofMillis(50)))
            .startJobExecutor(true)
            .build();
    Job overflow = insert(engine, ofType("overflow"));
    Job huge = insert(engine, ofType("huge"));

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> incidents() == 2);
    insert(engine, ofType("healthy"));
    await().atMost(Duration.ofSeconds(30)).until(() -> healthyRuns.get() == 1);

    assertThat(find(engine, overflow.id()).orElseThrow())
        .satisfies(
            j -> {
              assertThat(j.retries()).isZero();
              assertThat(j.lockOwner()).isNull();
            });
    assertThat(engine.jobService().getStacktrace(overflow.id())).startsWith("java.lang.StackOverflowError");
    assertThat(find(engine, huge.id()).orElseThrow().retries()).isZero();
    assertThat(engine.jobService().getStacktrace(huge.id())).startsWith("java.lang.OutOfMemoryError");
    assertThat(
            JobTestSupport.count(
                engine, "SELECT COUNT(*) FROM tern_hi_job_log WHERE job_state = 1", Map.of()))
        .isEqualTo(6);
  }

  private Job ofType(String type) {
    Job base = job(engine, null, false);
    return new Job(
        base.id(), base.rev(), base.kind(), type, base.handlerConfig(), base.jobDefinitionId(),
        base.processInstanceId(), base.executionId(), base.processDefinitionId(),
        base.processDefinitionKey(), base.activityId(), base.deploymentId(), base.tenantId(),
        base.retries(), base.dueDate(), base.createTime(), base.lockOwner(),
        base.lockExpirationTime(), base.exclusive(), base.suspended(), base.priority(),
        base.exceptionMessage(), base.failedActivityId(), base.batchId(), base.sequenceCounter());
  }

  private long incidents() {
    return JobTestSupport.count(engine, "SELECT COUNT(*) FROM tern_incident", Map.of());
  }

  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }

  private static void allocateTooMuch() {
    // Larger than any heap this test runs with: the JVM refuses it at once, without filling memory.
    long[][] blocks = new long[64][];
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = new long[Integer.MAX_VALUE - 8];
    }
  }
}
