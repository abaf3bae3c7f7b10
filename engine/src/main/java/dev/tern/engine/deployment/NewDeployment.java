package dev.tern.engine.deployment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to deploy.
 *
 * @param enableDuplicateFiltering return the latest deployment of the same name instead of
 *     creating one when no resource changed
 * @param deployChangedOnly deploy only the resources that changed since the latest deployment of
 *     the same name (implies duplicate filtering)
 * @param resources file name to content, in upload order
 */
public record NewDeployment(
    String name,
    String source,
    String tenantId,
    boolean enableDuplicateFiltering,
    boolean deployChangedOnly,
    Map<String, byte[]> resources) {

  public NewDeployment {
    resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
  }

  /** A deployment of the given resources without name, source, tenant or filtering. */
  public static NewDeployment of(Map<String, byte[]> resources) {
    return new NewDeployment(null, null, null, false, false, resources);
  }

  public NewDeployment withName(String name) {
    return new NewDeployment(
        name, source, tenantId, enableDuplicateFiltering, deployChangedOnly, resources);
  }

  public NewDeployment withSource(String source) {
    return new NewDeployment(
        name, source, tenantId, enableDuplicateFiltering, deployChangedOnly, resources);
  }

  public NewDeployment withTenantId(String tenantId) {
    return new NewDeployment(
        name, source, tenantId, enableDuplicateFiltering, deployChangedOnly, resources);
  }

  public NewDeployment withDuplicateFiltering(boolean deployChangedOnly) {
    return new NewDeployment(name, source, tenantId, true, deployChangedOnly, resources);
  }

  boolean filtersDuplicates() {
    return enableDuplicateFiltering || deployChangedOnly;
  }
}
