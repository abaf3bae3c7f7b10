package dev.tern.engine.runtime;

/** Why a token rests in {@code tern_execution}. */
public enum ExecutionState {
  /** At a wait state: a user task, a timer catch event. */
  WAITING,
  /** Before or after an activity, continued by an async-continuation job. */
  ASYNC,
  /** Arrived at a parallel join, waiting for the other incoming tokens. */
  JOIN,
  /** At the multi-instance body of an activity: the scope of the activity's instances. */
  BODY
}
