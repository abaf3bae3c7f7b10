package dev.tern.engine.batch;

import dev.tern.engine.history.BatchHistory;
import dev.tern.engine.job.Job;
import dev.tern.engine.job.JobDefinitions;
import dev.tern.engine.job.JobHandler;
import dev.tern.engine.job.Jobs;
import dev.tern.engine.persistence.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The jobs of batches — seed, batch and monitor jobs: creating them, running them, and what ends a
 * batch.
 */
final class BatchJobs {

  /** What a batch type does to one chunk of its items, given the batch's configuration. */
  interface ChunkAction {
    void apply(Handle handle, List<String> itemIds, String configuration);
  }

  /** Camunda's default retries for the jobs it creates. */
  static final int DEFAULT_RETRIES = 3;

  static final String SEED_JOB_TYPE = "batch-seed-job";
  static final String MONITOR_JOB_TYPE = "batch-monitor-job";

  private final BatchStore batches;
  private final BatchHistory historicBatches;
  private final Jobs jobs;
  private final JobDefinitions jobDefinitions;
  private final Ids ids;
  private final Clock clock;

  BatchJobs(
      BatchStore batches,
      BatchHistory historicBatches,
      Jobs jobs,
      JobDefinitions jobDefinitions,
      Ids ids,
      Clock clock) {
    this.batches = batches;
    this.historicBatches = historicBatches;
    this.jobs = jobs;
    this.jobDefinitions = jobDefinitions;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * Runs a batch's seed job: creates the next {@code batchJobsPerSeed} batch jobs with one
   * statement, then queues itself again while more remain, or else the monitor job (due at once, as
   * Camunda does so small batches finish fast).
   */
  JobHandler seedHandler() {
    return JobHandler.of(SEED_JOB_TYPE, this::seed);
  }

  private void seed(Handle handle, Job job) {
    var found = batches.findForUpdate(handle, job.handlerConfig());
    if (found.isEmpty()) {
      return; // the batch was deleted; its seed job goes with it
    }
    Batch batch = found.get().batch();
    int from = batch.jobsCreated();
    int to = Math.min(batch.totalJobs(), from + batch.batchJobsPerSeed());
    insertBatchJobs(handle, batch, from, to);
    batches.setJobsCreated(handle, batch.id(), to);
    if (to < batch.totalJobs()) {
      insertSeedJob(handle, batch);
    } else {
      insertMonitorJob(handle, batch, null);
    }
  }

  /**
   * Runs a batch's monitor job: the safety net that ends a batch whose batch jobs are all gone (the
   * last batch job normally ends it at once), or checks again after the poll interval.
   */
  JobHandler monitorHandler(Duration pollInterval) {
    return JobHandler.of(
        MONITOR_JOB_TYPE,
        (handle, job) -> {
          var found = batches.findForUpdate(handle, job.handlerConfig());
          if (found.isEmpty()) {
            return; // the batch already completed or was deleted
          }
          Batch batch = found.get().batch();
          if (batch.jobsCreated() >= batch.totalJobs() && !batches.hasOpenBatchJobs(handle, batch)) {
            complete(handle, batch, job.id());
          } else {
            insertMonitorJob(handle, batch, clock.instant().plus(pollInterval));
          }
        });
  }

  /**
   * Runs the batch jobs of a batch type: applies the batch's work to the items of its chunk (the
   * items {@code [from, to)} named in its handler config) with a constant number of statements,
   * counts the chunk as done, and ends the batch at once when it was the last one.
   */
  JobHandler chunkHandler(String type, ChunkAction action) {
    return JobHandler.of(type, (handle, job) -> runChunk(handle, job, action));
  }

  private void runChunk(Handle handle, Job job, ChunkAction action) {
    var found = batches.find(handle, job.batchId());
    if (found.isEmpty()) {
      return; // the batch was deleted
    }
    var row = found.get();
    Batch batch = row.batch();
    String[] range = job.handlerConfig().split(":");
    long from = Long.parseLong(range[0]);
    long to = Long.parseLong(range[1]);
    Instant now = clock.instant();

    action.apply(handle, batches.items(handle, batch.id(), from, to), row.configuration());
    batches.deleteItems(handle, batch.id(), from, to);

    if (batch.executionStartTime() == null) {
      historicBatches.setExecutionStartTime(handle, batch.id(), now);
    }
    long itemsDone =
        batches.recordItemsDone(handle, batch.id(), Math.min(to, row.totalItems()) - from, now);
    if (itemsDone >= row.totalItems()) {
      complete(handle, batch, job.id());
    }
  }

  void insertSeedJob(Handle handle, Batch batch) {
    jobs.insert(handle, job(batch, SEED_JOB_TYPE, batch.seedJobDefinitionId(), null));
  }

  /** A monitor job, due at once (null) or after the poll interval. */
  void insertMonitorJob(Handle handle, Batch batch, Instant dueDate) {
    jobs.insert(handle, job(batch, MONITOR_JOB_TYPE, batch.monitorJobDefinitionId(), dueDate));
  }

  /**
   * Creates the batch jobs for chunks {@code [fromChunk, toChunk)} of the batch's items with one
   * statement.
   */
  void insertBatchJobs(Handle handle, Batch batch, int fromChunk, int toChunk) {
    long size = batch.invocationsPerBatchJob();
    Job template = jobOf(batch, batch.type(), batch.batchJobDefinitionId()).build();
    jobs.insertBatchJobs(handle, template, size, fromChunk * size, toChunk * size);
  }

  /** Suspends or activates a batch with its jobs and job definitions. */
  void setSuspended(Handle handle, Batch batch, boolean suspended) {
    batches.setSuspended(handle, batch, suspended);
    jobs.updateSuspendedOfBatch(handle, batch.id(), suspended);
    jobDefinitions.updateSuspended(handle, definitionIds(batch), suspended);
  }

  /**
   * Removes the runtime batch: its jobs (except {@code keepJobId}, the running job the executor
   * removes itself), job definitions, remaining items and the batch row.
   */
  void delete(Handle handle, Batch batch, String keepJobId) {
    jobs.deleteOfBatch(handle, batch.id(), keepJobId);
    jobDefinitions.delete(handle, definitionIds(batch));
    batches.delete(handle, batch);
  }

  /**
   * Ends a batch whose work is done: the runtime batch with its jobs and job definitions goes away,
   * the historic batch gets its end time.
   *
   * @param runningJobId the job calling this, which the executor deletes itself
   */
  void complete(Handle handle, Batch batch, String runningJobId) {
    delete(handle, batch, runningJobId);
    historicBatches.setEndTime(handle, batch.id(), clock.instant());
  }

  private static String[] definitionIds(Batch batch) {
    return new String[] {
      batch.seedJobDefinitionId(), batch.monitorJobDefinitionId(), batch.batchJobDefinitionId()
    };
  }

  private Job job(Batch batch, String type, String definitionId, Instant dueDate) {
    return jobOf(batch, type, definitionId)
        .id(ids.next())
        .handlerConfig(batch.id())
        .dueDate(dueDate)
        .build();
  }

  /** What every job of a batch (seed, monitor and batch jobs) takes from the batch. */
  private Job.Builder jobOf(Batch batch, String type, String definitionId) {
    return Job.builder()
        .handlerType(type)
        .jobDefinitionId(definitionId)
        .tenantId(batch.tenantId())
        .retries(DEFAULT_RETRIES)
        .createTime(clock.instant())
        .suspended(batch.suspended())
        .batchId(batch.id());
  }
}
