package dev.tern.engine.runtime;

import dev.tern.engine.deployment.DeployedDataRemoval;
import dev.tern.engine.history.DeploymentHistory;
import dev.tern.engine.event.EventSubscriptionStore;
import dev.tern.engine.incident.IncidentStore;
import dev.tern.engine.job.JobDefinitions;
import dev.tern.engine.job.Jobs;
import dev.tern.engine.persistence.Dialect;
import org.jdbi.v3.core.Handle;

/**
 * Removes the rows other capabilities keep of a deleted deployment, each through the store that
 * owns its table. Without cascade only jobs (timer start events) and job definitions remain to go;
 * with it the instances and their history too, by the deployment's definitions, set-based.
 */
public final class DeploymentDataRemoval implements DeployedDataRemoval {

  private final Jobs jobs;
  private final JobDefinitions jobDefinitions;
  private final IncidentStore incidents;
  private final VariableStore variables;
  private final ExecutionStore executions = new ExecutionStore();
  private final EventSubscriptionStore subscriptions;
  private final RuntimeHistoryStore history;
  private final DeploymentHistory deploymentHistory;

  public DeploymentDataRemoval(
      Dialect dialect,
      Jobs jobs,
      JobDefinitions jobDefinitions,
      IncidentStore incidents,
      VariableStore variables,
      DeploymentHistory deploymentHistory,
      EventSubscriptionStore subscriptions) {
    this.deploymentHistory = deploymentHistory;
    this.subscriptions = subscriptions;
    this.jobs = jobs;
    this.jobDefinitions = jobDefinitions;
    this.incidents = incidents;
    this.variables = variables;
    this.history = new RuntimeHistoryStore(dialect);
  }

  @Override
  public void remove(Handle handle, String deploymentId, boolean cascade) {
    if (cascade) {
      incidents.deleteOfDeployment(handle, deploymentId);
    }
    jobs.deleteOfDeployment(handle, deploymentId);
    subscriptions.deleteOfDeployment(handle, deploymentId);
    if (cascade) {
      variables.deleteOfDeployment(handle, deploymentId);
      executions.deleteOfDeployment(handle, deploymentId);
      deploymentHistory.deleteOfDeployment(handle, deploymentId);
      history.deleteOfDeployment(handle, deploymentId);
    }
    jobDefinitions.deleteOfDeployment(handle, deploymentId);
  }
}
