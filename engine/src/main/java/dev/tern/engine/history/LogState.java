package dev.tern.engine.history;

/**
 * The state of a job log or external task log entry, with Camunda's codes ({@code job_state} and
 * {@code ExternalTaskState} number them alike).
 */
public enum LogState {
  CREATED(0),
  FAILED(1),
  SUCCESSFUL(2),
  DELETED(3);

  private final int code;

  LogState(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
