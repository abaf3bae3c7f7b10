package dev.tern.engine.cleanup;

import java.time.LocalTime;

/**
 * Camunda's history cleanup settings ({@code historyCleanupBatchWindowStartTime}, {@code
 * …EndTime}, {@code historyCleanupBatchSize}, {@code historyCleanupBatchThreshold}, {@code
 * historyCleanupEnabled}). Window times are UTC times of day; without a start time there is no
 * window and the cleanup runs only when asked with {@code immediatelyDue}.
 *
 * @param batchWindowStartTime start of the daily window, or null for none
 * @param batchWindowEndTime end of the daily window (the next day when not after the start)
 * @param batchSize most rows of each history table one cleanup run deletes (1 to 500)
 * @param batchThreshold a run that deleted at least this many rows runs again at once
 */
public record HistoryCleanupSettings(
    LocalTime batchWindowStartTime,
    LocalTime batchWindowEndTime,
    int batchSize,
    int batchThreshold,
    boolean enabled) {

  /** Camunda's limit (and default) of {@code historyCleanupBatchSize}. */
  public static final int MAX_BATCH_SIZE = 500;

  public HistoryCleanupSettings {
    if (batchWindowStartTime == null && batchWindowEndTime != null) {
      throw new IllegalArgumentException("a history cleanup batch window end needs a start time");
    }
    if (batchWindowStartTime != null && batchWindowEndTime == null) {
      batchWindowEndTime = LocalTime.MIDNIGHT; // Camunda's default end
    }
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(
          "history cleanup batch size must be between 1 and " + MAX_BATCH_SIZE + ", was " + batchSize);
    }
    if (batchThreshold < 0) {
      throw new IllegalArgumentException("history cleanup batch threshold must not be negative");
    }
  }

  /** Camunda's defaults: no window, 500 rows per table and run, threshold 10, enabled. */
  public static HistoryCleanupSettings defaults() {
    return new HistoryCleanupSettings(null, null, MAX_BATCH_SIZE, 10, true);
  }

  public HistoryCleanupSettings withBatchWindow(LocalTime start, LocalTime end) {
    return new HistoryCleanupSettings(start, end, batchSize, batchThreshold, enabled);
  }

  public HistoryCleanupSettings withEnabled(boolean on) {
    return new HistoryCleanupSettings(
        batchWindowStartTime, batchWindowEndTime, batchSize, batchThreshold, on);
  }

  boolean hasBatchWindow() {
    return batchWindowStartTime != null;
  }
}
