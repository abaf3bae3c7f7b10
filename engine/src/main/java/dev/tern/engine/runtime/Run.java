package dev.tern.engine.runtime;

import dev.tern.engine.job.JobDefinition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The state of one interpreter call inside one transaction: the instance, its model, the work
 * still to do, and the process variables read so far (loaded once, written through).
 */
final class Run {
  final Handle handle;
  final DeployedProcess process;
  final RuntimeProcessInstance instance;
  /** The job being executed, which the job executor deletes itself; null outside a job. */
  final String currentJobId;
  final Deque<Runnable> agenda = new ArrayDeque<>();
  private final VariableStore variableStore;
  /** The local variables of the scope executions this call's tokens run in. */
  final ScopeVariables scopeVariables;
  private Map<String, Object> variables;
  private List<JobDefinition> jobDefinitions;
  private final JobDefinitionsLoader jobDefinitionsLoader;
  /**
   * Concurrent paths that ended in this call (their executions are gone): the local variables
   * they held go when the call's work is done ({@link ScopeVariables#endPaths}).
   */
  final java.util.Set<String> endedPaths = new java.util.LinkedHashSet<>();
  /** Scope executions one of whose tokens ended in this call: they may be complete. */
  final java.util.Set<String> scopesToCheck = new java.util.LinkedHashSet<>();
  private final Map<String, Scope> scopes = new HashMap<>();
  /**
   * The instances of parallel multi-instance bodies started in this call, by body: their loop
   * variables are stored before they rest, so a cancellation looks here too.
   */
  final Map<String, java.util.Set<String>> loopInstances = new HashMap<>();
  /**
   * The run of the calling instance when a call activity started this instance in the caller's
   * own call (its work continues there); null otherwise.
   */
  Run callerRun;
  /** The calling token, when {@link #callerRun} is set. */
  String superExecutionId;
  /**
   * The row of the job's execution, read with the job under the instance's lock; taken by the
   * first look at the job's token, as nothing has changed it yet.
   */
  ExecutionRow jobExecution;
  /** The instance was deleted during this call (its error ended it in the caller): stop here. */
  boolean removed;
  String lastEndActivityId;
  boolean ended;
  int activitiesExecuted;
  /** Variable changes not yet offered to conditional events: name and {@code create}/{@code update}. */
  final List<VariableChange> variableChanges = new java.util.ArrayList<>();
  /**
   * Conditional subscriptions made in this call (execution and activity id) with the number of
   * {@link #variableChanges} before them: those changes came first, the entry evaluation covers them.
   */
  final Map<String, Integer> conditionsSubscribedAt = new HashMap<>();

  interface JobDefinitionsLoader {
    List<JobDefinition> load(Handle handle, String processDefinitionId);
  }

  Run(
      Handle handle,
      DeployedProcess process,
      RuntimeProcessInstance instance,
      String currentJobId,
      VariableStore variableStore,
      JobDefinitionsLoader jobDefinitionsLoader) {
    this.handle = handle;
    this.process = process;
    this.instance = instance;
    this.currentJobId = currentJobId;
    this.variableStore = variableStore;
    this.jobDefinitionsLoader = jobDefinitionsLoader;
    this.scopeVariables = new ScopeVariables(variableStore);
  }

  Map<String, Object> variables() {
    if (variables == null) {
      variables = new HashMap<>();
      variableStore
          .all(handle, instance.id())
          .forEach((name, value) -> variables.put(name, VariableValues.plain(value)));
    }
    return variables;
  }

  void setVariable(String name, Object value) {
    TypedValue typed = VariableValues.typed(name, value);
    variableStore.set(handle, instance.id(), name, typed);
    noteChange(name);
    variables().put(name, VariableValues.plain(typed));
  }

  /** Records a change of a variable about to be written (a create when it does not exist yet). */
  void noteChange(String name) {
    variableChanges.add(
        new VariableChange(
            name, variables().containsKey(name) ? VariableChange.UPDATE : VariableChange.CREATE));
  }

  void setVariables(Map<String, ?> values) {
    setVariables(values, false);
  }

  /** The variables the instance starts with (Camunda's initial variable updates). */
  void setInitialVariables(Map<String, ?> values) {
    setVariables(values, true);
  }

  private void setVariables(Map<String, ?> values, boolean initial) {
    Map<String, TypedValue> typed = new java.util.LinkedHashMap<>();
    values.forEach((name, value) -> typed.put(name, VariableValues.typed(name, value)));
    if (initial) {
      variableStore.setInitial(handle, instance.id(), typed);
    } else {
      variableStore.setAll(handle, instance.id(), typed);
    }
    typed.forEach(
        (name, value) -> {
          noteChange(name);
          variables().put(name, VariableValues.plain(value));
        });
  }

  /** Loads a scope's own variables and its parent (set by the interpreter). */
  java.util.function.Consumer<Scope> scopeLoader = scope -> scope.locals = Map.of();

  /** The variable of that name of the scope or an enclosing one, if one of them has it. */
  java.util.Optional<Map.Entry<String, Object>> scopeVariable(Scope scope, String name) {
    for (Scope s = scope; s != null; s = s.parent) {
      if (s.locals == null) {
        scopeLoader.accept(s);
      }
      if (s.locals.containsKey(name)) {
        return java.util.Optional.of(new java.util.AbstractMap.SimpleEntry<>(name, s.locals.get(name)));
      }
    }
    return java.util.Optional.empty();
  }

  /** The scope of the given scope execution as this call's tokens share it; null for none. */
  Scope scope(String executionId) {
    return executionId == null ? null : scopes.computeIfAbsent(executionId, Scope::new);
  }

  /** The scope ended: a later scope of that id (the same token entering again) starts anew. */
  void forgetScope(String executionId) {
    scopes.remove(executionId);
  }

  /** The scope's row took another id: the tokens sharing it park under the new one. */
  void renameScope(String fromId, String toId) {
    Scope scope = scopes.remove(fromId);
    if (scope != null) {
      scope.executionId = toId;
      scopes.put(toId, scope);
    }
  }

  /** Marks a scope cancelled for the tokens that share it; a later scope of that id starts anew. */
  void cancelScope(String executionId) {
    Scope scope = scopes.remove(executionId);
    if (scope != null) {
      scope.cancelled = true;
    }
  }

  List<JobDefinition> jobDefinitions() {
    if (jobDefinitions == null) {
      jobDefinitions = jobDefinitionsLoader.load(handle, process.definitionId());
    }
    return jobDefinitions;
  }

  void runAgenda() {
    Runnable next;
    while ((next = agenda.poll()) != null) {
      next.run();
    }
  }
}
