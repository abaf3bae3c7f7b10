package dev.tern.engine.persistence;

import org.jdbi.v3.core.Handle;

/**
 * Deleting the rows a deployment or a batch leaves in a table: the statements the stores share,
 * each store naming its own table.
 */
public final class OwnedRows {

  private static final String DEFINITIONS =
      "proc_def_id IN (SELECT id FROM tern_process_definition WHERE deployment_id = :deploymentId)";

  private OwnedRows() {}

  /** Deletes the rows of {@code table} that belong to the process definitions of a deployment. */
  public static void deleteOfDefinitions(Handle handle, String table, String deploymentId) {
    delete(handle, "DELETE FROM " + table + " WHERE " + DEFINITIONS, deploymentId);
  }

  /**
   * Deletes the rows of {@code table} of the deployment itself (its {@code deployment_id} column)
   * or of its process definitions.
   */
  public static void deleteOfDeployment(Handle handle, String table, String deploymentId) {
    delete(
        handle,
        "DELETE FROM " + table + " WHERE deployment_id = :deploymentId OR " + DEFINITIONS,
        deploymentId);
  }

  /** Deletes the rows of {@code table} of these job definitions (e.g. a batch's history). */
  public static void deleteOfJobDefinitions(
      Handle handle, String table, String... jobDefinitionIds) {
    handle
        .createUpdate("DELETE FROM " + table + " WHERE job_definition_id = ANY(:ids)")
        .bind("ids", jobDefinitionIds)
        .execute();
  }

  /** Deletes the rows of {@code table} of these process instances (its {@code process_instance_id}). */
  public static void deleteOfProcessInstances(
      Handle handle, String table, java.util.List<String> processInstanceIds) {
    handle
        .createUpdate("DELETE FROM " + table + " WHERE process_instance_id = ANY(:ids)")
        .bind("ids", processInstanceIds.toArray(String[]::new))
        .execute();
  }

  /** A table and the column of it that names a process instance. */
  public record InstanceColumn(String table, String column) {}

  /**
   * Sets {@code removal_time} on the rows of these tables whose instance column names an instance
   * of the hierarchy of this root instance, in one statement: one table alone is a plain {@code
   * UPDATE}; several are PostgreSQL's data-modifying {@code WITH} (only PostgreSQL may be given
   * more than one).
   */
  public static void setRemovalTimeOfHierarchy(
      Handle handle, java.util.List<InstanceColumn> tables, String rootProcessInstanceId,
      java.time.Instant removalTime) {
    String hierarchy =
        " IN (SELECT h.id FROM tern_hi_process_instance h WHERE h.root_process_instance_id = :root)";
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < tables.size(); i++) {
      InstanceColumn target = tables.get(i);
      String update =
          "UPDATE " + target.table() + " SET removal_time = :removalTime WHERE " + target.column()
              + hierarchy;
      if (i == tables.size() - 1) {
        sql.append(update);
      } else {
        sql.append(i == 0 ? "WITH " : ", ").append("u").append(i).append(" AS (").append(update).append(") ");
      }
    }
    handle
        .createUpdate(sql.toString())
        .bind("removalTime", removalTime)
        .bind("root", rootProcessInstanceId)
        .execute();
  }

  /**
   * Deletes at most {@code limit} rows of {@code table} whose {@code removal_time} is at or before
   * {@code now}, oldest first.
   *
   * @return the number deleted
   */
  public static int deleteExpired(Handle handle, String table, java.time.Instant now, int limit) {
    return handle
        .createUpdate(
            "DELETE FROM " + table + " WHERE id IN (SELECT e.id FROM " + table
                + " e WHERE e.removal_time <= :now ORDER BY e.removal_time, e.id"
                + " FETCH FIRST :limit ROWS ONLY)")
        .bind("now", now)
        .bind("limit", limit)
        .execute();
  }

  private static void delete(Handle handle, String sql, String deploymentId) {
    handle.createUpdate(sql).bind("deploymentId", deploymentId).execute();
  }
}
