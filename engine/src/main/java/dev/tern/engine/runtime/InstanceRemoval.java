package dev.tern.engine.runtime;

import dev.tern.engine.incident.IncidentStore;
import dev.tern.engine.job.Jobs;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Deleting and suspending a running instance: each row it owns is changed by that row's store
 * (executions, variables, jobs with their log, incidents with their history, the instance's
 * history), in the caller's transaction.
 */
final class InstanceRemoval {

  private final ExecutionStore executions;
  private final VariableStore variables;
  private final RuntimeJobs jobs;
  private final Jobs jobStore;
  private final IncidentStore incidents;
  private final ExternalTasks externalTasks;
  private final UserTasks userTasks;
  private final RuntimeHistoryStore history;

  InstanceRemoval(
      ExecutionStore executions,
      VariableStore variables,
      RuntimeJobs jobs,
      Jobs jobStore,
      IncidentStore incidents,
      ExternalTasks externalTasks,
      UserTasks userTasks,
      RuntimeHistoryStore history) {
    this.externalTasks = externalTasks;
    this.userTasks = userTasks;
    this.executions = executions;
    this.variables = variables;
    this.jobs = jobs;
    this.jobStore = jobStore;
    this.incidents = incidents;
    this.history = history;
  }

  /**
   * Deletes a running instance: its variables (their history stays), jobs (logged as deleted, their
   * failedJob incidents ended as deleted), external tasks (logged as deleted), user tasks (their history ends with the reason), its other incidents
   * (ended as deleted), executions and the instance row; history ends as {@code
   * EXTERNALLY_TERMINATED}. The instances its call activities started are deleted with it.
   */
  void delete(Handle handle, String id, String deleteReason, Instant now) {
    // the instances its call activities started go first, as in Camunda
    for (String called : executions.findSubInstances(handle, id)) {
      delete(handle, called, deleteReason, now);
    }
    variables.deleteAll(handle, id);
    jobs.deleteForInstance(handle, id, null);
    externalTasks.deleteForProcessInstance(handle, id);
    userTasks.deleteForProcessInstance(
        handle, id, deleteReason == null ? UserTasks.DELETED : deleteReason);
    incidents.deleteOfProcessInstance(handle, id);
    executions.deleteExecutionsOf(handle, id);
    executions.deleteInstance(handle, id);
    history.instanceDeleted(handle, id, deleteReason, now);
  }

  /**
   * Suspends or activates an instance and all its jobs and records the state in history.
   *
   * @return false if the instance does not exist
   */
  boolean setSuspended(Handle handle, String id, boolean suspended) {
    if (!executions.updateInstanceSuspended(handle, id, suspended)) {
      return false;
    }
    jobStore.updateSuspendedOfProcessInstance(handle, id, suspended);
    history.instanceSuspended(handle, id, suspended);
    return true;
  }
}
