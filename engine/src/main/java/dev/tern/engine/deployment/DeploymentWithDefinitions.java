package dev.tern.engine.deployment;

import java.util.List;

/**
 * The result of a deployment request.
 *
 * @param deployedProcessDefinitions the definitions this request created; empty when duplicate
 *     filtering returned an existing deployment (Camunda then reports {@code null})
 * @param created false when duplicate filtering returned the latest existing deployment
 */
public record DeploymentWithDefinitions(
    Deployment deployment, List<ProcessDefinition> deployedProcessDefinitions, boolean created) {

  public DeploymentWithDefinitions {
    deployedProcessDefinitions = List.copyOf(deployedProcessDefinitions);
  }
}
