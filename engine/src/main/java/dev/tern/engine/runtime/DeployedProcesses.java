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
   * The latest version for a key. With a tenant id, that tenant's definitions; without one, the
   * definitions that belong to no tenant.
   */
  Optional<DeployedProcess> findLatestByKey(Handle handle, String key, String tenantId);
}
