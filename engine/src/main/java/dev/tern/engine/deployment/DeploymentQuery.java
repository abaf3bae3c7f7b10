package dev.tern.engine.deployment;

import dev.tern.engine.query.DeclaredQuery;
import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.QueryDefinition;

/**
 * Deployments, with the filters of Camunda 7.24's {@code DeploymentQueryDto} (each declared once, in
 * {@link #DEFINITION}); set filters are ANDed. {@code nameLike} is a SQL LIKE pattern; {@code
 * after} and {@code before} are strict.
 */
public final class DeploymentQuery extends DeclaredQuery<DeploymentQuery> {

  static final String COLUMNS = "d.id, d.name, d.source, d.tenant_id, d.deploy_time";

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder("tern_deployment d", "d.id")
          .equalColumns("id", "name", "source")
          .like("nameLike", "d.name")
          .flag("withoutSource", "d.source IS NULL")
          .tenants("d.tenant_id", "includeDeploymentsWithoutTenantId")
          .date("after", "d.deploy_time", ">")
          .date("before", "d.deploy_time", "<")
          .sortable("id", "name", "tenantId")
          .sort("deploymentTime", "d.deploy_time")
          .build();

  /** A query with no filter set: every deployment. */
  public DeploymentQuery() {
    super(new FilterQuery(DEFINITION), "dq");
  }

  public static DeploymentQuery all() {
    return new DeploymentQuery();
  }

  public DeploymentQuery withName(String name) {
    return set("name", name);
  }
}
