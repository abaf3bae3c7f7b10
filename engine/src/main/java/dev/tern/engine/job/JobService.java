package dev.tern.engine.job;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.NotFoundException;
import dev.tern.engine.OptimisticLockingException;
import dev.tern.engine.TernException;
import dev.tern.engine.incident.IncidentStore;
import dev.tern.engine.persistence.Database;
import java.time.Clock;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** The engine API for jobs and job definitions (Camunda's job part of the ManagementService). */
public final class JobService {

  private final Database database;
  private final Clock clock;
  private final JobStore jobs;
  private final JobDefinitionStore definitions;
  private final IncidentStore incidents;
  private final JobRunner runner;
  private final JobExecutor executor;

  private final Authorizer authorizer = new Authorizer();

  public JobService(
      Database database,
      Clock clock,
      JobStore jobs,
      JobDefinitionStore definitions,
      IncidentStore incidents,
      JobRunner runner,
      JobExecutor executor) {
    this.database = database;
    this.clock = clock;
    this.jobs = jobs;
    this.definitions = definitions;
    this.incidents = incidents;
    this.runner = runner;
    this.executor = executor;
  }

  public JobQuery createJobQuery() {
    return new JobQuery(clock);
  }

  public Optional<Job> findJob(String id) {
    return database.withHandle(handle -> jobs.findById(handle, id));
  }

  /** The job, or a {@link NotFoundException} with Camunda's message. */
  public Job getJob(String id) {
    return findJob(id)
        .orElseThrow(() -> new NotFoundException("Job with id " + id + " does not exist"));
  }

  public List<Job> listJobs(JobQuery query, int firstResult, int maxResults) {
    return database.withHandle(
        handle ->
            query
                .compiled()
                .list(handle, prefixed("j", JobStore.COLUMNS), JobStore::map, clock.instant(), firstResult, maxResults));
  }

  /** The jobs the caller may read: those of instances it may read (as process instances). */
  public List<Job> listJobs(Caller caller, JobQuery query, int firstResult, int maxResults) {
    readable(caller, query);
    return listJobs(query, firstResult, maxResults);
  }

  public long countJobs(Caller caller, JobQuery query) {
    readable(caller, query);
    return countJobs(query);
  }

  /** Restricts the query to the jobs the caller may read; returns it. */
  public JobQuery readable(Caller caller, JobQuery query) {
    return query.readableBy(caller);
  }

  public long countJobs(JobQuery query) {
    return database.withHandle(handle -> query.compiled().count(handle, clock.instant()));
  }

  /** The stack trace of the job's last failure ({@code null} when it never failed). */
  public String getStacktrace(String jobId) {
    return database
        .withHandle(handle -> jobs.findStacktrace(handle, jobId))
        .orElseThrow(() -> new NotFoundException(jobNotFound(jobId)))
        .orElse(null);
  }

  /**
   * Runs the job now on the calling thread, whatever its due date. A failure is recorded as for
   * the executor (retries − 1, exception, incident at 0) and then thrown as a {@link
   * JobFailedException}.
   */
  public void executeJob(String jobId) {
    String owner = executor.nodeId() + "/api-" + UUID.randomUUID();
    Instant lockUntil = clock.instant().plus(executor.settings().lockDuration());
    Job job =
        database.inTransaction(
            handle -> {
              Job found = require(handle, jobId, "No job found with id '" + jobId + "'");
              if (found.suspended()) {
                // Camunda's REST answers engine refusals of this endpoint with 404.
                throw new NotFoundException("Cannot execute job " + jobId + ": the job is suspended");
              }
              jobs.lockForOwner(handle, jobId, owner, lockUntil);
              return found;
            });
    JobRunner.Result result = runner.run(job, owner);
    if (result.outcome() == JobRunner.Outcome.FAILED) {
      throw new JobFailedException(result.failure());
    }
  }

  /**
   * Sets the retries of a job; from 0 to more resolves its failedJob incident and makes it
   * acquirable at once, from more to 0 opens one (as Camunda does).
   *
   * @param dueDate the new due date, applied only when {@code setDueDate} is true
   */
  public void setRetries(String jobId, int retries, Instant dueDate, boolean setDueDate) {
    if (retries < 0) {
      throw new InvalidRequestException(
          "The number of job retries must be a non-negative Integer, but '"
              + retries
              + "' has been provided.");
    }
    database.useTransaction(
        handle -> {
          Job job = require(handle, jobId, jobNotFound(jobId));
          guard(jobs.updateRetries(handle, job, retries, dueDate, setDueDate), jobId);
          if (retries > 0 && job.retries() == 0) {
            incidents.resolveFailedJobIncidents(handle, List.of(jobId));
          } else if (retries == 0 && job.retries() > 0) {
            incidents.openFailedJobIncidents(handle, List.of(jobId));
          }
        });
  }

  public void setDueDate(String jobId, Instant dueDate) {
    database.useTransaction(
        handle -> {
          Job job = require(handle, jobId, jobNotFound(jobId));
          guard(jobs.updateDueDate(handle, job, dueDate), jobId);
        });
  }

  /**
   * Suspends or activates a job. Like Camunda's, this is an update by id: an unknown id changes
   * nothing (returns false) rather than failing.
   */
  public boolean setSuspended(String jobId, boolean suspended) {
    return database.inTransaction(
        handle -> {
          Optional<Job> job = jobs.findById(handle, jobId);
          if (job.isEmpty()) {
            return false;
          }
          guard(jobs.updateSuspended(handle, job.get(), suspended), jobId);
          return true;
        });
  }

  /** Deletes a job that is not running; its failedJob incident ends as deleted. */
  public void deleteJob(String jobId) {
    database.useTransaction(
        handle -> {
          Job job = require(handle, jobId, jobNotFound(jobId));
          if (job.lockOwner() != null
              && job.lockExpirationTime() != null
              && job.lockExpirationTime().isAfter(clock.instant())) {
            // Not the client's mistake but a race with the executor: Camunda answers it with 500.
            throw new TernException(
                TernException.Category.CONFLICT,
                "ProcessEngineException",
                "Cannot delete job when the job is being executed. Try again later.");
          }
          incidents.deleteFailedJobIncidents(handle, List.of(jobId));
          jobs.deleteIfUnchanged(handle, job);
        });
  }

  // ---------------------------------------------------------------- job definitions

  public JobDefinitionQuery createJobDefinitionQuery() {
    return new JobDefinitionQuery();
  }

  public JobDefinition getJobDefinition(String id) {
    return database
        .withHandle(handle -> definitions.findById(handle, id))
        .orElseThrow(
            () -> new NotFoundException("Job Definition with id " + id + " does not exist"));
  }

  public List<JobDefinition> listJobDefinitions(JobDefinitionQuery query, int first, int max) {
    return database.withHandle(
        handle ->
            query
                .filters()
                .list(handle, prefixed("d", JobDefinitionStore.COLUMNS), JobDefinitionStore::map, clock.instant(), first, max));
  }

  public long countJobDefinitions(JobDefinitionQuery query) {
    return database.withHandle(handle -> query.filters().count(handle, clock.instant()));
  }

  /**
   * Suspends or activates a job definition and, when asked, its jobs. An unknown id changes
   * nothing (returns false), as in Camunda.
   */
  public boolean setJobDefinitionSuspended(String id, boolean suspended, boolean includeJobs) {
    return database.inTransaction(
        handle -> {
          if (!definitions.updateSuspended(handle, id, suspended)) {
            return false;
          }
          if (includeJobs) {
            jobs.updateSuspendedByDefinition(handle, id, suspended);
          }
          return true;
        });
  }

  private Job require(Handle handle, String jobId, String message) {
    return jobs.findById(handle, jobId).orElseThrow(() -> new NotFoundException(message));
  }

  /** Camunda's {@code ensureNotNull} wording for a missing job. */
  private static String jobNotFound(String jobId) {
    return "No job found with id '" + jobId + "': job is null";
  }

  private static void guard(int rows, String jobId) {
    if (rows == 0) {
      throw new OptimisticLockingException(
          "Job " + jobId + " was updated by another transaction concurrently");
    }
  }

  static String prefixed(String alias, String columns) {
    return Arrays.stream(columns.split(","))
        .map(c -> alias + "." + c.trim())
        .collect(Collectors.joining(", "));
  }

  /** A job run by hand failed; its failure was recorded like any other attempt. */
  public static final class JobFailedException extends TernException {
    public JobFailedException(Throwable cause) {
      super(Category.INTERNAL, "RestException", cause.getMessage(), 0, cause);
    }
  }
}
