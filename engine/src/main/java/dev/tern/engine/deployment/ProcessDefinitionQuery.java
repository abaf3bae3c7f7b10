package dev.tern.engine.deployment;

import java.util.List;

/**
 * Filters for process definitions; null (or false) means "no filter". Conditions are combined with
 * AND.
 *
 * @param keyLike, nameLike SQL LIKE patterns
 * @param latestVersion only the latest version per key and tenant
 * @param suspended true: only suspended, false: only active, null: both
 */
public record ProcessDefinitionQuery(
    String processDefinitionId,
    List<String> processDefinitionIdIn,
    String key,
    List<String> keysIn,
    String keyLike,
    String name,
    String nameLike,
    Integer version,
    boolean latestVersion,
    String deploymentId,
    List<String> tenantIdIn,
    boolean withoutTenantId,
    boolean includeProcessDefinitionsWithoutTenantId,
    Boolean suspended,
    String versionTag,
    String versionTagLike,
    List<Sort> sorting) {

  public ProcessDefinitionQuery {
    processDefinitionIdIn = processDefinitionIdIn == null ? null : List.copyOf(processDefinitionIdIn);
    keysIn = keysIn == null ? null : List.copyOf(keysIn);
    tenantIdIn = tenantIdIn == null ? null : List.copyOf(tenantIdIn);
    sorting = sorting == null ? List.of() : List.copyOf(sorting);
  }

  public static ProcessDefinitionQuery all() {
    return new ProcessDefinitionQuery(
        null, null, null, null, null, null, null, null, false, null, null, false, false, null, null,
        null, null);
  }

  public ProcessDefinitionQuery withKey(String key) {
    return new ProcessDefinitionQuery(
        processDefinitionId, processDefinitionIdIn, key, keysIn, keyLike, name, nameLike, version,
        latestVersion, deploymentId, tenantIdIn, withoutTenantId,
        includeProcessDefinitionsWithoutTenantId, suspended, versionTag, versionTagLike, sorting);
  }

  public ProcessDefinitionQuery withLatestVersion() {
    return new ProcessDefinitionQuery(
        processDefinitionId, processDefinitionIdIn, key, keysIn, keyLike, name, nameLike, version,
        true, deploymentId, tenantIdIn, withoutTenantId, includeProcessDefinitionsWithoutTenantId,
        suspended, versionTag, versionTagLike, sorting);
  }

  public ProcessDefinitionQuery withTenantIdIn(List<String> tenantIds) {
    return new ProcessDefinitionQuery(
        processDefinitionId, processDefinitionIdIn, key, keysIn, keyLike, name, nameLike, version,
        latestVersion, deploymentId, tenantIds, withoutTenantId,
        includeProcessDefinitionsWithoutTenantId, suspended, versionTag, versionTagLike, sorting);
  }

  public ProcessDefinitionQuery withDeploymentId(String deploymentId) {
    return new ProcessDefinitionQuery(
        processDefinitionId, processDefinitionIdIn, key, keysIn, keyLike, name, nameLike, version,
        latestVersion, deploymentId, tenantIdIn, withoutTenantId,
        includeProcessDefinitionsWithoutTenantId, suspended, versionTag, versionTagLike, sorting);
  }

  public ProcessDefinitionQuery sortedBy(Field field, boolean ascending) {
    List<Sort> more = new java.util.ArrayList<>(sorting);
    more.add(new Sort(field, ascending));
    return new ProcessDefinitionQuery(
        processDefinitionId, processDefinitionIdIn, key, keysIn, keyLike, name, nameLike, version,
        latestVersion, deploymentId, tenantIdIn, withoutTenantId,
        includeProcessDefinitionsWithoutTenantId, suspended, versionTag, versionTagLike, more);
  }

  /** What process definitions can be sorted by (Camunda's {@code sortBy} values). */
  public enum Field {
    CATEGORY("pd.category"),
    KEY("pd.proc_key"),
    ID("pd.id"),
    NAME("pd.name"),
    VERSION("pd.version"),
    DEPLOYMENT_ID("pd.deployment_id"),
    DEPLOY_TIME("d.deploy_time"),
    TENANT_ID("pd.tenant_id"),
    VERSION_TAG("pd.version_tag");

    final String column;

    Field(String column) {
      this.column = column;
    }
  }

  public record Sort(Field field, boolean ascending) {}
}
