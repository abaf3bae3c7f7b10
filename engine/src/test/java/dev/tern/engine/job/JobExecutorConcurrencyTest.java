package dev.tern.engine.job;

import dev.tern.engine.EngineInternals;
import static dev.tern.engine.job.JobTestSupport.engine;
import static dev.tern.engine.job.JobTestSupport.find;
import static dev.tern.engine.job.JobTestSupport.handler;
import static dev.tern.engine.job.JobTestSupport.insert;
import static dev.tern.engine.job.JobTestSupport.insertProcessInstance;
import static dev.tern.engine.job.JobTestSupport.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.engine.EngineSettings;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real executor threads: several nodes on one database, exclusivity, pause, wake-up, shutdown. */
@DatabaseTest
class JobExecutorConcurrencyTest {

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05Z"));
  private final List<ProcessEngine> engines = new ArrayList<>();

  JobExecutorConcurrencyTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void clean() {
    JobTestSupport.clean(db);
  }

  @AfterEach
  void closeEngines() {
    engines.forEach(ProcessEngine::close);
  }

  @Test
  void twoNodesRunEveryJobExactlyOnce() {
    Map<String, String> ranOn = new ConcurrentHashMap<>();
    AtomicInteger duplicates = new AtomicInteger();
    ProcessEngine first = node("node-a", 4, recordOn(ranOn, duplicates, "node-a"));
    node("node-b", 4, recordOn(ranOn, duplicates, "node-b"));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      ids.add(insert(first, job(first, null, false)).id());
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> ranOn.size() == ids.size());

    assertThat(ranOn.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(duplicates).hasValue(0);
    await().atMost(Duration.ofSeconds(10)).until(() -> remainingJobs(first) == 0);
  }

  @Test
  void exclusiveJobsOfOneInstanceNeverOverlapAcrossNodes() {
    Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
    AtomicInteger maxOverlap = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    var handler =
        handler(
            (job, h) -> {
              AtomicInteger running =
                  active.computeIfAbsent(job.processInstanceId(), k -> new AtomicInteger());
              maxOverlap.accumulateAndGet(running.incrementAndGet(), Math::max);
              try {
                // Hold the job briefly so that an overlap, if the executor allowed one, is seen.
                Thread.sleep(3);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                running.decrementAndGet();
                done.incrementAndGet();
              }
            });
    ProcessEngine first = node("node-a", 4, handler);
    node("node-b", 4, handler);
    int jobs = 0;
    for (int p = 0; p < 4; p++) {
      String pi = "pi-" + p;
      insertProcessInstance(first, pi);
      for (int j = 0; j < 8; j++) {
        insert(first, job(first, pi, true));
        jobs++;
      }
    }
    int expected = jobs;

    await().atMost(Duration.ofSeconds(60)).until(() -> done.get() >= expected);

    assertThat(maxOverlap).hasValue(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> remainingJobs(first) == 0);
  }

