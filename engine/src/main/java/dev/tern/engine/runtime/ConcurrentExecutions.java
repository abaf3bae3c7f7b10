package dev.tern.engine.runtime;

import dev.tern.engine.deployment.model.FlowNode;
import dev.tern.engine.deployment.model.NodeKind;
import dev.tern.engine.persistence.Ids;
import java.util.List;
import java.util.Objects;

/**
 * Camunda 7.24's concurrent executions (checked against the reference server): when the instance
 * forks (parallel or inclusive gateway, several flows taken), every path runs in a concurrent child
 * execution and the instance stays as their inactive parent; when paths join and no other path is
 * left, the joining path goes on as the instance; when a path ends and a single one is left, that
 * one goes back into the instance (its task, jobs, subscriptions and local variables then name the
 * instance; an activity with an execution of its own stays a child of the instance). Inside an
 * embedded or event sub-process the same holds for the sub-process's scope execution (the id its
 * first token runs as, {@link ExecutionRow#scopeExecutionId()}) in place of the instance. A
 * non-interrupting boundary or event sub-process starts a path beside the running ones ({@link
 * #beside}).
 */
final class ConcurrentExecutions {

  private final ExecutionStore executions;
  private final ExecutionReferences references;
  private final Ids ids;

  ConcurrentExecutions(ExecutionStore executions, ExecutionReferences references, Ids ids) {
    this.executions = executions;
    this.references = references;
    this.ids = ids;
  }

  /**
   * The token is about to take several flows: if it runs as the execution of its scope (the
   * instance, or a sub-process's scope execution), it becomes a path.
   */
  void fork(Run run, Token token) {
    if (!runsAsScope(run, token)) {
      return;
    }
    if (token.persisted) {
      executions.deleteExecution(run.handle, token.id);
      token.persisted = false;
      token.parkedAt = null;
    }
    token.id = ids.next();
  }

  /**
   * A new path starts in the scope of {@code path} beside those running there (a non-interrupting
   * boundary or event sub-process): the path that runs as the scope's execution becomes a
   * concurrent one, as Camunda 7.24 moves it below the scope execution. An activity's own
   * execution stays and takes the new concurrent execution as the one it goes back to.
   *
   * @param known the token whose event started the path (the boundary's activity, an escalation's
   *     thrower), which may run as the scope's execution; null when the event came from outside
   */
  void beside(Run run, Token path, Token known) {
    String scopeExecution = scopeExecution(run, path);
    if (scopeExecution == null) {
      return;
    }
    if (known != null && known.scope == path.scope && !known.body && !known.miInstance) {
      if (scopeExecution.equals(known.outerId)) {
        known.outerId = ids.next();
        if (known.persisted) {
          executions.updateOuterId(run.handle, known.id, known.outerId);
        }
        return;
      }
      if (known.outerId == null && scopeExecution.equals(known.id)) {
        String pathId = ids.next();
        if (known.persisted && known.activityId.equals(known.parkedAt)) {
          references.detachFromScope(run.handle, scopeExecution, pathId);
          run.renameScope(scopeExecution, pathId);
        } else if (known.persisted) {
          executions.deleteExecution(run.handle, known.id);
          known.persisted = false;
          known.parkedAt = null;
        }
        known.id = pathId;
        return;
      }
    }
    for (ExecutionRow row : inScope(run, path)) {
      if (scopeExecution.equals(row.outerId())) {
        executions.updateOuterId(run.handle, row.id(), ids.next());
      } else if (row.id().equals(scopeExecution)) {
        String pathId = ids.next();
        references.detachFromScope(run.handle, scopeExecution, pathId);
        run.renameScope(scopeExecution, pathId);
      }
    }
  }

  /**
   * The token arrives at a parallel join it completes: if no other path of its scope is left (none
   * rests elsewhere, none is on its way), it joins as the scope's execution, so the join and what
   * follows run in the instance (or the sub-process's scope execution), as in Camunda.
   */
  void beforeJoin(Run run, Token token, FlowNode node) {
    if (!(node.kind() instanceof NodeKind.ParallelGateway)
        || node.incoming().size() < 2
        || !isPath(run, token)
        || !run.agenda.isEmpty()) {
      return;
    }
    List<ExecutionRow> others =
        inScope(run, token).stream().filter(row -> !row.id().equals(token.id)).toList();
    boolean allJoined =
        others.size() == node.incoming().size() - 1
            && others.stream()
                .allMatch(
                    row -> row.state() == ExecutionState.JOIN && row.activityId().equals(node.id()));
    if (!allJoined) {
      return;
    }
    run.endedPaths.add(token.id);
    if (token.persisted) {
      executions.deleteExecution(run.handle, token.id);
      token.persisted = false;
      token.parkedAt = null;
    }
    token.id = scopeExecution(run, token);
  }

