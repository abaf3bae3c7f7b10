package dev.tern.engine.job;

import dev.tern.engine.history.JobLog;
import dev.tern.engine.history.LogState;
import dev.tern.engine.incident.IncidentStore;
import dev.tern.engine.persistence.Database;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one claimed job in its own transaction, and records a failure in a second one.
 *
 * <p>Exclusive jobs: before anything else the run locks its process instance row ({@code SELECT …
 * FOR UPDATE}). Two exclusive jobs of one instance claimed by two nodes at the same moment (the
 * claim filter cannot see each other's uncommitted claims) therefore run one after the other: the
 * second waits for the first transaction to end, then re-reads its job. This holds across nodes
 * because the lock lives in the database; it costs a worker thread only in that rare race, since
 * the claim itself already skips instances with a locked exclusive job.
 *
 * <p>The job row itself is not locked while the handler runs, so the executor can renew the lease
 * from another connection and another node can take over a job whose lease lapsed (a frozen or
 * partitioned node). The lock owner is a fencing token, one per claim: the final {@code DELETE …
 * WHERE lock_owner = me} is the guard that the job was not taken over meanwhile, and zero rows
 * rolls the whole run back, so only the current owner's run commits its effects.
 */
final class JobRunner {

  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
  private static final int MAX_MESSAGE = 4000;

  /** What became of one run. */
  public enum Outcome {
    SUCCEEDED,
    FAILED,
    /** The job was gone, suspended or no longer ours: nothing ran. */
    SKIPPED
  }

  /** The outcome of a run and, for a failure, its cause. */
  public record Result(Outcome outcome, Throwable failure) {}

  private final Database database;
  private final Clock clock;
  private final JobStore jobs;
  private final JobLog jobLog;
  private final IncidentStore incidents;
  private final JobHandlerRegistry handlers;
  private final RetryCycleLookup retryCycles;

  JobRunner(
      Database database,
      Clock clock,
      JobStore jobs,
      JobLog jobLog,
      IncidentStore incidents,
      JobHandlerRegistry handlers,
      RetryCycleLookup retryCycles) {
    this.database = database;
    this.clock = clock;
    this.jobs = jobs;
    this.jobLog = jobLog;
    this.incidents = incidents;
    this.handlers = handlers;
    this.retryCycles = retryCycles;
  }

  /**
   * Runs a job that {@code owner} holds the lock of. {@code claimed} is the job as it was claimed;
   * only its id, instance and exclusivity are used (they never change), the run reads the rest.
   */
  public Result run(Job claimed, String owner) {
    String jobId = claimed.id();
    try {
      boolean ran = database.inTransactionWithGenericPlans(handle -> execute(handle, claimed, owner));
      return new Result(ran ? Outcome.SUCCEEDED : Outcome.SKIPPED, null);
    } catch (LockLostException e) {
      LOG.debug("Job {} was taken over by another owner while {} ran it", jobId, owner);
      return new Result(Outcome.SKIPPED, null);
    } catch (Throwable failure) {
      // JVM errors too: a StackOverflowError from a deeply nested expression or an
      // OutOfMemoryError from a huge response ends this run only (its stack and allocations are
      // gone by now); rethrown, it would kill the worker and leave the job to run again and again
      // after every lock expiry, its failure never recorded.
      if (failure instanceof VirtualMachineError) {
        LOG.warn("Job {} failed with {}", jobId, failure.toString());
      } else {
        LOG.debug("Job {} failed", jobId, failure);
      }
      recordFailure(jobId, owner, failure);
      return new Result(Outcome.FAILED, failure);
    }
  }

  private boolean execute(Handle handle, Job claimed, String owner) {
    String jobId = claimed.id();
    JobHandler handler = handlers.require(claimed.handlerType());
    Optional<Job> found;
    if (claimed.exclusive() && claimed.processInstanceId() != null) {
      // Lock the instance first, then read the job: whatever ran on the instance while we waited
      // for the lock (another exclusive job moving the token on, removing ours) is visible to the
      // read, so the handler starts from current state.
      handler.lockInstance(handle, claimed.processInstanceId());
      found = handler.readLocked(handle, jobId, jobs).filter(job -> owner.equals(job.lockOwner()));
    } else {
      found = ours(handle, jobId, owner);
    }
    if (found.isEmpty()) {
      return false;
    }
    Job job = found.get();
    if (job.suspended()) {
      jobs.unlock(handle, List.of(jobId), owner);
      return false;
    }
    handler.execute(job, handle);
    jobLog.log(handle, LogState.SUCCESSFUL, List.of(jobId));
    if (job.retries() == 0) {
      // Only a job at zero retries can have an open failed-job incident: every way of giving a
      // job retries back resolves its incidents. Such a job runs only when executed by hand.
      incidents.resolveFailedJobIncidents(handle, List.of(jobId));
    }
    if (jobs.deleteLocked(handle, jobId, owner) == 0) {
      // Fencing: another claim took the job over (our lease lapsed) or already finished it. The
      // handler never deletes its own job (the interpreter spares the current one), so a missing
      // row is someone else's doing too. Roll back: only the current owner's run counts.
      throw new LockLostException();
    }
    return true;
  }

  private Optional<Job> ours(Handle handle, String jobId, String owner) {
    return jobs.findById(handle, jobId).filter(job -> owner.equals(job.lockOwner()));
  }

  private void recordFailure(String jobId, String owner, Throwable failure) {
    try {
      database.useTransaction(handle -> recordFailure(handle, jobId, owner, failure));
    } catch (RuntimeException e) {
      // The lock lapses and another attempt follows; nothing else can be done here.
      LOG.warn("Could not record the failure of job {}", jobId, e);
    }
  }

  private void recordFailure(Handle handle, String jobId, String owner, Throwable failure) {
    Optional<Job> found = ours(handle, jobId, owner);
    if (found.isEmpty()) {
      return;
    }
    Job job = found.get();
    Instant now = clock.instant();
    int retries;
    Instant dueDate = job.dueDate();
    Optional<RetryCycle> cycle =
        retryCycles.retryTimeCycle(handle, job).flatMap(RetryCycle::parse);
    if (cycle.isPresent()) {
      // As in Camunda, the cycle replaces the default retries on the first failure only; after
      // that (and after retries set by hand) it only decides the wait.
      int before = jobs.hasFailedBefore(handle, jobId) ? job.retries() : cycle.get().attempts();
      int failureNumber = cycle.get().attempts() - before + 1;
      retries = before - 1;
      if (retries > 0) {
        // The last failure keeps the old due date, so retries set by hand make it due at once.
        dueDate = cycle.get().nextDueAfterFailure(failureNumber, now);
      }
    } else {
      retries = job.retries() - 1;
    }
    retries = Math.max(0, retries);
    String message = truncate(failure.getMessage());
    String failedActivityId = job.activityId();
    if (jobs.recordFailure(handle, job, retries, dueDate, message, stackTrace(failure), failedActivityId)
        == 0) {
      return;
    }
    jobLog.logFailure(handle, jobId, job.retries());
    if (retries == 0) {
      incidents.openFailedJobIncidents(handle, List.of(jobId));
    }
  }

  private static String truncate(String message) {
    return message == null || message.length() <= MAX_MESSAGE
        ? message
        : message.substring(0, MAX_MESSAGE);
  }

  static String stackTrace(Throwable failure) {
    StringWriter out = new StringWriter();
    failure.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  /** The job was taken over by another owner while it ran; the run is rolled back. */
  private static final class LockLostException extends RuntimeException {
    LockLostException() {
      super(null, null, false, false);
    }
  }
}
