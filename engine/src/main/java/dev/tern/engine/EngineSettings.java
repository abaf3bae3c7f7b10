package dev.tern.engine;

/**
 * Engine-wide settings.
 *
 * @param name the engine name ({@code default}, as Camunda's REST API reports it)
 * @param historyTimeToLiveRequired refuse processes without {@code camunda:historyTimeToLive}, as
 *     Camunda 7.24 does by default
 * @param jobExecutorActive whether the job executor claims jobs when the engine starts
 * @param maxActivitiesPerTransaction the most activities one transaction may execute; a process
 *     that loops without a wait state fails (and rolls back) on reaching it instead of running
 *     until the database is full
 */
public record EngineSettings(
    String name,
    boolean historyTimeToLiveRequired,
    boolean jobExecutorActive,
    int maxActivitiesPerTransaction) {

  /** Far above what a real model executes between two wait states; a runaway loop gets there in seconds. */
  public static final int DEFAULT_MAX_ACTIVITIES_PER_TRANSACTION = 10_000;

  public EngineSettings {
    if (maxActivitiesPerTransaction < 1) {
      throw new IllegalArgumentException("maxActivitiesPerTransaction must be at least 1");
    }
  }

  public static EngineSettings defaults() {
    return new EngineSettings("default", true, true, DEFAULT_MAX_ACTIVITIES_PER_TRANSACTION);
  }

  public EngineSettings withHistoryTimeToLiveRequired(boolean required) {
    return new EngineSettings(name, required, jobExecutorActive, maxActivitiesPerTransaction);
  }

  public EngineSettings withJobExecutorActive(boolean active) {
    return new EngineSettings(name, historyTimeToLiveRequired, active, maxActivitiesPerTransaction);
  }

  public EngineSettings withMaxActivitiesPerTransaction(int max) {
    return new EngineSettings(name, historyTimeToLiveRequired, jobExecutorActive, max);
  }
}
