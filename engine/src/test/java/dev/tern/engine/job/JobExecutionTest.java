package dev.tern.engine.job;

import dev.tern.engine.EngineInternals;
import static dev.tern.engine.job.JobTestSupport.count;
import static dev.tern.engine.job.JobTestSupport.engine;
import static dev.tern.engine.job.JobTestSupport.find;
import static dev.tern.engine.job.JobTestSupport.handler;
import static dev.tern.engine.job.JobTestSupport.insert;
import static dev.tern.engine.job.JobTestSupport.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.history.HistoricIncident;
import dev.tern.engine.history.HistoricJobLog;
import dev.tern.engine.incident.Incident;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs jobs with the synchronous driver: retries, back-off, incidents, job log, suspension. */
@DatabaseTest
class JobExecutionTest {

  private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(START);
  private final AtomicInteger runs = new AtomicInteger();
  private final AtomicBoolean failing = new AtomicBoolean(true);
  private String retryCycle;
  private ProcessEngine engine;

  JobExecutionTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void setUp() {
    JobTestSupport.clean(db);
    engine =
        engine(
                db,
                clock,
                handler(
                    (job, handle) -> {
                      runs.incrementAndGet();
                      if (failing.get()) {
                        throw new IllegalStateException("Connection refused: stub is down");
                      }
                    }))
            .retryCycleLookup((handle, job) -> Optional.ofNullable(retryCycle))
            .build();
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  @Test
  void successfulJobIsDeletedAndLogsCreationAndSuccess() {
    failing.set(false);
    Job job = insert(engine, job(engine, null, true));

    assertThat(engine.jobExecutor().executeDueJobs()).isEqualTo(1);

    assertThat(find(engine, job.id())).isEmpty();
    List<HistoricJobLog> log = jobLog(job.id());
    assertThat(log).extracting(HistoricJobLog::state).containsExactly(0, 2);
    assertThat(log.get(1).hostname()).isEqualTo(engine.jobExecutor().nodeId());
  }

  @Test
  void failingJobUsesThreeAttemptsThenOpensFailedJobIncident() {
    JobTestSupport.insertProcessInstance(engine, "pi-1");
    Job job = insert(engine, job(engine, "pi-1", true, null, 3, "serviceTask"));

    assertThat(engine.jobExecutor().executeDueJobs()).isEqualTo(3);

    Job failed = find(engine, job.id()).orElseThrow();
    assertThat(failed.retries()).isZero();
    assertThat(failed.lockOwner()).isNull();
    assertThat(failed.exceptionMessage()).isEqualTo("Connection refused: stub is down");
    assertThat(failed.failedActivityId()).isEqualTo("serviceTask");
    assertThat(engine.jobService().getStacktrace(job.id()))
        .startsWith("java.lang.IllegalStateException: Connection refused: stub is down")
        .contains("\tat ");
    List<Incident> incidents = incidents(job.id());
    assertThat(incidents).hasSize(1);
    Incident incident = incidents.get(0);
    assertThat(incident.incidentType()).isEqualTo("failedJob");
    assertThat(incident.incidentMessage()).isEqualTo("Connection refused: stub is down");
    assertThat(incident.activityId()).isEqualTo("serviceTask");
    assertThat(incident.failedActivityId()).isEqualTo("serviceTask");
    assertThat(incident.processInstanceId()).isEqualTo("pi-1");
    assertThat(incident.incidentTimestamp()).isEqualTo(START);
    HistoricIncident historic = engine.jobHistoryService().getHistoricIncident(incident.id());
    assertThat(historic.open()).isTrue();
    assertThat(historic.rootProcessInstanceId()).isEqualTo("pi-1");
    assertThat(jobLog(job.id())).extracting(HistoricJobLog::state).containsExactly(0, 1, 1, 1);
    // as Camunda 7.24 logs them: the retries the job had when each attempt failed
    assertThat(jobLog(job.id()))
        .extracting(HistoricJobLog::jobRetries)
        .containsExactly(3, 3, 2, 1);
    assertThat(jobLog(job.id()).get(3).jobExceptionMessage())
        .isEqualTo("Connection refused: stub is down");
  }

  @Test
  void jobWithNoRetriesLeftIsNotAcquired() {
    insert(engine, job(engine, null, true, null, 0, "a"));

    assertThat(engine.jobExecutor().executeDueJobs()).isZero();
    assertThat(runs).hasValue(0);
  }

  @Test
  void retryCycleSetsAttemptsAndWaitsOnTheClock() {
    retryCycle = "R5/PT5M";
    Job job = insert(engine, job(engine, null, true));

    assertThat(engine.jobExecutor().executeDueJobs()).isEqualTo(1);
    Job afterFirst = find(engine, job.id()).orElseThrow();
    assertThat(afterFirst.retries()).isEqualTo(4);
    assertThat(afterFirst.dueDate()).isEqualTo(START.plus(Duration.ofMinutes(5)));

    clock.advance(Duration.ofMinutes(4));
    assertThat(engine.jobExecutor().executeDueJobs()).isZero();
    clock.advance(Duration.ofMinutes(1));
    assertThat(engine.jobExecutor().executeDueJobs()).isEqualTo(1);
    assertThat(find(engine, job.id()).orElseThrow().retries()).isEqualTo(3);
  }

  @Test
  void durationListGivesOneAttemptPerEntryWaitingEachInTurn() {
    retryCycle = "PT1M,PT2M,PT10M";
    Job job = insert(engine, job(engine, null, true));

    engine.jobExecutor().executeDueJobs();
    Job first = find(engine, job.id()).orElseThrow();
    assertThat(first.retries()).isEqualTo(2);
    assertThat(first.dueDate()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));

    clock.advance(Duration.ofMinutes(1));
    engine.jobExecutor().executeDueJobs();
    Job second = find(engine, job.id()).orElseThrow();
    assertThat(second.retries()).isEqualTo(1);
    assertThat(second.dueDate()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));

