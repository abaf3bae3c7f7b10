package dev.tern.engine.deployment;

import java.time.Instant;
import java.util.List;

/**
 * Filters for deployments; null (or false) means "no filter". Conditions are combined with AND.
 *
 * @param nameLike a SQL LIKE pattern ({@code %} and {@code _} as wildcards)
 * @param tenantIdIn deployments of one of these tenants (with {@code
 *     includeDeploymentsWithoutTenantId}: or of no tenant)
 * @param after deployed strictly after this instant
 * @param before deployed strictly before this instant
 */
public record DeploymentQuery(
    String id,
    String name,
    String nameLike,
    String source,
    boolean withoutSource,
    List<String> tenantIdIn,
    boolean withoutTenantId,
    boolean includeDeploymentsWithoutTenantId,
    Instant after,
    Instant before,
    List<Sort> sorting) {

  public DeploymentQuery {
    tenantIdIn = tenantIdIn == null ? null : List.copyOf(tenantIdIn);
    sorting = sorting == null ? List.of() : List.copyOf(sorting);
  }

  public static DeploymentQuery all() {
    return new DeploymentQuery(null, null, null, null, false, null, false, false, null, null, null);
  }

  public DeploymentQuery withName(String name) {
    return new DeploymentQuery(
        id, name, nameLike, source, withoutSource, tenantIdIn, withoutTenantId,
        includeDeploymentsWithoutTenantId, after, before, sorting);
  }

  public DeploymentQuery withTenantIdIn(List<String> tenantIds) {
    return new DeploymentQuery(
        id, name, nameLike, source, withoutSource, tenantIds, withoutTenantId,
        includeDeploymentsWithoutTenantId, after, before, sorting);
  }

  public DeploymentQuery sortedBy(Field field, boolean ascending) {
    List<Sort> more = new java.util.ArrayList<>(sorting);
    more.add(new Sort(field, ascending));
    return new DeploymentQuery(
        id, name, nameLike, source, withoutSource, tenantIdIn, withoutTenantId,
        includeDeploymentsWithoutTenantId, after, before, more);
  }

  /** What deployments can be sorted by. */
  public enum Field {
    ID("d.id"),
    NAME("d.name"),
    DEPLOYMENT_TIME("d.deploy_time"),
    TENANT_ID("d.tenant_id");

    final String column;

    Field(String column) {
      this.column = column;
    }
  }

  public record Sort(Field field, boolean ascending) {}
}
