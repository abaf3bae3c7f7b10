package dev.tern.engine.batch;

import dev.tern.engine.history.HistoricBatchStore;
import dev.tern.engine.job.Job;
import dev.tern.engine.job.JobStore;
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
  private final HistoricBatchStore historicBatches;
  private final JobStore jobs;
  private final Ids ids;
  private final Clock clock;

  BatchJobs(
      BatchStore batches, HistoricBatchStore historicBatches, JobStore jobs, Ids ids, Clock clock) {
    this.batches = batches;
    this.historicBatches = historicBatches;
    this.jobs = jobs;
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
   * Ends a batch whose work is done: the runtime batch with its jobs and job definitions goes away,
   * the historic batch gets its end time.
   *
   * @param runningJobId the job calling this, which the executor deletes itself
   */
  void complete(Handle handle, Batch batch, String runningJobId) {
    batches.delete(handle, batch, runningJobId);
    historicBatches.setEndTime(handle, batch.id(), clock.instant());
  }

  private Job job(Batch batch, String type, String definitionId, Instant dueDate) {
    return new Job(
        ids.next(),
        1,
        Job.MESSAGE,
        type,
        batch.id(),
        definitionId,
        null,
        null,
        null,
        null,
        null,
        null,
        batch.tenantId(),
        DEFAULT_RETRIES,
        dueDate,
        clock.instant(),
        null,
        null,
        false,
        batch.suspended(),
        0,
        null,
        null,
        batch.id(),
        1);
  }
}
