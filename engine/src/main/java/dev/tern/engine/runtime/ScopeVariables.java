package dev.tern.engine.runtime;

import dev.tern.engine.deployment.model.FlowNode;
import dev.tern.engine.deployment.model.IoMapping;
import dev.tern.engine.deployment.model.NodeKind;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The interpreter's side of scope-local variables (Camunda's variables of a scope execution): a
 * sub-process's input parameters become locals of its scope execution when it starts, tokens inside
 * read and update them, its output parameters see them, and they end with the scope. They are
 * stored by {@link VariableStore} under the scope's activity instance (the token at a sub-process
 * can be the instance's own first token, whose id is the process instance's), so they survive wait
 * states and show in {@code /variable-instance}.
 */
final class ScopeVariables {

  private final VariableStore store;
  /** Variables for the next event sub-process this call starts (the scope a message triggered). */
  private Map<String, ?> triggered = Map.of();

  ScopeVariables(VariableStore store) {
    this.store = store;
  }

  /** Adds a scope's stored locals (read from the database) to those it holds in memory. */
  void load(Run run, Scope scope, ExecutionRow row) {
    scope.activityInstanceId = row.activityInstanceId();
    scope.knowScopeExecution(row.scopeExecutionId());
    if (scope.activityInstanceId == null) {
      return;
    }
    Map<String, TypedValue> stored = store.allLocal(run.handle, scope.activityInstanceId);
    if (stored.isEmpty()) {
      return;
    }
    Map<String, Object> locals = new HashMap<>(scope.locals);
    stored.forEach((name, value) -> locals.put(name, VariableValues.plain(value)));
    scope.locals = locals;
    scope.stored.addAll(stored.keySet());
  }

  /**
   * A sub-process started: its input parameters (already evaluated into the token's locals) are
   * stored as locals of its scope execution (Camunda's, for an embedded sub-process).
   */
  void start(Run run, Token token, FlowNode node) {
    List<IoMapping.Parameter> inputs = node.ioMapping().inputs();
    Map<String, TypedValue> typed = new LinkedHashMap<>();
    for (IoMapping.Parameter input : inputs) {
      typed.put(input.name(), VariableValues.typed(input.name(), token.locals.get(input.name())));
    }
    if (node.kind() instanceof dev.tern.engine.deployment.model.NodeKind.EventSubProcess) {
      triggered.forEach((name, value) -> typed.put(name, VariableValues.typed(name, value)));
      triggered = Map.of();
    }
    if (typed.isEmpty()) {
      return;
    }
    VariableOwner owner =
        new VariableOwner(run.instance.id(), token.ownExecution(), token.activityInstanceId);
    store.setLocal(run.handle, owner, typed);
    Scope scope = run.scope(token.id);
    scope.activityInstanceId = token.activityInstanceId;
    scope.knowScopeExecution(token.scopeExecutionId);
    if (scope.locals != null) {
      Map<String, Object> locals = new HashMap<>(scope.locals);
      typed.forEach((name, value) -> locals.put(name, VariableValues.plain(value)));
      scope.locals = locals;
      scope.stored.addAll(typed.keySet());
    }
  }

  /**
   * The next event sub-process this call starts gets these variables as locals of its scope
   * (Camunda's {@code processVariablesToTriggeredScope} of a message that starts it).
   */
  void triggerWith(Map<String, ?> variables) {
    triggered = variables == null ? Map.of() : variables;
  }

  /** Sets local variables of a scope (created or updated), as a message's local variables. */
  void setAll(Run run, Scope scope, Map<String, ?> values) {
    if (values == null || values.isEmpty()) {
      return;
    }
    if (scope.locals == null) {
      run.scopeLoader.accept(scope);
    }
    Map<String, TypedValue> typed = new LinkedHashMap<>();
    values.forEach((name, value) -> typed.put(name, VariableValues.typed(name, value)));
    store.setLocal(
        run.handle,
        new VariableOwner(run.instance.id(), scope.ownExecution(), scope.activityInstanceId),
        typed);
    Map<String, Object> locals = new HashMap<>(scope.locals);
    typed.forEach((name, value) -> locals.put(name, VariableValues.plain(value)));
    scope.locals = locals;
    scope.stored.addAll(typed.keySet());
  }

