package dev.tern.engine.runtime;

/**
 * A scope (the row of the token resting at an embedded or event sub-process or a multi-instance
 * body, {@link #executionId}) as the tokens of one interpreter call share it. Cancelling it (a boundary event interrupts the sub-process, an error
 * or escalation is caught outside, a terminate end event ends it) marks the tokens still on their
 * way inside it, so their queued work is dropped.
 */
final class Scope {
  /** Changes when the scope's row becomes a concurrent path ({@link Run#renameScope}). */
  String executionId;
  boolean cancelled;
  /**
   * The scope's own variables (an instance of a multi-instance sub-process: its loop counter,
   * element and counts), or null until the interpreter loads them with {@link #parent}.
   */
  java.util.Map<String, Object> locals;
  /** The enclosing scope, once {@link #locals} is loaded; null in the process scope. */
  Scope parent;
  /** The names among {@link #locals} stored as the scope execution's local variables. */
  final java.util.Set<String> stored = new java.util.HashSet<>();
  /**
   * Camunda's scope execution of an embedded sub-process (the id its first inner token runs as),
   * once {@link #scopeExecutionKnown}; null where the row is the scope execution itself.
   */
  String scopeExecutionId;
  boolean scopeExecutionKnown;
  /** The scope's activity instance, once known. */
  String activityInstanceId;

  /** The execution the scope's locals, boundary jobs and subscriptions name (once known). */
  String ownExecution() {
    return scopeExecutionId != null ? scopeExecutionId : executionId;
  }

  /** Records Camunda's scope execution of the scope's row (null: the row is it). */
  void knowScopeExecution(String id) {
    scopeExecutionId = id;
    scopeExecutionKnown = true;
  }

  Scope(String executionId) {
    this.executionId = executionId;
  }
}
