package dev.tern.engine.history;

/** What the job log and the external task log entries share: their state and its tests. */
public interface LogEntry {

  /** The {@link LogState} code. */
  int state();

  default boolean creationLog() {
    return state() == LogState.CREATED.code();
  }

  default boolean failureLog() {
    return state() == LogState.FAILED.code();
  }

  default boolean successLog() {
    return state() == LogState.SUCCESSFUL.code();
  }

  default boolean deletionLog() {
    return state() == LogState.DELETED.code();
  }
}