  /**
   * The local variables of a message a non-interrupting boundary event catches: as in Camunda they
   * belong to the activity's execution (the token waiting in it) until the activity ends.
   */
  void setActivityLocals(Run run, Token token, Map<String, ?> values) {
    if (values == null || values.isEmpty() || token.activityInstanceId == null) {
      return;
    }
    Map<String, TypedValue> typed = new LinkedHashMap<>();
    values.forEach((name, value) -> typed.put(name, VariableValues.typed(name, value)));
    store.setLocal(
        run.handle, new VariableOwner(run.instance.id(), token.id, token.activityInstanceId), typed);
  }

  /**
   * An activity ended: the locals a non-interrupting message boundary event may have given it
   * ({@link #setActivityLocals}) go with it. Only activities with such boundary events can have them.
   */
  void activityEnded(Run run, Token token) {
    if (token.activityInstanceId != null
        && token.activityId != null
        && !token.miInstance
        && run.process.model().triggerBoundariesOf(token.activityId).stream()
            .anyMatch(b -> !((NodeKind.BoundaryTriggerEvent) b.kind()).cancelActivity())) {
      store.endScopes(run.handle, List.of(token.activityInstanceId));
    }
  }

  /**
   * Variables of the activity a token is in, held in memory: visible to its output parameters,
   * gone when it ends.
   */
  static void putLocals(Token token, Map<String, ?> values) {
    if (values != null) {
      values.forEach(
          (name, value) ->
              token.locals.put(name, VariableValues.plain(VariableValues.typed(name, value))));
    }
  }

  /**
   * Sets a variable where it exists as a stored local of the scope or an enclosing one.
   *
   * @return false when no scope holds it (it belongs to the process instance)
   */
  boolean set(Run run, Scope scope, String name, Object value) {
    for (Scope s = scope; s != null; s = s.parent) {
      if (s.locals == null) {
        run.scopeLoader.accept(s);
      }
      if (s.stored.contains(name)) {
        TypedValue typed = VariableValues.typed(name, value);
        store.setLocal(
            run.handle,
            new VariableOwner(run.instance.id(), s.ownExecution(), s.activityInstanceId),
            Map.of(name, typed));
        Map<String, Object> locals = new HashMap<>(s.locals);
        locals.put(name, VariableValues.plain(typed));
        s.locals = locals;
        return true;
      }
    }
    return false;
  }

  /**
   * The token at a scope leaves it: its output parameters are to see the scope's locals, so they
   * are added to the token's own.
   */
  void beforeOutputs(Run run, Token token, FlowNode node) {
    if (node.ioMapping().outputs().isEmpty() || token.activityInstanceId == null) {
      return;
    }
    store
        .allLocal(run.handle, token.activityInstanceId)
        .forEach((name, value) -> token.locals.putIfAbsent(name, VariableValues.plain(value)));
  }

  /**
   * The call's work is done: the locals of the concurrent paths that ended in it go ({@code rows}:
   * the instance's executions left).
   */
  void endPaths(Run run, List<ExecutionRow> rows) {
    if (run.endedPaths.isEmpty()) {
      return;
    }
    java.util.Set<String> ended = new java.util.HashSet<>(run.endedPaths);
    run.endedPaths.clear();
    rows.forEach(row -> ended.remove(row.id()));
    store.endPaths(run.handle, run.instance.id(), ended);
  }

  /**
   * The last concurrent path of a scope goes back into the scope's execution: its locals become
   * the scope's ({@code scopeActivityInstanceId}: the sub-process's activity instance, or the
   * instance's id in the process scope).
   */
  void pathIntoScope(
      Run run, String pathExecutionId, String scopeExecutionId, String scopeActivityInstanceId) {
    store.moveToScope(
        run.handle,
        pathExecutionId,
        new VariableOwner(run.instance.id(), scopeExecutionId, scopeActivityInstanceId));
  }

  /** The scope a token rests at ended (completed or cancelled): its locals go. */
  void end(Run run, Token token) {
    if (token.activityInstanceId != null) {
      store.endScopes(run.handle, List.of(token.activityInstanceId));
    }
    run.forgetScope(token.id);
  }
}
