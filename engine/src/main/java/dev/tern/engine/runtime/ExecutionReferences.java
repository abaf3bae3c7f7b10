package dev.tern.engine.runtime;

import dev.tern.engine.event.EventSubscriptionStore;
import dev.tern.engine.incident.IncidentStore;
import dev.tern.engine.job.Jobs;
import org.jdbi.v3.core.Handle;

/**
 * The runtime rows that name an execution: its user and external tasks, jobs, incidents, event
 * subscriptions, local variables and the instances its call activity started. When Camunda 7.24
 * replaces one execution by another (the last concurrent path goes back into its parent), they
 * all move to the replacing execution, each through the store that owns its table; history keeps
 * the old id, as in Camunda.
 */
final class ExecutionReferences {

  private final ExecutionStore executions;
  private final VariableStore variables;
  private final Jobs jobs;
  private final RuntimeJobs runtimeJobs;
  private final IncidentStore incidents;
  private final ExternalTasks externalTasks;
  private final UserTasks userTasks;
  private final EventSubscriptionStore subscriptions;

  ExecutionReferences(
      ExecutionStore executions,
      VariableStore variables,
      Jobs jobs,
      RuntimeJobs runtimeJobs,
      IncidentStore incidents,
      ExternalTasks externalTasks,
      UserTasks userTasks,
      EventSubscriptionStore subscriptions) {
    this.executions = executions;
    this.variables = variables;
    this.jobs = jobs;
    this.runtimeJobs = runtimeJobs;
    this.incidents = incidents;
    this.externalTasks = externalTasks;
    this.userTasks = userTasks;
    this.subscriptions = subscriptions;
  }

  /** Replaces the execution row {@code fromId} by one with id {@code toId}, which must be free. */
  void replace(Handle handle, String fromId, String toId) {
    // toId may be the id of an execution that ended in this transaction: its jobs go first
    runtimeJobs.deleteOfEndedExecutions(handle);
    executions.copyExecution(handle, fromId, toId);
    userTasks.moveToExecution(handle, fromId, toId);
    externalTasks.moveToExecution(handle, fromId, toId);
    jobs.moveToExecution(handle, fromId, toId);
    incidents.moveToExecution(handle, fromId, toId);
    subscriptions.moveToExecution(handle, fromId, toId);
    variables.moveToExecution(handle, fromId, toId);
    executions.moveCalledInstances(handle, fromId, toId);
    executions.deleteExecution(handle, fromId);
  }

  /**
   * The path that ran as its scope's execution {@code scopeExecutionId} (the instance, or a
   * sub-process's scope execution) becomes a concurrent execution {@code toId}, as Camunda 7.24
   * moves it below the scope execution when a second path starts beside it: the row's children,
   * its user task and its asynchronous continuation (with the continuation's incident) follow;
   * the scope's variables, timers and subscriptions stay with the scope execution.
   */
  void detachFromScope(Handle handle, String scopeExecutionId, String toId) {
    runtimeJobs.deleteOfEndedExecutions(handle);
    executions.copyExecution(handle, scopeExecutionId, toId);
    userTasks.moveToExecution(handle, scopeExecutionId, toId);
    if (executions.findExecution(handle, toId).map(ExecutionRow::state).orElse(null)
        == ExecutionState.ASYNC) {
      jobs.moveToExecution(handle, scopeExecutionId, toId, RuntimeJobs.ASYNC_CONTINUATION);
      incidents.moveToExecution(handle, scopeExecutionId, toId);
    }
    executions.deleteExecution(handle, scopeExecutionId);
  }
}