  /**
   * An inclusive join activates with the token that waited there (the others are gone): if it is
   * the only path left of its scope, it goes on as the scope's execution.
   */
  void afterInclusiveJoin(Run run, Token token) {
    if (!isPath(run, token) || !run.agenda.isEmpty()) {
      return;
    }
    boolean alone = inScope(run, token).stream().allMatch(row -> row.id().equals(token.id));
    if (alone) {
      String scopeExecution = scopeExecution(run, token);
      // the path ends at the join (its locals go, as at a parallel join); its row goes on
      run.endedPaths.add(token.id);
      references.replace(run.handle, token.id, scopeExecution);
      token.id = scopeExecution;
    }
  }

  /**
   * When the run's work is done: a single path left in the process scope goes back into the
   * instance execution, one left in a sub-process into the sub-process's scope execution.
   */
  void compact(Run run, List<ExecutionRow> rows) {
    run.scopeVariables.endPaths(run, rows);
    String instanceId = run.instance.id();
    compact(
        run, rows.stream().filter(row -> row.parentId() == null).toList(), instanceId, instanceId);
    for (ExecutionRow scope : rows) {
      if (scope.scopeExecutionId() != null) {
        compact(
            run,
            rows.stream().filter(row -> scope.id().equals(row.parentId())).toList(),
            scope.scopeExecutionId(),
            scope.activityInstanceId());
      }
    }
  }

  /** @param scopeOwner the key of the scope's variables: the instance id, a sub-process's instance */
  private void compact(
      Run run, List<ExecutionRow> paths, String scopeExecution, String scopeOwner) {
    if (paths.size() != 1) {
      return;
    }
    ExecutionRow last = paths.get(0);
    if (last.outerId() != null) {
      // an activity's own execution (or a multi-instance body's) stays, below the scope execution
      if (!scopeExecution.equals(last.outerId())) {
        executions.updateOuterId(run.handle, last.id(), scopeExecution);
      }
      return;
    }
    if (last.id().equals(scopeExecution)
        || last.loopCounter() != null
        || last.state() == ExecutionState.BODY
        || last.state() == ExecutionState.JOIN) {
      return;
    }
    run.scopeVariables.pathIntoScope(run, last.id(), scopeExecution, scopeOwner);
    references.replace(run.handle, last.id(), scopeExecution);
  }

  /** The rows of the token's scope: the process scope's top rows, or the sub-process's children. */
  private List<ExecutionRow> inScope(Run run, Token token) {
    return token.scope == null
        ? executions.findByInstance(run.handle, run.instance.id()).stream()
            .filter(row -> row.parentId() == null)
            .toList()
        : executions.findChildren(run.handle, token.scope.executionId);
  }

  /**
   * The execution the token's scope runs its single path in: the instance, or an embedded
   * sub-process's scope execution; null inside other scopes (multi-instance bodies and instances,
   * event sub-processes), whose paths are no concurrent executions.
   */
  String scopeExecution(Run run, Token token) {
    Scope scope = token.scope;
    if (scope == null) {
      return run.instance.id();
    }
    if (!scope.scopeExecutionKnown) {
      scope.knowScopeExecution(
          executions
              .findExecution(run.handle, scope.executionId)
              .map(ExecutionRow::scopeExecutionId)
              .orElse(null));
    }
    return scope.scopeExecutionId;
  }

  private boolean runsAsScope(Run run, Token token) {
    return token.outerId == null
        && !token.body
        && !token.miInstance
        && token.id.equals(scopeExecution(run, token));
  }

  /** A concurrent path of its scope (not the scope's execution, not in a multi-instance). */
  boolean isPath(Run run, Token token) {
    String scopeExecution = scopeExecution(run, token);
    return token.outerId == null
        && !token.body
        && !token.miInstance
        && scopeExecution != null
        && !Objects.equals(token.id, scopeExecution);
  }
}