    clock.advance(Duration.ofMinutes(2));
    engine.jobExecutor().executeDueJobs();
    assertThat(find(engine, job.id()).orElseThrow().retries()).isZero();
    assertThat(incidents(job.id())).hasSize(1);
    assertThat(runs).hasValue(3);
  }

  @Test
  void settingRetriesResolvesIncidentAndMakesJobRunAtOnce() {
    retryCycle = "R2/PT10M";
    Job job = insert(engine, job(engine, null, true));
    engine.jobExecutor().executeDueJobs();
    clock.advance(Duration.ofMinutes(10));
    engine.jobExecutor().executeDueJobs();
    Incident incident = incidents(job.id()).get(0);

    clock.advance(Duration.ofMinutes(1));
    engine.jobService().setRetries(job.id(), 1, null, false);

    assertThat(incidents(job.id())).isEmpty();
    HistoricIncident resolved = engine.jobHistoryService().getHistoricIncident(incident.id());
    assertThat(resolved.resolved()).isTrue();
    assertThat(resolved.endTime()).isEqualTo(clock.instant());
    failing.set(false);
    assertThat(engine.jobExecutor().executeDueJobs()).isEqualTo(1);
    assertThat(find(engine, job.id())).isEmpty();
  }

  @Test
  void successAfterFailuresResolvesTheIncident() {
    Job job = insert(engine, job(engine, null, true));
    engine.jobExecutor().executeDueJobs();
    Incident incident = incidents(job.id()).get(0);
    failing.set(false);

    engine.jobService().executeJob(job.id());

    assertThat(find(engine, job.id())).isEmpty();
    assertThat(incidents(job.id())).isEmpty();
    assertThat(engine.jobHistoryService().getHistoricIncident(incident.id()).resolved()).isTrue();
  }

  @Test
  void executingAFailingJobByHandRecordsTheFailureAndThrows() {
    Job job = insert(engine, job(engine, null, true));

    assertThatThrownBy(() -> engine.jobService().executeJob(job.id()))
        .isInstanceOf(JobService.JobFailedException.class)
        .hasMessage("Connection refused: stub is down");

    Job failed = find(engine, job.id()).orElseThrow();
    assertThat(failed.retries()).isEqualTo(2);
    assertThat(failed.lockOwner()).isNull();
  }

  @Test
  void suspendedJobsNeverRunUntilActivated() {
    failing.set(false);
    Job job = insert(engine, job(engine, null, true));
    engine.jobService().setSuspended(job.id(), true);

    assertThat(engine.jobExecutor().executeDueJobs()).isZero();
    assertThat(runs).hasValue(0);

    engine.jobService().setSuspended(job.id(), false);
    assertThat(engine.jobExecutor().executeDueJobs()).isEqualTo(1);
  }

  @Test
  void timerJobRunsOnlyWhenDue() {
    failing.set(false);
    insert(engine, job(engine, null, true, START.plus(Duration.ofHours(1)), 3, "timer"));

    assertThat(engine.jobExecutor().executeDueJobs()).isZero();
    clock.advance(Duration.ofHours(1));
    assertThat(engine.jobExecutor().executeDueJobs()).isEqualTo(1);
  }

  @Test
  void expiredLockOfADeadNodeIsTakenOver() {
    failing.set(false);
    Job job = insert(engine, job(engine, null, true));
    EngineInternals.database(engine)
        .useTransaction(
            h ->
                h.createUpdate(
                        "UPDATE tern_job SET lock_owner = 'dead-node', lock_expiration_time = :until"
                            + " WHERE id = :id")
                    .bind("until", START.plus(Duration.ofMinutes(5)))
                    .bind("id", job.id())
                    .execute());

    assertThat(engine.jobExecutor().executeDueJobs()).isZero();
    clock.advance(Duration.ofMinutes(5).plusMillis(1));
    assertThat(engine.jobExecutor().executeDueJobs()).isEqualTo(1);
    assertThat(find(engine, job.id())).isEmpty();
  }

  @Test
  void jobWithoutHandlerFailsLikeAnyOtherJob() {
    Job job = job(engine, null, true);
    Job unknown =
        Job.builder()
            .id(job.id())
            .handlerType("nobody-handles-this")
            .activityId("a")
            .retries(1)
            .createTime(START)
            .exclusive(true)
            .build();
    insert(engine, unknown);

    engine.jobExecutor().executeDueJobs();

    assertThat(find(engine, job.id()).orElseThrow().exceptionMessage())
        .isEqualTo("No job handler registered for type 'nobody-handles-this'");
    assertThat(incidents(job.id())).hasSize(1);
  }

  @Test
  void deletingAJobLogsDeletionAndEndsItsIncidentAsDeleted() {
    Job job = insert(engine, job(engine, null, true));
    engine.jobExecutor().executeDueJobs();
    Incident incident = incidents(job.id()).get(0);

    engine.jobService().deleteJob(job.id());

    assertThat(find(engine, job.id())).isEmpty();
    assertThat(incidents(job.id())).isEmpty();
    assertThat(engine.jobHistoryService().getHistoricIncident(incident.id()).deleted()).isTrue();
    assertThat(jobLog(job.id())).extracting(HistoricJobLog::state).endsWith(3);
  }

  @Test
  void settingRetriesToZeroOpensAnIncident() {
    Job job = insert(engine, job(engine, null, true));

    engine.jobService().setRetries(job.id(), 0, null, false);

    assertThat(incidents(job.id())).hasSize(1);
    assertThat(engine.jobExecutor().executeDueJobs()).isZero();
    assertThat(
            count(
                engine,
                "SELECT COUNT(*) FROM tern_hi_incident WHERE configuration = :id AND incident_state = 0",
                Map.of("id", job.id())))
        .isEqualTo(1);
  }

  private List<Incident> incidents(String jobId) {
    return engine
        .incidentService()
        .listIncidents(engine.incidentService().createIncidentQuery().set("configuration", jobId), 0, 100);
  }

  private List<HistoricJobLog> jobLog(String jobId) {
    return engine
        .jobHistoryService()
        .listJobLogs(
            Caller.SYSTEM,
            engine.jobHistoryService().createHistoricJobLogQuery().set("jobId", jobId),
            0,
            100);
  }
}
