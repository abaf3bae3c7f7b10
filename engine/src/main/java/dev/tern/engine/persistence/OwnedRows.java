package dev.tern.engine.persistence;

import org.jdbi.v3.core.Handle;

/**
 * Deleting the rows a deployment or a batch leaves in a table, and moving rows from one execution
 * to another: the statements the stores share, each store naming its own table.
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

  /**
   * Points the rows of {@code table} that name execution {@code fromId} in {@code column} at
   * execution {@code toId} (Camunda replaces a pruned concurrent execution by its parent).
   */
  public static void moveToExecution(
      Handle handle, String table, String column, String fromId, String toId) {
    handle
        .createUpdate("UPDATE " + table + " SET " + column + " = :to WHERE " + column + " = :from")
        .bind("from", fromId)
        .bind("to", toId)
        .execute();
  }

  /** {@link #moveToExecution(Handle, String, String, String, String)} on its {@code execution_id}. */
  public static void moveToExecution(Handle handle, String table, String fromId, String toId) {
    moveToExecution(handle, table, "execution_id", fromId, toId);
  }

  /** A table and the column of it that names a process instance. */
  public record InstanceColumn(String table, String column) {}

  /**
   * The {@code historyTimeToLive} (days) of the definition of the instance {@code :root}; no row
   * when the instance is not a root or its definition keeps history forever.
   */
  private static final String ROOT_TIME_TO_LIVE =
      "SELECT pd.history_ttl FROM tern_hi_process_instance h JOIN tern_process_definition pd"
          + " ON pd.id = h.proc_def_id WHERE h.id = :root AND h.super_process_instance_id IS NULL"
          + " AND pd.history_ttl IS NOT NULL";

  /**
   * The {@code historyTimeToLive} in days of the definition of a root instance; empty when the
   * instance is not a root or keeps its history forever.
   */
  public static java.util.Optional<Integer> rootTimeToLive(Handle handle, String rootProcessInstanceId) {
    return handle
        .createQuery(ROOT_TIME_TO_LIVE)
        .bind("root", rootProcessInstanceId)
        .mapTo(Integer.class)
        .findOne();
  }

  /**
   * Sets {@code removal_time} on the rows of these tables whose instance column names an instance
   * of the hierarchy of this root instance, in one plain {@code UPDATE} per table.
   */
  public static void setRemovalTimeOfHierarchy(
      Handle handle, InstanceColumn table, String rootProcessInstanceId,
      java.time.Instant removalTime) {
    handle
        .createUpdate(
            "UPDATE " + table.table() + " SET removal_time = :removalTime WHERE " + table.column()
                + " IN (SELECT h.id FROM tern_hi_process_instance h"
                + " WHERE h.root_process_instance_id = :root)")
        .bind("removalTime", removalTime)
        .bind("root", rootProcessInstanceId)
        .execute();
  }

  /**
   * PostgreSQL only: when a root instance ends, sets {@code removal_time} on the rows of all these
   * tables of its hierarchy in one statement (data-modifying {@code WITH}): the time to live is
   * looked up and the hierarchy listed once. Changes nothing when the instance is not a root or
   * its definition keeps history forever. Days are 24 hours, as in Java's {@code Duration}.
   */
  public static void setRemovalTimeAtRootEnd(
      Handle handle, java.util.List<InstanceColumn> tables, String rootProcessInstanceId,
      java.time.Instant endTime) {
    StringBuilder sql =
        new StringBuilder("WITH ttl AS (")
            .append(ROOT_TIME_TO_LIVE)
            .append("), hierarchy AS (SELECT h.id FROM tern_hi_process_instance h")
            .append(" WHERE h.root_process_instance_id = :root AND EXISTS (SELECT 1 FROM ttl))")
            .append(", removal AS (SELECT CAST(:endTime AS TIMESTAMP WITH TIME ZONE)")
            .append(" + history_ttl * INTERVAL '24 hours' AS t FROM ttl)");
    for (int i = 0; i < tables.size(); i++) {
      InstanceColumn target = tables.get(i);
      String update =
          "UPDATE " + target.table() + " SET removal_time = (SELECT t FROM removal) WHERE "
              + target.column() + " IN (SELECT id FROM hierarchy)";
      if (i == tables.size() - 1) {
        sql.append(' ').append(update);
      } else {
        sql.append(", u").append(i).append(" AS (").append(update).append(')');
      }
    }
    handle
        .createUpdate(sql.toString())
        .bind("root", rootProcessInstanceId)
        .bind("endTime", endTime)
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

  /**
   * Deletes at most {@code limit} rows of {@code table} whose {@code removal_time} is at or before
   * {@code now}, found through the expired historic instance their {@code instanceColumn} names
   * (its removal time is theirs), so {@code table} needs no index on {@code removal_time}.
   *
   * @return the number deleted
   */
  public static int deleteExpiredWithInstances(
      Handle handle, String table, String instanceColumn, java.time.Instant now, int limit) {
    // ordered by the instance's removal time, the plan walks tern_hipi_removal and stops at the limit
    return handle
        .createUpdate(
            "DELETE FROM " + table + " WHERE id IN (SELECT e.id FROM tern_hi_process_instance h"
                + " JOIN " + table + " e ON e." + instanceColumn + " = h.id"
                + " WHERE h.removal_time <= :now AND e.removal_time <= :now"
                + " ORDER BY h.removal_time FETCH FIRST :limit ROWS ONLY)")
        .bind("now", now)
        .bind("limit", limit)
        .execute();
  }

  private static void delete(Handle handle, String sql, String deploymentId) {
    handle.createUpdate(sql).bind("deploymentId", deploymentId).execute();
  }
}
