package dev.tern.engine.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One path of a process instance while the interpreter moves it. It has a {@code tern_execution}
 * row only while it rests ({@link #persisted}); the local variables of the current activity (its
 * input parameters) live only as long as the activity runs in this transaction.
 */
final class Token {
  /** Changes while the token rests at an activity with an execution of its own ({@link #outerId}). */
  String id;
  /**
   * The id the token had before it entered an activity with an execution of its own ({@link
   * ScopeExecutions}), which it takes again when it leaves; null elsewhere.
   */
  String outerId;
  /** The scope execution this token runs in (the token at its sub-process); null in the process. */
  Scope scope;
  boolean persisted;
  /** The activity its {@code tern_execution} row names, while {@link #persisted}. */
  String parkedAt;
  String activityId;
  String activityInstanceId;
  /** At a multi-instance body: the scope of the activity's instances. */
  boolean body;
  /** One instance of a multi-instance activity (its parent is the body). */
  boolean miInstance;
  /** The instance's number, for an instance of a multi-instance activity. */
  Integer loopCounter;
  /**
   * While the token rests at an embedded sub-process: Camunda's scope execution of the
   * sub-process, the id its first inner token runs as; null elsewhere.
   */
  String scopeExecutionId;
  /** Whether the boundary timer jobs of the current activity exist. */
  boolean timersArmed;
  final Map<String, Object> locals = new LinkedHashMap<>();

  Token(String id, boolean persisted) {
    this.id = id;
    this.persisted = persisted;
  }

  /** A new token in the same scope as this one (a branch, a boundary event's path). */
  Token sibling(String newId) {
    Token token = new Token(newId, false);
    token.scope = scope;
    return token;
  }

  /**
   * The execution the rows of the token's current activity name (its history row, boundary jobs,
   * subscriptions, locals): the sub-process's scope execution at an embedded sub-process, else the
   * token itself.
   */
  String ownExecution() {
    return scopeExecutionId != null ? scopeExecutionId : id;
  }

  String scopeId() {
    return scope == null ? null : scope.executionId;
  }

  /** Whether the scope this token runs in was cancelled while the token was on its way. */
  boolean cancelled() {
    return scope != null && scope.cancelled;
  }

  static Token resting(ExecutionRow row) {
    Token token = new Token(row.id(), true);
    token.parkedAt = row.activityId();
    token.activityId = row.activityId();
    token.activityInstanceId = row.activityInstanceId();
    token.outerId = row.outerId();
    token.scopeExecutionId = row.scopeExecutionId();
    return token;
  }
}
