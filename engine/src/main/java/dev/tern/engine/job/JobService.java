package dev.tern.engine.job;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.NotFoundException;
import dev.tern.engine.OptimisticLockingException;
import dev.tern.engine.TernException;
import dev.tern.engine.incident.IncidentStore;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.query.Columns;
import dev.tern.engine.query.Listing;
import java.time.Clock;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.ReadableRows;
import dev.tern.engine.authorization.Permission;
import dev.tern.engine.authorization.PermissionCheck;
import dev.tern.engine.authorization.Resource;
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
  private final Listing<Job> jobRows;
  private final ReadableRows<JobDefinition> definitionRows;

  private final Authorizer authorizer = new Authorizer();

  JobService(
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
    this.jobRows =
        new Listing<>(database, clock, Columns.qualified("j", JobStore.COLUMNS), JobStore.MAPPER);
    this.definitionRows =
        new ReadableRows<>(
            new Listing<>(
                database,
                clock,
                Columns.qualified("d", JobDefinitionStore.COLUMNS),
                JobDefinitionStore.MAPPER),
            caller -> authorizer.definitionReadable(caller, "d.tenant_id", "d.proc_def_key"));
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

  /**
   * The job, if the caller may read it ({@code READ} on its instance or {@code READ_INSTANCE} on
   * its definition; jobs of no process, such as batch jobs, need nothing, as in Camunda). A job
   * the caller may not read is not found, as Camunda's REST looks it up with a filtered query.
   */
  public Job getJob(Caller caller, String id) {
    return database
        .withHandle(
            handle ->
                jobs.findById(handle, id)
                    .filter(job -> mayRead(handle, caller, job)))
        .map(JobService::shown)
        .orElseThrow(() -> new NotFoundException("Job with id " + id + " does not exist"));
  }

  public List<Job> listJobs(JobQuery query, int firstResult, int maxResults) {
    return jobRows.list(query.filters(), firstResult, maxResults).stream()
        .map(JobService::shown)
        .toList();
  }

  /**
   * The job as Camunda shows it: the timer of an event sub-process of the process names the
   * instance as its execution. Tern stores no execution there, as the timer belongs to the process
   * scope rather than to the instance's token (which shares the instance's id).
   */
  private static Job shown(Job job) {
    return job.executionId() == null
            && job.processInstanceId() != null
            && EVENT_SUB_PROCESS_TIMER.equals(job.handlerType())
        ? job.toBuilder().executionId(job.processInstanceId()).build()
        : job;
  }

  /** The runtime's handler type of an event sub-process's timer (Camunda's name). */
  private static final String EVENT_SUB_PROCESS_TIMER = "timer-start-event-subprocess";

  /** The jobs the caller may read: those of instances it may read (as process instances). */
  public List<Job> listJobs(Caller caller, JobQuery query, int firstResult, int maxResults) {
    return listJobs(query.readableBy(caller), firstResult, maxResults);
  }

  public long countJobs(Caller caller, JobQuery query) {
    return countJobs(query.readableBy(caller));
  }

  public long countJobs(JobQuery query) {
    return jobRows.count(query.filters());
  }

  /** The stack trace of the job's last failure ({@code null} when it never failed). */
  public String getStacktrace(String jobId) {
    return getStacktrace(Caller.SYSTEM, jobId);
  }

  /** {@link #getStacktrace(String)} with {@code READ} on the job's instance or definition. */
  public String getStacktrace(Caller caller, String jobId) {
    return database
        .withHandle(
            handle -> {
              jobs.findById(handle, jobId)
                  .ifPresent(
                      job -> checkJob(handle, caller, job, Permission.READ, Permission.READ_INSTANCE));
              return jobs.findStacktrace(handle, jobId);
            })
        .orElseThrow(() -> new NotFoundException(jobNotFound(jobId)))
        .orElse(null);
  }

  /**
   * Runs the job now on the calling thread, whatever its due date. A failure is recorded as for
   * the executor (retries − 1, exception, incident at 0) and then thrown as a {@link
   * JobFailedException}.
   */
  public void executeJob(String jobId) {
    executeJob(Caller.SYSTEM, jobId);
  }

  /** {@link #executeJob(String)} with {@code UPDATE} on the job's instance or definition. */
  public void executeJob(Caller caller, String jobId) {
    String owner = executor.nodeId() + "/api-" + UUID.randomUUID();
    Instant lockUntil = clock.instant().plus(executor.settings().lockDuration());
    Job job =
        database.inTransaction(
            handle -> {
              Job found = require(handle, jobId, "No job found with id '" + jobId + "'");
              checkUpdate(handle, caller, found);
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
    setRetries(Caller.SYSTEM, jobId, retries, dueDate, setDueDate);
  }

  /**
   * {@link #setRetries(String, int, Instant, boolean)} with Camunda's retry permission: {@code
   * RETRY_JOB} or {@code UPDATE} on the job's instance, {@code RETRY_JOB} or {@code
   * UPDATE_INSTANCE} on its definition.
   */
  public void setRetries(
      Caller caller, String jobId, int retries, Instant dueDate, boolean setDueDate) {
    if (retries < 0) {
      throw new InvalidRequestException(
          "The number of job retries must be a non-negative Integer, but '"
              + retries
              + "' has been provided.");
    }
    database.useTransaction(
        handle -> {
          Job job = require(handle, jobId, jobNotFound(jobId));
          checkRetries(handle, caller, job);
          guard(jobs.updateRetries(handle, job, retries, dueDate, setDueDate), jobId);
          if (retries > 0 && job.retries() == 0) {
            incidents.resolveFailedJobIncidents(handle, List.of(jobId));
          } else if (retries == 0 && job.retries() > 0) {
            incidents.openFailedJobIncidents(handle, List.of(jobId));
          }
        });
  }

  public void setDueDate(String jobId, Instant dueDate) {
    setDueDate(Caller.SYSTEM, jobId, dueDate);
  }

  /** Sets the due date with {@code UPDATE} on the job's instance or definition. */
  public void setDueDate(Caller caller, String jobId, Instant dueDate) {
    database.useTransaction(
        handle -> {
          Job job = require(handle, jobId, jobNotFound(jobId));
          checkUpdate(handle, caller, job);
          guard(jobs.updateDueDate(handle, job, dueDate), jobId);
        });
  }

  /**
   * Suspends or activates a job. Like Camunda's, this is an update by id: an unknown id changes
   * nothing (returns false) rather than failing.
   */
  public boolean setSuspended(String jobId, boolean suspended) {
    return setSuspended(Caller.SYSTEM, jobId, suspended);
  }

  /** Suspends or activates with {@code UPDATE} on the job's instance or definition. */
  public boolean setSuspended(Caller caller, String jobId, boolean suspended) {
    return database.inTransaction(
        handle -> {
          Optional<Job> job = jobs.findById(handle, jobId);
          if (job.isEmpty()) {
            return false;
          }
          checkUpdate(handle, caller, job.get());
          guard(jobs.updateSuspended(handle, job.get(), suspended), jobId);
          return true;
        });
  }

  /** Deletes a job that is not running; its failedJob incident ends as deleted. */
  public void deleteJob(String jobId) {
    deleteJob(Caller.SYSTEM, jobId);
  }

  /** Deletes a job with {@code UPDATE} on its instance or definition (Camunda's rule). */
  public void deleteJob(Caller caller, String jobId) {
    database.useTransaction(
        handle -> {
          Job job = require(handle, jobId, jobNotFound(jobId));
          checkUpdate(handle, caller, job);
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

  /** The job definitions of process definitions the caller may read ({@code READ}, by key). */
  public List<JobDefinition> listJobDefinitions(
      Caller caller, JobDefinitionQuery query, int first, int max) {
    return definitionRows.list(caller, query, first, max);
  }

  public long countJobDefinitions(Caller caller, JobDefinitionQuery query) {
    return definitionRows.count(caller, query);
  }

  /**
   * Suspends or activates a job definition and, when asked, its jobs. An unknown id changes
   * nothing (returns false), as in Camunda.
   */
  public boolean setJobDefinitionSuspended(String id, boolean suspended, boolean includeJobs) {
    return setJobDefinitionSuspended(Caller.SYSTEM, id, suspended, includeJobs);
  }

  /**
   * {@link #setJobDefinitionSuspended(String, boolean, boolean)} with Camunda's checks: {@code
   * UPDATE} on the process definition (by key) and, when its jobs follow, {@code UPDATE} on every
   * process instance or {@code UPDATE_INSTANCE} on the definition.
   */
  public boolean setJobDefinitionSuspended(
      Caller caller, String id, boolean suspended, boolean includeJobs) {
    return database.inTransaction(
        handle -> {
          Optional<JobDefinition> definition = definitions.findById(handle, id);
          String key = definition.map(JobDefinition::processDefinitionKey).orElse(null);
          if (key != null) {
            authorizer.check(
                handle, caller, PermissionCheck.of(Permission.UPDATE, Resource.PROCESS_DEFINITION, key));
            if (includeJobs) {
              authorizer.check(
                  handle,
                  caller,
                  PermissionCheck.of(Permission.UPDATE, Resource.PROCESS_INSTANCE),
                  PermissionCheck.of(Permission.UPDATE_INSTANCE, Resource.PROCESS_DEFINITION, key));
            }
          }
          if (!definitions.updateSuspended(handle, id, suspended)) {
            return false;
          }
          if (includeJobs) {
            jobs.updateSuspendedByDefinition(handle, id, suspended);
          }
          return true;
        });
  }

  /**
   * Camunda's {@code checkUpdateJob}: {@code UPDATE} on the job's instance or {@code
   * UPDATE_INSTANCE} on its definition. Jobs of no process definition (batch jobs) need nothing.
   */
  private void checkUpdate(Handle handle, Caller caller, Job job) {
    checkJob(handle, caller, job, Permission.UPDATE, Permission.UPDATE_INSTANCE);
  }

  private void checkJob(
      Handle handle, Caller caller, Job job, Permission onInstance, Permission onDefinition) {
    PermissionCheck[] checks = checks(job, onInstance, onDefinition);
    if (checks.length > 0) {
      authorizer.check(handle, caller, checks);
    }
  }

  private boolean mayRead(Handle handle, Caller caller, Job job) {
    PermissionCheck[] checks = checks(job, Permission.READ, Permission.READ_INSTANCE);
    return checks.length == 0 || authorizer.grantedAny(handle, caller, checks);
  }

  /** None for a job of no process definition (batch jobs): Camunda checks nothing for those. */
  private static PermissionCheck[] checks(Job job, Permission onInstance, Permission onDefinition) {
    if (job.processDefinitionKey() == null) {
      return new PermissionCheck[0];
    }
    return new PermissionCheck[] {
      PermissionCheck.of(onInstance, Resource.PROCESS_INSTANCE, job.processInstanceId()),
      PermissionCheck.of(onDefinition, Resource.PROCESS_DEFINITION, job.processDefinitionKey())
    };
  }

  /** Camunda's {@code checkUpdateRetriesJob}: {@code RETRY_JOB} or {@code UPDATE}. */
  private void checkRetries(Handle handle, Caller caller, Job job) {
    if (job.processDefinitionKey() == null) {
      return;
    }
    authorizer.check(
        handle,
        caller,
        PermissionCheck.retryJob(job.processInstanceId(), job.processDefinitionKey()));
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

  /** A job run by hand failed; its failure was recorded like any other attempt. */
  public static final class JobFailedException extends TernException {
    public JobFailedException(Throwable cause) {
      super(Category.INTERNAL, "RestException", cause.getMessage(), 0, cause);
    }
  }
}
