package dev.tern.engine.batch;

import dev.tern.engine.history.BatchHistory;
import dev.tern.engine.job.Job;
import dev.tern.engine.job.JobHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Runs one batch job of a batch type: applies the batch's work to the items of its chunk (the items
 * {@code [from, to)} named in its handler config) with a constant number of statements, counts the
 * chunk as done, and ends the batch at once when it was the last one.
 */
final class BatchChunkJobHandler implements JobHandler {

  /** What a batch type does to one chunk of its items, given the batch's configuration. */
  interface ChunkAction {
    void apply(Handle handle, List<String> itemIds, String configuration);
  }

  private final String type;
  private final ChunkAction action;
  private final BatchStore batches;
  private final BatchHistory historicBatches;
  private final BatchJobs batchJobs;
  private final Clock clock;

  BatchChunkJobHandler(
      String type,
      ChunkAction action,
      BatchStore batches,
      BatchHistory historicBatches,
      BatchJobs batchJobs,
      Clock clock) {
    this.type = type;
    this.action = action;
    this.batches = batches;
    this.historicBatches = historicBatches;
    this.batchJobs = batchJobs;
    this.clock = clock;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public void execute(Job job, Handle handle) {
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
      batchJobs.complete(handle, batch, job.id());
    }
  }
}
