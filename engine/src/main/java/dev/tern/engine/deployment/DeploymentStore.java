package dev.tern.engine.deployment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * SQL for {@code tern_deployment}, {@code tern_resource} and {@code tern_process_definition}, and
 * the set-based clean-up when a deployment is deleted. Every method runs in the caller's
 * transaction.
 */
final class DeploymentStore {

  private static final String DEPLOYMENT_COLUMNS =
      "d.id, d.name, d.source, d.tenant_id, d.deploy_time";

  private static final String DEFINITION_COLUMNS =
      "pd.id, pd.proc_key, pd.name, pd.category, pd.version, pd.version_tag, pd.deployment_id,"
          + " pd.resource_name, pd.tenant_id, pd.suspended, pd.history_ttl, pd.startable";

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
    Conditions where = new Conditions().where("proc_key = :key", "key", key);
    tenant(where, "tenant_id", tenantId);
    return where
        .bind(handle.createQuery("SELECT MAX(version) FROM tern_process_definition" + where.sql()))
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
    Conditions where = new Conditions().where("d.name = :name", "name", name);
    tenant(where, "d.tenant_id", tenantId);
    return where
        .bind(
            handle.createQuery(
                "SELECT "
                    + DEPLOYMENT_COLUMNS
                    + " FROM tern_deployment d"
                    + where.sql()
                    + " ORDER BY d.deploy_time DESC, d.id DESC LIMIT 1"))
        .map((rs, ctx) -> deployment(rs))
        .findOne();
  }

  Optional<Deployment> findDeployment(Handle handle, String id) {
    return handle
        .createQuery("SELECT " + DEPLOYMENT_COLUMNS + " FROM tern_deployment d WHERE d.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> deployment(rs))
        .findOne();
  }

  List<Deployment> queryDeployments(Handle handle, DeploymentQuery query, Page page) {
    Conditions where = deploymentConditions(query);
    String sql =
        "SELECT "
            + DEPLOYMENT_COLUMNS
            + " FROM tern_deployment d"
            + where.sql()
            + orderAndPage(
                query.sorting().stream().map(s -> s.field().column + direction(s.ascending())),
                "d.id",
                page);
    return where.bind(handle.createQuery(sql)).map((rs, ctx) -> deployment(rs)).list();
  }

  long countDeployments(Handle handle, DeploymentQuery query) {
    Conditions where = deploymentConditions(query);
    return where
        .bind(handle.createQuery("SELECT COUNT(*) FROM tern_deployment d" + where.sql()))
        .mapTo(Long.class)
        .one();
  }

  private static Conditions deploymentConditions(DeploymentQuery query) {
    Conditions where =
        new Conditions()
            .where("d.id = :id", "id", query.id())
            .where("d.name = :name", "name", query.name())
            .where("d.name LIKE :nameLike", "nameLike", query.nameLike())
            .where("d.source = :source", "source", query.source())
            .where("d.deploy_time > :after", "after", query.after())
            .where("d.deploy_time < :before", "before", query.before());
    if (query.withoutSource()) {
      where.where("d.source IS NULL");
    }
    tenantFilter(
        where,
        "d.tenant_id",
        query.tenantIdIn(),
        query.withoutTenantId(),
        query.includeDeploymentsWithoutTenantId());
    return where;
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
    return handle
        .createQuery("SELECT content FROM tern_resource WHERE deployment_id = :d AND id = :id")
        .bind("d", deploymentId)
        .bind("id", resourceId)
        .map((rs, ctx) -> rs.getBytes(1))
        .findOne();
  }

  Optional<byte[]> resourceContentByName(Handle handle, String deploymentId, String name) {
    return handle
        .createQuery("SELECT content FROM tern_resource WHERE deployment_id = :d AND name = :name")
        .bind("d", deploymentId)
        .bind("name", name)
        .map((rs, ctx) -> rs.getBytes(1))
        .findFirst();
  }

  Optional<ProcessDefinition> findProcessDefinition(Handle handle, String id) {
    return handle
        .createQuery(
            "SELECT " + DEFINITION_COLUMNS + " FROM tern_process_definition pd WHERE pd.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> processDefinition(rs))
        .findOne();
  }

  /** The latest version of a key in a tenant (null: the definitions without tenant). */
  Optional<ProcessDefinition> findLatestProcessDefinition(Handle handle, String key, String tenantId) {
    Conditions where = new Conditions().where("pd.proc_key = :key", "key", key);
    tenant(where, "pd.tenant_id", tenantId);
    return where
        .bind(
            handle.createQuery(
                "SELECT "
                    + DEFINITION_COLUMNS
                    + " FROM tern_process_definition pd"
                    + where.sql()
                    + " ORDER BY pd.version DESC LIMIT 1"))
        .map((rs, ctx) -> processDefinition(rs))
        .findOne();
  }

  List<ProcessDefinition> queryProcessDefinitions(
      Handle handle, ProcessDefinitionQuery query, Page page) {
    Conditions where = definitionConditions(query);
    String sql =
        "SELECT "
            + DEFINITION_COLUMNS
            + " FROM tern_process_definition pd JOIN tern_deployment d ON d.id = pd.deployment_id"
            + where.sql()
            + orderAndPage(
                query.sorting().stream().map(s -> s.field().column + direction(s.ascending())),
                "pd.id",
                page);
    return where.bind(handle.createQuery(sql)).map((rs, ctx) -> processDefinition(rs)).list();
  }

  long countProcessDefinitions(Handle handle, ProcessDefinitionQuery query) {
    Conditions where = definitionConditions(query);
    return where
        .bind(
            handle.createQuery(
                "SELECT COUNT(*) FROM tern_process_definition pd"
                    + " JOIN tern_deployment d ON d.id = pd.deployment_id"
                    + where.sql()))
        .mapTo(Long.class)
        .one();
  }

  private static Conditions definitionConditions(ProcessDefinitionQuery query) {
    Conditions where =
        new Conditions()
            .where("pd.id = :id", "id", query.processDefinitionId())
            .whereIn("pd.id", "idIn", query.processDefinitionIdIn())
            .where("pd.proc_key = :key", "key", query.key())
            .whereIn("pd.proc_key", "keysIn", query.keysIn())
            .where("pd.proc_key LIKE :keyLike", "keyLike", query.keyLike())
            .where("pd.name = :name", "name", query.name())
            .where("pd.name LIKE :nameLike", "nameLike", query.nameLike())
            .where("pd.version = :version", "version", query.version())
            .where("pd.deployment_id = :deploymentId", "deploymentId", query.deploymentId())
            .where("pd.suspended = :suspended", "suspended", query.suspended())
            .where("pd.version_tag = :versionTag", "versionTag", query.versionTag())
            .where("pd.version_tag LIKE :versionTagLike", "versionTagLike", query.versionTagLike());
    if (query.latestVersion()) {
      where.where(
          "pd.version = (SELECT MAX(v.version) FROM tern_process_definition v"
              + " WHERE v.proc_key = pd.proc_key AND (v.tenant_id = pd.tenant_id"
              + " OR (v.tenant_id IS NULL AND pd.tenant_id IS NULL)))");
    }
    tenantFilter(
        where,
        "pd.tenant_id",
        query.tenantIdIn(),
        query.withoutTenantId(),
        query.includeProcessDefinitionsWithoutTenantId());
    return where;
  }

  List<ProcessDefinition> processDefinitionsOfDeployment(Handle handle, String deploymentId) {
    return handle
        .createQuery(
            "SELECT "
                + DEFINITION_COLUMNS
                + " FROM tern_process_definition pd WHERE pd.deployment_id = :d ORDER BY pd.id")
        .bind("d", deploymentId)
        .map((rs, ctx) -> processDefinition(rs))
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
   * Deletes a deployment with its resources, definitions and job definitions; with {@code cascade}
   * also the runtime data (instances, executions, variables, jobs, incidents) and the history of
   * its definitions. A few statements whatever the number of instances.
   */
  void deleteDeployment(Handle handle, String deploymentId, boolean cascade) {
    if (cascade) {
      for (String table :
          List.of(
              "tern_incident",
              "tern_job",
              "tern_variable",
              "tern_execution",
              "tern_process_instance",
              "tern_hi_incident",
              "tern_hi_job_log",
              "tern_hi_variable",
              "tern_hi_activity_instance",
              "tern_hi_process_instance")) {
        String column =
            table.equals("tern_variable") || table.equals("tern_execution")
                ? "process_instance_id IN (SELECT id FROM tern_process_instance WHERE proc_def_id IN "
                    + DEFINITIONS_OF_DEPLOYMENT
                    + ")"
                : "proc_def_id IN " + DEFINITIONS_OF_DEPLOYMENT;
        handle
            .createUpdate("DELETE FROM " + table + " WHERE " + column)
            .bind("deploymentId", deploymentId)
            .execute();
      }
    }
    handle
        .createUpdate(
            "DELETE FROM tern_job WHERE deployment_id = :deploymentId OR proc_def_id IN "
                + DEFINITIONS_OF_DEPLOYMENT)
        .bind("deploymentId", deploymentId)
        .execute();
    handle
        .createUpdate(
            "DELETE FROM tern_job_definition WHERE deployment_id = :deploymentId OR proc_def_id IN "
                + DEFINITIONS_OF_DEPLOYMENT)
        .bind("deploymentId", deploymentId)
        .execute();
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

  private static void tenant(Conditions where, String column, String tenantId) {
    if (tenantId == null) {
      where.where(column + " IS NULL");
    } else {
      where.where(column + " = :tenantId", "tenantId", tenantId);
    }
  }

  private static void tenantFilter(
      Conditions where,
      String column,
      List<String> tenantIdIn,
      boolean withoutTenantId,
      boolean includeWithoutTenantId) {
    if (tenantIdIn != null) {
      where.whereArray(
          "(" + column + " = ANY(:tenantIdIn)" + (includeWithoutTenantId ? " OR " + column + " IS NULL" : "") + ")",
          "tenantIdIn",
          tenantIdIn);
    }
    if (withoutTenantId) {
      where.where(column + " IS NULL");
    }
  }

  private static String direction(boolean ascending) {
    return ascending ? " ASC" : " DESC";
  }

  /** ORDER BY the requested terms, then the id so pages are stable; LIMIT/OFFSET when paged. */
  private static String orderAndPage(
      java.util.stream.Stream<String> terms, String idColumn, Page page) {
    String orderBy =
        " ORDER BY "
            + java.util.stream.Stream.concat(terms, java.util.stream.Stream.of(idColumn + " ASC"))
                .collect(Collectors.joining(", "));
    if (page.firstResult() == 0 && page.maxResults() == Integer.MAX_VALUE) {
      return orderBy;
    }
    return orderBy + " LIMIT " + page.maxResults() + " OFFSET " + page.firstResult();
  }

  private static Deployment deployment(ResultSet rs) throws SQLException {
    return new Deployment(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("source"),
        rs.getString("tenant_id"),
        instant(rs, "deploy_time"));
  }

  private static ProcessDefinition processDefinition(ResultSet rs) throws SQLException {
    return new ProcessDefinition(
        rs.getString("id"),
        rs.getString("proc_key"),
        rs.getString("name"),
        rs.getString("category"),
        rs.getInt("version"),
        rs.getString("version_tag"),
        rs.getString("deployment_id"),
        rs.getString("resource_name"),
        rs.getString("tenant_id"),
        rs.getBoolean("suspended"),
        (Integer) rs.getObject("history_ttl", Integer.class),
        rs.getBoolean("startable"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
