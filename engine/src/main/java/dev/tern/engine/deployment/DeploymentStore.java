package dev.tern.engine.deployment;

import dev.tern.engine.persistence.RecordMapper;
import dev.tern.engine.persistence.Rows;
import dev.tern.engine.query.Binds;
import dev.tern.engine.query.Predicates;
import dev.tern.engine.query.SqlFragment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for {@code tern_deployment}, {@code tern_resource} and {@code tern_process_definition}, and
 * the set-based clean-up when a deployment is deleted. Every method runs in the caller's
 * transaction.
 */
final class DeploymentStore {

  private static final String DEPLOYMENT_COLUMNS = DeploymentQuery.COLUMNS;

  private static final String DEFINITION_COLUMNS = ProcessDefinitionQuery.COLUMNS;

  static final RowMapper<Deployment> DEPLOYMENT =
      RecordMapper.of(Deployment.class, DEPLOYMENT_COLUMNS);
  static final RowMapper<ProcessDefinition> DEFINITION =
      RecordMapper.of(ProcessDefinition.class, DEFINITION_COLUMNS);

  /** The definitions of one deployment, for set-based deletes. */
  private static final String DEFINITIONS_OF_DEPLOYMENT =
      "(SELECT id FROM tern_process_definition WHERE deployment_id = :deploymentId)";

  /**
   * Serialises deployments across nodes: versions per key and tenant, and duplicate filtering,
   * are decided while this row lock is held.
   */
  void lockDeployments(Handle handle) {
    handle
        .createQuery("SELECT prop_value FROM tern_property WHERE name = 'deployment.lock' FOR UPDATE")
        .mapTo(String.class)
        .findOne();
  }

  void insertDeployment(Handle handle, Deployment deployment) {
    handle
        .createUpdate(
            "INSERT INTO tern_deployment (id, name, source, tenant_id, deploy_time)"
                + " VALUES (:id, :name, :source, :tenantId, :deploymentTime)")
        .bindMethods(deployment)
        .execute();
  }

  void insertResource(
      Handle handle, String id, String deploymentId, String name, byte[] content, String hash) {
    handle
        .createUpdate(
            "INSERT INTO tern_resource (id, deployment_id, name, content, content_hash)"
                + " VALUES (:id, :deploymentId, :name, :content, :hash)")
        .bind("id", id)
        .bind("deploymentId", deploymentId)
        .bind("name", name)
        .bind("content", content)
        .bind("hash", hash)
        .execute();
  }

  void insertProcessDefinition(Handle handle, ProcessDefinition definition) {
    handle
        .createUpdate(
            "INSERT INTO tern_process_definition (id, proc_key, name, category, version,"
                + " version_tag, deployment_id, resource_name, tenant_id, suspended, history_ttl,"
                + " startable) VALUES (:id, :key, :name, :category, :version, :versionTag,"
                + " :deploymentId, :resourceName, :tenantId, :suspended, :historyTimeToLive,"
                + " :startableInTasklist)")
        .bindMethods(definition)
        .execute();
  }

  /** The highest version of a key in a tenant (null: no tenant), 0 when there is none. */
  int latestVersion(Handle handle, String key, String tenantId) {
    Predicates where = tenant(new Predicates(new Binds("v")).eq("proc_key", key), "tenant_id", tenantId);
    SqlFragment max = where.fragment("SELECT MAX(version) FROM tern_process_definition" + where.where());
    return max.bindTo(handle.createQuery(max.sql()))
        .mapTo(Integer.class)
        .findOne()
        .orElse(0);
  }

  /**
   * The content hash of the latest version of each resource deployed under a deployment name, as
   * Camunda's duplicate filtering compares them: deployments of the same name and tenant whose
   * source is the given one or none.
   */
  Map<String, String> latestResourceHashes(
      Handle handle, String deploymentName, String source, String tenantId) {
    String sameDeployments =
        "%1$s.name = :name AND (%1$s.source IS NULL OR %1$s.source = :source) AND "
            + (tenantId == null ? "%1$s.tenant_id IS NULL" : "%1$s.tenant_id = :tenantId");
    String sql =
        "SELECT r.name, r.content_hash FROM tern_resource r"
            + " JOIN tern_deployment d ON d.id = r.deployment_id WHERE "
            + sameDeployments.formatted("d")
            + " AND NOT EXISTS (SELECT 1 FROM tern_resource r2"
            + " JOIN tern_deployment d2 ON d2.id = r2.deployment_id WHERE r2.name = r.name AND "
            + sameDeployments.formatted("d2")
            + " AND (d2.deploy_time > d.deploy_time"
            + " OR (d2.deploy_time = d.deploy_time AND d2.id > d.id)))";
    var query = handle.createQuery(sql).bind("name", deploymentName).bind("source", source);
    if (tenantId != null) {
      query.bind("tenantId", tenantId);
    }
    return query
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
  }

