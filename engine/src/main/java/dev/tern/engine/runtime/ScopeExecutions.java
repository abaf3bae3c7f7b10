package dev.tern.engine.runtime;

import dev.tern.engine.deployment.model.FlowNode;
import dev.tern.engine.deployment.model.NodeKind;
import dev.tern.engine.deployment.model.ProcessModel;
import dev.tern.engine.deployment.model.ServiceImplementation;
import dev.tern.engine.persistence.Ids;

/**
 * The activities a token rests at under an execution of its own, as Camunda 7.24 creates a child
 * execution for them: a timer, message, signal or conditional intermediate catch event, a receive
 * task, an external service task, a call activity, an event-based gateway, and a task with
 * boundary events (all checked against the reference server). Their jobs (timers), user or external task, event subscriptions,
 * history row and activity instance then name that execution, while the process instance (or the
 * token's execution before) is their parent in the activity-instance tree.
 *
 * <p>The token takes a new id when it starts such an activity and its previous id back when it
 * leaves it (completed, or interrupted by a boundary event, which then runs on the previous id as
 * in Camunda). A token at an embedded sub-process keeps its own row, whose insides are its
 * children; the sub-process's scope execution is the id its first inner token runs as ({@link
 * ExecutionRow#scopeExecutionId()}).
 */
final class ScopeExecutions {

  private final ExecutionStore executions;
  private final Ids ids;

  ScopeExecutions(ExecutionStore executions, Ids ids) {
    this.executions = executions;
    this.ids = ids;
  }

  /** Whether a token resting at this node does so under an execution of its own. */
  static boolean ownsExecution(ProcessModel model, FlowNode node) {
    NodeKind kind = node.kind();
    if (kind instanceof NodeKind.TimerCatchEvent
        || kind instanceof NodeKind.EventBasedGateway
        || kind instanceof NodeKind.EventCatchEvent
        || kind instanceof NodeKind.ReceiveTask
        || kind instanceof NodeKind.CallActivity
        || (kind instanceof NodeKind.ServiceTask task
            && task.implementation() instanceof ServiceImplementation.External)) {
      return true;
    }
    if (kind instanceof NodeKind.SubProcess || kind instanceof NodeKind.EventSubProcess) {
      return false;
    }
    for (FlowNode other : model.nodes().values()) {
      if (node.id().equals(attachedTo(other.kind()))) {
        return true;
      }
    }
    return false;
  }

  private static String attachedTo(NodeKind kind) {
    if (kind instanceof NodeKind.BoundaryTimerEvent b) {
      return b.attachedTo();
    } else if (kind instanceof NodeKind.BoundaryTriggerEvent b) {
      return b.attachedTo();
    } else if (kind instanceof NodeKind.BoundaryErrorEvent b) {
      return b.attachedTo();
    } else if (kind instanceof NodeKind.BoundaryEscalationEvent b) {
      return b.attachedTo();
    }
    return null;
  }

  /**
   * The token starts this node: if the node has an execution of its own, the token takes a new
   * id (its row under the old id, if any, goes; {@code park} writes the new one).
   */
  void enter(Run run, Token token, FlowNode node) {
    if (token.outerId != null
        || token.miInstance
        || token.body
        || !ownsExecution(run.process.model(), node)) {
      return;
    }
    takeNewId(run, token);
  }

  /**
   * The token starts a multi-instance body: as in Camunda 7.24 the body is a scope execution of
   * its own (the parent of the inner instances), left again with {@link #exit}.
   */
  void enterBody(Run run, Token token) {
    if (token.outerId == null) {
      takeNewId(run, token);
    }
  }

  private void takeNewId(Run run, Token token) {
    if (token.persisted) {
      executions.deleteExecution(run.handle, token.id);
      token.persisted = false;
    }
    token.outerId = token.id;
    token.id = ids.next();
    token.parkedAt = null;
  }

  /**
   * The token leaves the activity it entered with {@link #enter}: the activity's execution ends
   * and the token goes on under its previous id (its jobs, tasks and subscriptions are the
   * caller's to remove first).
   */
  void exit(Run run, Token token) {
    if (token.outerId == null) {
      return;
    }
    if (token.persisted) {
      executions.deleteExecution(run.handle, token.id);
      token.persisted = false;
    }
    token.id = token.outerId;
    token.outerId = null;
    token.parkedAt = null;
  }

  /** Whether the token runs as the process instance (variables it receives are the instance's). */
  static boolean isInstance(Run run, Token token) {
    String id = token.outerId != null ? token.outerId : token.id;
    return id.equals(run.instance.id());
  }
}
