package dev.tern.engine;

/**
 * Engine-wide settings.
 *
 * @param name the engine name ({@code default}, as Camunda's REST API reports it)
 * @param historyTimeToLiveRequired refuse processes without {@code camunda:historyTimeToLive}, as
 *     Camunda 7.24 does by default
 * @param jobExecutorActive whether the job executor claims jobs when the engine starts
 */
public record EngineSettings(
    String name, boolean historyTimeToLiveRequired, boolean jobExecutorActive) {

  public static EngineSettings defaults() {
    return new EngineSettings("default", true, true);
  }

  public EngineSettings withHistoryTimeToLiveRequired(boolean required) {
    return new EngineSettings(name, required, jobExecutorActive);
  }

  public EngineSettings withJobExecutorActive(boolean active) {
    return new EngineSettings(name, historyTimeToLiveRequired, active);
  }
}
