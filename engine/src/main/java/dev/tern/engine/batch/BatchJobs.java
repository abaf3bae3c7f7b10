package dev.tern.engine.batch;

import dev.tern.engine.history.BatchHistory;
import dev.tern.engine.job.Job;
import dev.tern.engine.job.JobDefinitions;
import dev.tern.engine.job.Jobs;
import dev.tern.engine.persistence.Ids;
import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** The seed and monitor jobs of batches, and what ends a batch. Shared by service and handlers. */
final class BatchJobs {

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
    Job template =
        Job.builder()
            .handlerType(batch.type())
            .jobDefinitionId(batch.batchJobDefinitionId())
            .tenantId(batch.tenantId())
            .retries(DEFAULT_RETRIES)
            .createTime(clock.instant())
            .suspended(batch.suspended())
            .batchId(batch.id())
            .build();
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
    return Job.builder()
        .id(ids.next())
        .handlerType(type)
        .handlerConfig(batch.id())
        .jobDefinitionId(definitionId)
        .tenantId(batch.tenantId())
        .retries(DEFAULT_RETRIES)
        .dueDate(dueDate)
        .createTime(clock.instant())
        .suspended(batch.suspended())
        .batchId(batch.id())
        .build();
  }
}
