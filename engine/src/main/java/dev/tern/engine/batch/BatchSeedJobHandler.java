package dev.tern.engine.batch;

import dev.tern.engine.job.Job;
import dev.tern.engine.job.JobHandler;
import java.time.Clock;
import org.jdbi.v3.core.Handle;

/**
 * Runs a batch's seed job: creates the next {@code batchJobsPerSeed} batch jobs with one statement,
 * then queues itself again while more remain, or else the monitor job (due at once, as Camunda does
 * so small batches finish fast).
 */
final class BatchSeedJobHandler implements JobHandler {

  private final BatchStore batches;
  private final BatchJobs batchJobs;
  private final Clock clock;

  BatchSeedJobHandler(BatchStore batches, BatchJobs batchJobs, Clock clock) {
    this.batches = batches;
    this.batchJobs = batchJobs;
    this.clock = clock;
  }

  @Override
  public String type() {
    return BatchJobs.SEED_JOB_TYPE;
  }

  @Override
  public void execute(Job job, Handle handle) {
    var found = batches.findForUpdate(handle, job.handlerConfig());
    if (found.isEmpty()) {
      return; // the batch was deleted; its seed job goes with it
    }
    var row = found.get();
    Batch batch = row.batch();
    int from = batch.jobsCreated();
    int to = Math.min(batch.totalJobs(), from + batch.batchJobsPerSeed());
    batchJobs.insertBatchJobs(handle, batch, from, to);
    batches.setJobsCreated(handle, batch.id(), to);
    if (to < batch.totalJobs()) {
      batchJobs.insertSeedJob(handle, batch);
    } else {
      batchJobs.insertMonitorJob(handle, batch, null);
    }
  }
}
