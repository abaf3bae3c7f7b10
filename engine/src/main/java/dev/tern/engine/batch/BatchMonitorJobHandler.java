package dev.tern.engine.batch;

import dev.tern.engine.job.Job;
import dev.tern.engine.job.JobHandler;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Handle;

/**
 * Runs a batch's monitor job: the safety net that ends a batch whose batch jobs are all gone (the
 * last batch job normally ends it at once), or checks again after the poll interval.
 */
final class BatchMonitorJobHandler implements JobHandler {

  private final BatchStore batches;
  private final BatchJobs batchJobs;
  private final Clock clock;
  private final Duration pollInterval;

  BatchMonitorJobHandler(
      BatchStore batches, BatchJobs batchJobs, Clock clock, Duration pollInterval) {
    this.batches = batches;
    this.batchJobs = batchJobs;
    this.clock = clock;
    this.pollInterval = pollInterval;
  }

  @Override
  public String type() {
    return BatchJobs.MONITOR_JOB_TYPE;
  }

  @Override
  public void execute(Job job, Handle handle) {
    var found = batches.findForUpdate(handle, job.handlerConfig());
    if (found.isEmpty()) {
      return; // the batch already completed or was deleted
    }
    Batch batch = found.get().batch();
    if (batch.jobsCreated() >= batch.totalJobs() && !batches.hasOpenBatchJobs(handle, batch)) {
      batchJobs.complete(handle, batch, job.id());
    } else {
      batchJobs.insertMonitorJob(handle, batch, clock.instant().plus(pollInterval));
    }
  }
}
