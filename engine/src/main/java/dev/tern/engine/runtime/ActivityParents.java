package dev.tern.engine.runtime;

/**
 * The activity instance a token's next activity instance belongs to, as Camunda's history names
 * it: the activity instance of the scope execution the token runs in (an embedded or event
 * sub-process, or the body of a multi-instance activity), the process instance at the top.
 */
final class ActivityParents {

  private final ExecutionStore executions;

  ActivityParents(ExecutionStore executions) {
    this.executions = executions;
  }

  String of(Run run, Token token) {
    Scope scope = token.scope;
    if (scope == null) {
      return run.instance.id();
    }
    if (scope.activityInstanceId == null) {
      // a scope this call did not start (the token resumed after a wait state): its row knows
      scope.activityInstanceId =
          executions
              .findExecution(run.handle, scope.executionId)
              .map(ExecutionRow::activityInstanceId)
              .orElse(null);
    }
    return scope.activityInstanceId == null ? run.instance.id() : scope.activityInstanceId;
  }
}