  @Test
  void nonExclusiveJobsOfOneInstanceMayRunAtTheSameTime() {
    CyclicBarrier bothRunning = new CyclicBarrier(2);
    ProcessEngine engine =
        node(
            "node-a",
            2,
            handler(
                (job, h) -> {
                  try {
                    // Only passes if the two jobs of the instance run concurrently.
                    bothRunning.await(10, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    throw new IllegalStateException("jobs did not run side by side", e);
                  }
                }));
    insertProcessInstance(engine, "pi-1");
    Job a = insert(engine, job(engine, "pi-1", false));
    Job b = insert(engine, job(engine, "pi-1", false));

    await().atMost(Duration.ofSeconds(30)).until(() -> remainingJobs(engine) == 0);

    assertThat(find(engine, a.id())).isEmpty();
    assertThat(find(engine, b.id())).isEmpty();
  }

  @Test
  void pausedExecutorClaimsNothingUntilResumed() {
    AtomicInteger runs = new AtomicInteger();
    ProcessEngine engine =
        register(
            engine(db, clock, handler((job, h) -> runs.incrementAndGet()))
                .settings(EngineSettings.defaults().withJobExecutorActive(false))
                .startJobExecutor(true)
                .build());
    Job job = insert(engine, job(engine, null, true));

    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> runs.get() == 0);
    assertThat(engine.jobExecutor().isActive()).isFalse();
    assertThat(find(engine, job.id()).orElseThrow().lockOwner()).isNull();

    engine.jobExecutor().resume();

    await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1);
  }

  @Test
  void jobCreatedOnThisNodeWakesAnIdleExecutorAtOnce() {
    AtomicInteger runs = new AtomicInteger();
    ProcessEngine engine =
        register(
            engine(db, clock, handler((job, h) -> runs.incrementAndGet()))
                .jobExecutorSettings(
                    JobExecutorSettings.defaults()
                        .withIdleDelays(Duration.ofMinutes(1), Duration.ofMinutes(1)))
                .startJobExecutor(true)
                .build());
    await().atMost(Duration.ofSeconds(5)).until(() -> engine.jobExecutor().heldJobs() == 0);

    insert(engine, job(engine, null, true));

    await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1);
  }

  @Test
  void shutdownLetsTheRunningJobFinishAndReleasesClaimedOnes() throws Exception {
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch mayFinish = new CountDownLatch(1);
    AtomicBoolean secondRan = new AtomicBoolean();
    AtomicInteger runs = new AtomicInteger();
    ProcessEngine engine =
        node(
            "node-a",
            2,
            handler(
                (job, h) -> {
                  if (runs.incrementAndGet() == 1) {
                    firstStarted.countDown();
                    awaitQuietly(mayFinish);
                  } else {
                    secondRan.set(true);
                  }
                }));
    insertProcessInstance(engine, "pi-1");
    engine.jobExecutor().pause();
    Job first = job(engine, "pi-1", true, clock.instant().minusSeconds(1), 3, "a");
    Job second = job(engine, "pi-1", true, clock.instant(), 3, "b");
    // One transaction: a claim already under way when pause() returned sees both jobs or neither.
    EngineInternals.database(engine).useTransaction(
        h -> {
          JobFixture.store(engine).insert(h, first);
          JobFixture.store(engine).insert(h, second);
        });
    engine.jobExecutor().resume();
    assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(find(engine, second.id()).orElseThrow().lockOwner()).startsWith("node-a/");

    Thread closer = new Thread(engine.jobExecutor()::close);
    closer.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> engine.jobExecutor().stopping());
    mayFinish.countDown();
    closer.join(30_000);

    assertThat(closer.isAlive()).isFalse();
    assertThat(find(engine, first.id())).isEmpty();
    Job released = find(engine, second.id()).orElseThrow();
    assertThat(released.lockOwner()).isNull();
    assertThat(released.lockExpirationTime()).isNull();
    assertThat(secondRan).isFalse();
  }

  @Test
  void shutdownReleasesAJobStillRunningAfterTheBoundAndItsLateCommitIsFenced() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch mayFinish = new CountDownLatch(1);
    AtomicBoolean finished = new AtomicBoolean();
    ProcessEngine engine =
        register(
            engine(
                    db,
                    clock,
                    handler(
                        (job, h) -> {
                          started.countDown();
                          // Not interruptible, like a blocking call: it outlives the bound.
                          while (!finished.get()) {
                            try {
                              mayFinish.await(30, TimeUnit.SECONDS);
                              finished.set(true);
                            } catch (InterruptedException e) {
                              // keep waiting
                            }
                          }
                        }))
                .jobExecutorSettings(
                    JobExecutorSettings.defaults()
                        .withNodeId("node-a")
                        .withIdleDelays(Duration.ofMillis(5), Duration.ofMillis(50))
                        .withShutdownTimeout(Duration.ofMillis(200)))
                .startJobExecutor(true)
                .build());
    Job job = insert(engine, job(engine, null, false));
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    engine.jobExecutor().close();

    Job released = find(engine, job.id()).orElseThrow();
    assertThat(released.lockOwner()).isNull();
    mayFinish.countDown();
    await().atMost(Duration.ofSeconds(10)).until(finished::get);
    // The late run may not delete the job it no longer owns: another node runs it.
    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(10))
        .until(() -> find(engine, job.id()).isPresent());
  }

  @Test
  void longRunningJobRenewsItsLeaseSoNoOtherNodeTakesItOver() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch mayFinish = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    JobHandler slow =
        handler(
            (job, h) -> {
              runs.incrementAndGet();
              started.countDown();
              awaitQuietly(mayFinish);
            });
    ProcessEngine running =
        register(
            engine(db, clock, slow)
                .jobExecutorSettings(
                    JobExecutorSettings.defaults()
                        .withNodeId("node-a")
                        .withLockDuration(Duration.ofMillis(300))
                        .withIdleDelays(Duration.ofMillis(5), Duration.ofMillis(50)))
                .startJobExecutor(true)
                .build());
    ProcessEngine other = register(engine(db, clock, slow).build());
    Job job = insert(running, job(running, null, true));
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    clock.advance(Duration.ofMinutes(10));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> find(running, job.id()).orElseThrow().lockExpirationTime().isAfter(clock.instant()));

    assertThat(other.jobExecutor().executeDueJobs()).isZero();
    mayFinish.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> find(running, job.id()).isEmpty());
    assertThat(runs).hasValue(1);
  }

  private ProcessEngine node(String nodeId, int threads, JobHandler handler) {
    return register(
        engine(db, clock, handler)
            .jobExecutorSettings(
                JobExecutorSettings.defaults()
                    .withNodeId(nodeId)
                    .withWorkerThreads(threads)
                    .withIdleDelays(Duration.ofMillis(5), Duration.ofMillis(50)))
            .startJobExecutor(true)
            .build());
  }

  private ProcessEngine register(ProcessEngine engine) {
    engines.add(engine);
    return engine;
  }

  private static JobHandler recordOn(
      Map<String, String> ranOn, AtomicInteger duplicates, String node) {
    return handler(
        (Job job, Handle h) -> {
          if (ranOn.putIfAbsent(job.id(), node) != null) {
            duplicates.incrementAndGet();
          }
        });
  }

  private static long remainingJobs(ProcessEngine engine) {
    return engine.jobService().countJobs(engine.jobService().createJobQuery());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
