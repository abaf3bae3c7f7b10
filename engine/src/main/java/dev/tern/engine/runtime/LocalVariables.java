package dev.tern.engine.runtime;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.persistence.Database;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The local variables of scope executions (a token resting at an embedded sub-process or a call
 * activity, a multi-instance body) as {@code /execution/{id}/localVariables} reads and changes them,
 * with the checks of the process instance's variables.
 */
final class LocalVariables {

  private final Database database;
  private final VariableStore variables;
  private final ExecutionStore executions;
  private final DeployedProcesses processes;
  private final ProcessInstanceService instances;

  LocalVariables(
      Database database,
      VariableStore variables,
      ExecutionStore executions,
      DeployedProcesses processes,
      ProcessInstanceService instances) {
    this.database = database;
    this.variables = variables;
    this.executions = executions;
    this.processes = processes;
    this.instances = instances;
  }

  /** Whether the execution can hold local variables: a scope execution or a concurrent path. */
  boolean isScope(Execution execution) {
    return database.withHandle(h -> owner(h, execution).isPresent());
  }

  Map<String, TypedValue> all(Caller caller, Execution execution) {
    return database.withHandle(
        h -> {
          instances.checkVariables(h, caller, execution.processInstanceId(), false);
          return owner(h, execution)
              .map(o -> variables.allLocal(h, o.activityInstanceId()))
              .orElse(Map.of());
        });
  }

  Optional<TypedValue> get(Caller caller, Execution execution, String name) {
    return database.withHandle(
        h -> {
          instances.checkVariables(h, caller, execution.processInstanceId(), false);
          return owner(h, execution).flatMap(o -> variables.getLocal(h, o.activityInstanceId(), name));
        });
  }

  /** Sets, then removes, local variables of a scope execution in one transaction. */
  void modify(
      Caller caller,
      Execution execution,
      Map<String, TypedValue> modifications,
      List<String> deletions) {
    database.useTransaction(
        h -> {
          instances.checkVariables(h, caller, execution.processInstanceId(), true);
          VariableOwner owner = owner(h, execution).orElseThrow();
          if (modifications != null) {
            variables.setLocal(h, owner, modifications);
          }
          if (deletions != null) {
            variables.deleteLocal(h, owner, deletions);
          }
        });
  }

  /**
   * The scope this execution is, if it is one: it rests in a started sub-process or call activity
   * (not before or after it, at an asynchronous continuation) or is a multi-instance body.
   */
  private Optional<VariableOwner> owner(Handle h, Execution execution) {
    Optional<ExecutionRow> subProcess = executions.findByScopeExecution(h, execution.id());
    if (subProcess.isPresent()) {
      // Camunda's scope execution of an embedded sub-process: the sub-process's locals
      return subProcess.map(
          row -> new VariableOwner(row.processInstanceId(), execution.id(), row.activityInstanceId()));
    }
    Optional<ExecutionRow> row = executions.findExecution(h, execution.id());
    if (row.isPresent() && row.get().loopCounter() != null) {
      return parallelInstance(h, execution.processDefinitionId(), row.get());
    }
    Optional<VariableOwner> scope =
        row.filter(r -> r.scopeExecutionId() == null)
            .filter(r -> isScope(h, execution.processDefinitionId(), r))
            .map(r -> new VariableOwner(r.processInstanceId(), r.id(), r.activityInstanceId()));
    return scope.isPresent() ? scope : row.filter(r -> isPath(h, r)).map(LocalVariables::pathOwner);
  }

  /**
   * A concurrent path (Camunda's concurrent execution) of the process scope or of an embedded
   * sub-process: not an activity's own execution, no multi-instance body or instance, not its
   * scope's execution.
   */
  private boolean isPath(Handle h, ExecutionRow row) {
    if (row.outerId() != null
        || row.loopCounter() != null
        || row.state() == ExecutionState.BODY
        || row.scopeExecutionId() != null
        || row.id().equals(row.processInstanceId())) {
      return false;
    }
    if (row.parentId() == null) {
      return true;
    }
    return executions
        .findExecution(h, row.parentId())
        .map(ExecutionRow::scopeExecutionId)
        .filter(scopeExecution -> !scopeExecution.equals(row.id()))
        .isPresent();
  }

  /**
   * A path's locals are stored under its execution ({@code /variable-instance} shows the activity
   * instance it is in); their history names the activity instance they were set in.
   */
  private static VariableOwner pathOwner(ExecutionRow row) {
    String history = row.activityInstanceId() != null ? row.activityInstanceId() : row.id();
    return new VariableOwner(row.processInstanceId(), row.id(), row.id(), history);
  }

  /**
   * An instance of a parallel multi-instance activity: its loop variables are stored under its
   * execution, their history names the body's activity instance ({@link MultiInstanceVariables}).
   * A sequential instance has none: Camunda runs it in the body's execution, which holds them.
   */
  private Optional<VariableOwner> parallelInstance(
      Handle h, String processDefinitionId, ExecutionRow row) {
    boolean sequential =
        processes
            .findById(h, processDefinitionId)
            .map(p -> p.model().multiInstanceOf(row.activityId()))
            .map(loop -> loop.sequential())
            .orElse(true);
    if (sequential) {
      return Optional.empty();
    }
    String body =
        executions.findExecution(h, row.parentId()).map(ExecutionRow::activityInstanceId).orElse(null);
    return Optional.of(new VariableOwner(row.processInstanceId(), row.id(), row.id(), body));
  }

  private boolean isScope(Handle h, String processDefinitionId, ExecutionRow row) {
    if (row.activityInstanceId() == null) {
      return false;
    }
    if (row.state() == ExecutionState.BODY) {
      return true;
    }
    if (row.state() != ExecutionState.WAITING) {
      return false;
    }
    return processes
        .findById(h, processDefinitionId)
        .map(p -> p.model().isScope(row.activityId()) || p.model().isCallActivity(row.activityId()))
        .orElse(false);
  }
}
