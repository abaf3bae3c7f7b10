package dev.tern.engine.runtime;

import dev.tern.engine.deployment.DeploymentService;
import dev.tern.engine.deployment.ProcessDefinition;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** {@link DeployedProcesses} over the deployment capability: definition rows plus cached models. */
public final class DeployedProcessLookup implements DeployedProcesses {

  private final DeploymentService deployments;

  public DeployedProcessLookup(DeploymentService deployments) {
    this.deployments = deployments;
  }

  @Override
  public Optional<DeployedProcess> findById(Handle handle, String definitionId) {
    return deployments.findProcessDefinition(handle, definitionId).map(d -> withModel(handle, d));
  }

  @Override
  public Optional<DeployedProcess> findLatestByKey(Handle handle, String key, String tenantId) {
    return deployments.findLatestProcessDefinition(handle, key, tenantId).map(d -> withModel(handle, d));
  }

  private DeployedProcess withModel(Handle handle, ProcessDefinition definition) {
    return new DeployedProcess(
        definition.id(),
        definition.key(),
        definition.name(),
        definition.version(),
        definition.deploymentId(),
        definition.tenantId(),
        definition.suspended(),
        deployments.processModelCache().get(handle, definition.id()));
  }
}
