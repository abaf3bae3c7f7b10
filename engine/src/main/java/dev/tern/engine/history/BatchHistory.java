package dev.tern.engine.history;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** Historic batches as the batch capability writes them through a batch's life. */
public interface BatchHistory {

  void insert(Handle handle, HistoricBatch batch);

  /** Notes when the first batch job ran, unless that is already known. */
  void setExecutionStartTime(Handle handle, String id, Instant time);

  void setEndTime(Handle handle, String id, Instant time);

  /**
   * Deletes a historic batch with the history of its jobs (incidents and job log).
   *
   * @return whether the historic batch existed
   */
  boolean delete(Handle handle, String id);
}
