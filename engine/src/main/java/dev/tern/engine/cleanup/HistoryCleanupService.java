package dev.tern.engine.cleanup;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.authorization.AuthorizationException;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.history.HistoryRetention;
import dev.tern.engine.job.Job;
import dev.tern.engine.job.JobHandler;
import dev.tern.engine.job.JobService;
import dev.tern.engine.job.Jobs;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * History cleanup as Camunda 7.24 does it by default: one cleanup job deletes, in set-based chunks
 * of {@code batchSize} rows per table, the history whose removal time has passed. It runs inside
 * the daily batch window, or at once when scheduled with {@code immediatelyDue}; a run that
 * deleted at least {@code batchThreshold} rows is followed by another at once, otherwise the job
 * waits for the next window (suspended when there is none).
 */
public final class HistoryCleanupService {

  /** Camunda's handler type of the cleanup job. */
  public static final String JOB_TYPE = "history-cleanup";

  private static final String IMMEDIATELY_DUE = "immediatelyDue";
  private static final int RETRIES = 3;

  private final Database database;
  private final Clock clock;
  private final Ids ids;
  private final Jobs jobs;
  private final HistoryRetention retention;
  private final HistoryCleanupSettings settings;
  private JobService jobService;

  public HistoryCleanupService(
      Database database,
      Clock clock,
      Ids ids,
      Jobs jobs,
      HistoryRetention retention,
      HistoryCleanupSettings settings) {
    this.database = database;
    this.clock = clock;
    this.ids = ids;
    this.jobs = jobs;
    this.retention = retention;
    this.settings = settings;
  }

  /** The job service, once the executor is built (it needs {@link #jobHandler()} first). */
  public void useJobService(JobService jobService) {
    this.jobService = jobService;
  }

  public HistoryCleanupSettings settings() {
    return settings;
  }

  /** The window now is in, or else the next one; null when none is configured. */
  public BatchWindow currentOrNextBatchWindow() {
    return BatchWindow.currentOrNext(settings, clock.instant());
  }

  /**
   * Schedules the cleanup job (Camunda's {@code cleanUpHistoryAsync}): creates it if there is none;
   * {@code immediatelyDue} makes it due now, otherwise it is due at the next window's start.
   * Administrators only, as in Camunda.
   *
   * @throws InvalidRequestException when cleanup is disabled on this engine
   */
  public Job schedule(Caller caller, boolean immediatelyDue) {
    if (!caller.unrestricted()) {
      throw AuthorizationException.adminRequired(caller.userId());
    }
    if (!settings.enabled()) {
      throw new InvalidRequestException("History cleanup is disabled for this engine");
    }
    String id =
        database.inTransaction(
            handle -> {
              // one cleanup job per engine, however many nodes schedule it at once
              handle
                  .createQuery(
                      "SELECT prop_value FROM tern_property WHERE name = 'history-cleanup.lock'"
                          + " FOR UPDATE")
                  .mapTo(String.class)
                  .findOne();
              List<String> existing = jobs.idsOfHandlerType(handle, JOB_TYPE);
              if (existing.isEmpty()) {
                Job job = nextJob(immediatelyDue, clock.instant());
                jobs.insert(handle, job);
                return job.id();
              }
              if (immediatelyDue) {
                jobs.makeDue(handle, existing.get(0), clock.instant(), IMMEDIATELY_DUE);
              }
              return existing.get(0);
            });
    return jobService.getJob(id);
  }

  /** The cleanup jobs (at most one). */
  public List<Job> jobs() {
    List<String> found = database.withHandle(handle -> jobs.idsOfHandlerType(handle, JOB_TYPE));
    return found.stream().map(jobService::getJob).toList();
  }

  /** The cleanup job as it waits for its next run: due now, at the next window, or suspended. */
  private Job nextJob(boolean immediatelyDue, Instant now) {
    Instant due = now;
    if (!immediatelyDue) {
      BatchWindow next = BatchWindow.currentOrNext(settings, now);
      due = next == null ? null : next.start();
    }
    return Job.builder()
        .id(ids.next())
        .kind("timer")
        .handlerType(JOB_TYPE)
        .handlerConfig(immediatelyDue ? IMMEDIATELY_DUE : "")
        .retries(RETRIES)
        .dueDate(due)
        .suspended(due == null)
        .createTime(now)
        .build();
  }

  /** Runs the cleanup job; the executor deletes the job that ran, so each run plans the next. */
  public JobHandler jobHandler() {
    return JobHandler.of(JOB_TYPE, this::run);
  }

  private void run(Handle handle, Job job) {
    Instant now = clock.instant();
    boolean immediatelyDue = IMMEDIATELY_DUE.equals(job.handlerConfig());
    BatchWindow window = BatchWindow.currentOrNext(settings, now);
    boolean inWindow = window != null && window.contains(now);
    if (!settings.enabled() || !(immediatelyDue || inWindow)) {
      jobs.insert(handle, nextJob(false, now));
      return;
    }
    int deleted = retention.deleteExpired(handle, now, settings.batchSize());
    if (deleted >= settings.batchThreshold() && deleted > 0) {
      jobs.insert(handle, nextJob(true, now).toBuilder().handlerConfig(job.handlerConfig()).build());
    } else {
      BatchWindow next = BatchWindow.next(settings, now);
      Job waiting = nextJob(false, now);
      jobs.insert(
          handle,
          waiting.toBuilder()
              .dueDate(next == null ? null : next.start())
              .suspended(next == null)
              .build());
    }
  }
}
