package dev.tern.engine.runtime;

import dev.tern.engine.deployment.model.FlowNode;
import dev.tern.engine.deployment.model.NodeKind;
import dev.tern.engine.persistence.Ids;
import java.util.List;
import java.util.Objects;

/**
 * Camunda 7.24's concurrent executions in the process scope (checked against the reference
 * server): when the instance forks (parallel or inclusive gateway, several flows taken), every
 * path runs in a concurrent child execution and the instance stays as their inactive parent; when
 * paths join and no other path is left, the joining path goes on as the instance; when a path ends
 * and a single one is left, that one goes back into the instance (its task, jobs, subscriptions and
 * local variables then name the instance; an activity with an execution of its own stays a child
 * of the instance). Paths inside sub-processes are not concurrent executions of their scope yet.
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

  /** The token is about to take several flows: if it runs as the instance, it becomes a path. */
  void fork(Run run, Token token) {
    if (!runsAsInstance(run, token)) {
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
   * The token arrives at a parallel join it completes: if no other path of the process scope is
   * left (none rests elsewhere, none is on its way), it joins as the instance, so the join and
   * what follows run in the instance execution, as in Camunda.
   */
  void beforeJoin(Run run, Token token, FlowNode node) {
    if (!(node.kind() instanceof NodeKind.ParallelGateway)
        || node.incoming().size() < 2
        || !isPath(run, token)
        || !run.agenda.isEmpty()) {
      return;
    }
    List<ExecutionRow> others =
        executions.findByInstance(run.handle, run.instance.id()).stream()
            .filter(row -> row.parentId() == null && !row.id().equals(token.id))
            .toList();
    boolean allJoined =
        others.size() == node.incoming().size() - 1
            && others.stream()
                .allMatch(
                    row -> row.state() == ExecutionState.JOIN && row.activityId().equals(node.id()));
    if (!allJoined) {
      return;
    }
    if (token.persisted) {
      executions.deleteExecution(run.handle, token.id);
      token.persisted = false;
      token.parkedAt = null;
    }
    token.id = run.instance.id();
  }

  /**
   * An inclusive join activates with the token that waited there (the others are gone): if it is
   * the only path left of the process scope, it goes on as the instance.
   */
  void afterInclusiveJoin(Run run, Token token) {
    if (!isPath(run, token) || !run.agenda.isEmpty()) {
      return;
    }
    boolean alone =
        executions.findByInstance(run.handle, run.instance.id()).stream()
            .allMatch(row -> row.parentId() != null || row.id().equals(token.id));
    if (alone) {
      references.replace(run.handle, token.id, run.instance.id());
      token.id = run.instance.id();
    }
  }

  /**
   * When the run's work is done: a single path left in the process scope goes back into the
   * instance execution.
   */
  void compact(Run run) {
    String instanceId = run.instance.id();
    List<ExecutionRow> top =
        executions.findByInstance(run.handle, instanceId).stream()
            .filter(row -> row.parentId() == null)
            .toList();
    if (top.size() != 1) {
      return;
    }
    ExecutionRow last = top.get(0);
    if (last.id().equals(instanceId)
        || instanceId.equals(last.outerId())
        || last.loopCounter() != null
        || last.state() == ExecutionState.BODY
        || last.state() == ExecutionState.JOIN) {
      return;
    }
    if (last.outerId() != null) {
      executions.updateOuterId(run.handle, last.id(), instanceId);
    } else {
      references.replace(run.handle, last.id(), instanceId);
    }
  }

  private static boolean runsAsInstance(Run run, Token token) {
    return token.scope == null
        && token.outerId == null
        && !token.body
        && !token.miInstance
        && token.id.equals(run.instance.id());
  }

  /** A concurrent path of the process scope (not the instance, not inside a scope). */
  private static boolean isPath(Run run, Token token) {
    return token.scope == null
        && token.outerId == null
        && !token.body
        && !token.miInstance
        && !Objects.equals(token.id, run.instance.id());
  }
}
