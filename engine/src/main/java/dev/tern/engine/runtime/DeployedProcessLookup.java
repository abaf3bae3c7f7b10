package dev.tern.engine.runtime;

import dev.tern.engine.deployment.DeploymentService;
import dev.tern.engine.deployment.ProcessDefinition;
import dev.tern.engine.deployment.ProcessDefinitionQuery;
import dev.tern.engine.deployment.ProcessModelCache;
import dev.tern.engine.query.Page;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** {@link DeployedProcesses} over the deployment capability: definition rows plus cached models. */
public final class DeployedProcessLookup implements DeployedProcesses {

  private final DeploymentService deployments;
  private final Map<String, DeployedProcess> ofInstances =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DeployedProcess> eldest) {
          return size() > ProcessModelCache.DEFAULT_CAPACITY;
        }
      };

  public DeployedProcessLookup(DeploymentService deployments) {
    this.deployments = deployments;
  }

  /**
   * Cached without expiry: a definition's id is never reused, and a definition is deleted only
   * with its instances, so an entry of a deleted one is never asked for again.
   */
  @Override
  public Optional<DeployedProcess> findForInstance(Handle handle, String definitionId) {
    DeployedProcess cached;
    synchronized (ofInstances) {
      cached = ofInstances.get(definitionId);
    }
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<DeployedProcess> found = findById(handle, definitionId);
    found.ifPresent(
        process -> {
          synchronized (ofInstances) {
            ofInstances.put(definitionId, process);
          }
        });
    return found;
  }

  @Override
  public Optional<DeployedProcess> findById(Handle handle, String definitionId) {
    return deployments.findProcessDefinition(handle, definitionId).map(d -> withModel(handle, d));
  }

  @Override
  public Optional<DeployedProcess> findLatestByKey(Handle handle, String key, String tenantId) {
    return deployments.findLatestProcessDefinition(handle, key, tenantId).map(d -> withModel(handle, d));
  }

  @Override
  public Optional<DeployedProcess> findCalled(
      Handle handle,
      String key,
      String binding,
      Integer version,
      String versionTag,
      DeployedProcess caller) {
    if ("latest".equals(binding)) {
      return DeployedProcesses.super.findCalled(handle, key, binding, version, versionTag, caller);
    }
    ProcessDefinitionQuery query = new ProcessDefinitionQuery().set("key", key);
    query =
        caller.tenantId() == null
            ? query.set("withoutTenantId", true)
            : query.set("tenantIdIn", java.util.List.of(caller.tenantId()));
    query =
        switch (binding) {
          case "deployment" -> query.set("deploymentId", caller.deploymentId());
          case "version" -> query.set("version", version);
          default -> query.set("versionTag", versionTag);
        };
    return deployments.queryProcessDefinitions(query, Page.ALL).stream()
        .max(java.util.Comparator.comparingInt(ProcessDefinition::version))
        .map(d -> withModel(handle, d));
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
