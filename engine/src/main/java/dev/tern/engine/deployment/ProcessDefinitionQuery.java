package dev.tern.engine.deployment;

import dev.tern.engine.query.DeclaredQuery;
import dev.tern.engine.query.FilterQuery;
import dev.tern.engine.query.QueryDefinition;
import dev.tern.engine.query.QueryDefinition.Type;

/**
 * Process definitions, with the filters of Camunda 7.24's {@code ProcessDefinitionQueryDto} (each
 * declared once, in {@link #DEFINITION}); set filters are ANDed. {@code latestVersion} keeps the
 * latest version per key and tenant; {@code suspended} wins over {@code active} when both are set.
 */
public final class ProcessDefinitionQuery extends DeclaredQuery<ProcessDefinitionQuery> {

  public static final String COLUMNS =
      "pd.id, pd.proc_key, pd.name, pd.category, pd.version, pd.version_tag, pd.deployment_id,"
          + " pd.resource_name, pd.tenant_id, pd.suspended, pd.history_ttl, pd.startable";

  public static final QueryDefinition DEFINITION =
      QueryDefinition.builder(
              "tern_process_definition pd JOIN tern_deployment d ON d.id = pd.deployment_id",
              "pd.id")
          .equalOrAnyOf("processDefinitionId", "pd.id")
          .equal("key", "pd.proc_key")
          .anyOf("keysIn", "pd.proc_key")
          .like("keyLike", "pd.proc_key")
          .equalColumns("name", "deploymentId", "versionTag")
          .like("nameLike", "pd.name")
          .compare("version", Type.INTEGER, "pd.version", "=")
          .flag(
              "latestVersion",
              "pd.version = (SELECT MAX(v.version) FROM tern_process_definition v"
                  + " WHERE v.proc_key = pd.proc_key AND (v.tenant_id = pd.tenant_id"
                  + " OR (v.tenant_id IS NULL AND pd.tenant_id IS NULL)))")
          .tenants("pd.tenant_id", "includeProcessDefinitionsWithoutTenantId")
          .flag("suspended", "pd.suspended = TRUE")
          .filter(
              "active",
              Type.BOOLEAN,
              (w, v, c) ->
                  w.addIf(
                      Boolean.TRUE.equals(v) && !Boolean.TRUE.equals(c.values().get("suspended")),
                      "pd.suspended = FALSE"))
          .like("versionTagLike", "pd.version_tag")
          .sort("category", "pd.category")
          .sortable("key", "name", "deploymentId", "tenantId", "versionTag")
          .sort("id", "pd.id")
          .sort("version", "pd.version")
          .sort("deployTime", "d.deploy_time")
          .build();

  /** A query with no filter set: every process definition. */
  public ProcessDefinitionQuery() {
    super(new FilterQuery(DEFINITION), "pdq");
  }

  public static ProcessDefinitionQuery all() {
    return new ProcessDefinitionQuery();
  }

  public ProcessDefinitionQuery withKey(String key) {
    return set("key", key);
  }
}