  /** The latest deployment of a name in a tenant. */
  Optional<Deployment> latestDeploymentByName(Handle handle, String name, String tenantId) {
    Predicates where = tenant(new Predicates(new Binds("d")).eq("d.name", name), "d.tenant_id", tenantId);
    return first(
        handle, DEPLOYMENT_COLUMNS, "tern_deployment d", where, "d.deploy_time DESC, d.id DESC", DEPLOYMENT);
  }

  /** The first row of {@code from} that {@code where} selects, in {@code order}. */
  private static <T> Optional<T> first(
      Handle handle,
      String columns,
      String from,
      Predicates where,
      String order,
      RowMapper<T> mapper) {
    SqlFragment first =
        where.fragment(
            "SELECT " + columns + " FROM " + from + where.where() + " ORDER BY " + order + " LIMIT 1");
    return first.bindTo(handle.createQuery(first.sql())).map(mapper).findOne();
  }

  Optional<Deployment> findDeployment(Handle handle, String id) {
    return Rows.findById(handle, "tern_deployment d", DEPLOYMENT_COLUMNS, DEPLOYMENT, id);
  }

  List<DeploymentResource> resources(Handle handle, String deploymentId) {
    return handle
        .createQuery(
            "SELECT id, name, deployment_id FROM tern_resource WHERE deployment_id = :d ORDER BY"
                + " name, id")
        .bind("d", deploymentId)
        .map((rs, ctx) -> new DeploymentResource(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  Optional<byte[]> resourceContent(Handle handle, String deploymentId, String resourceId) {
    return resourceContents(handle, deploymentId, "id", resourceId).findOne();
  }

  Optional<byte[]> resourceContentByName(Handle handle, String deploymentId, String name) {
    return resourceContents(handle, deploymentId, "name", name).findFirst();
  }

  /** The contents of the deployment's resources whose {@code column} (id or name) is {@code value}. */
  private static ResultIterable<byte[]> resourceContents(
      Handle handle, String deploymentId, String column, String value) {
    return handle
        .createQuery(
            "SELECT content FROM tern_resource WHERE deployment_id = :d AND " + column + " = :v")
        .bind("d", deploymentId)
        .bind("v", value)
        .map((rs, ctx) -> rs.getBytes(1));
  }

  Optional<ProcessDefinition> findProcessDefinition(Handle handle, String id) {
    return Rows.findById(handle, "tern_process_definition pd", DEFINITION_COLUMNS, DEFINITION, id);
  }

  /** The latest version of a key in a tenant (null: the definitions without tenant). */
  Optional<ProcessDefinition> findLatestProcessDefinition(Handle handle, String key, String tenantId) {
    Predicates where =
        tenant(new Predicates(new Binds("pd")).eq("pd.proc_key", key), "pd.tenant_id", tenantId);
    return first(
        handle, DEFINITION_COLUMNS, "tern_process_definition pd", where, "pd.version DESC", DEFINITION);
  }

  List<ProcessDefinition> processDefinitionsOfDeployment(Handle handle, String deploymentId) {
    return handle
        .createQuery(
            "SELECT "
                + DEFINITION_COLUMNS
                + " FROM tern_process_definition pd WHERE pd.deployment_id = :d ORDER BY pd.id")
        .bind("d", deploymentId)
        .map(DEFINITION)
        .list();
  }

  /** Running process instances per definition of the deployment, in definition id order. */
  Map<String, Long> instanceCounts(Handle handle, String deploymentId) {
    Map<String, Long> counts = new LinkedHashMap<>();
    handle
        .createQuery(
            "SELECT proc_def_id, COUNT(*) FROM tern_process_instance WHERE proc_def_id IN "
                + DEFINITIONS_OF_DEPLOYMENT
                + " GROUP BY proc_def_id ORDER BY proc_def_id")
        .bind("deploymentId", deploymentId)
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  /**
   * Deletes a deployment with its resources and definitions (the rows other capabilities keep of
   * them are removed first, by {@link DeployedDataRemoval}).
   */
  void deleteDeployment(Handle handle, String deploymentId) {
    handle
        .createUpdate("DELETE FROM tern_process_definition WHERE deployment_id = :deploymentId")
        .bind("deploymentId", deploymentId)
        .execute();
    handle
        .createUpdate("DELETE FROM tern_resource WHERE deployment_id = :deploymentId")
        .bind("deploymentId", deploymentId)
        .execute();
    handle
        .createUpdate("DELETE FROM tern_deployment WHERE id = :deploymentId")
        .bind("deploymentId", deploymentId)
        .execute();
  }

  private static Predicates tenant(Predicates where, String column, String tenantId) {
    return tenantId == null ? where.add(column + " IS NULL") : where.eq(column, tenantId);
  }
}
