package dev.tern.engine.runtime;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * How the runtime finds a deployed process definition and its model. The deployment capability
 * implements it (definitions table plus parsed-model cache); tests may supply models directly.
 */
public interface DeployedProcesses {

  Optional<DeployedProcess> findById(Handle handle, String definitionId);

  /**
   * The definition of an instance that is running, to continue it. What never changes of a
   * definition (key, version, deployment, tenant, model) may come from a cache, so its {@code
   * suspended} flag may be stale: use {@link #findById} to decide whether a definition may start
   * an instance.
   */
  default Optional<DeployedProcess> findForInstance(Handle handle, String definitionId) {
    return findById(handle, definitionId);
  }

  /**
   * The latest version for a key. With a tenant id, that tenant's definitions; without one, the
   * definitions that belong to no tenant.
   */
  Optional<DeployedProcess> findLatestByKey(Handle handle, String key, String tenantId);

  /**
   * The definition a call activity of {@code caller} calls, in the caller's tenant: the latest
   * version of the key ({@code binding} latest), the one deployed with the caller (deployment), a
   * version (version) or the latest one with a version tag (versionTag).
   */
  default Optional<DeployedProcess> findCalled(
      Handle handle,
      String key,
      String binding,
      Integer version,
      String versionTag,
      DeployedProcess caller) {
    return "latest".equals(binding)
        ? findLatestByKey(handle, key, caller.tenantId())
        : Optional.empty();
  }
}
