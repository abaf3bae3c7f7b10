package dev.tern.engine.persistence;

import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

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
   * The update a historic instance's own row gets when the instance ends, written by its table's
   * owner: {@code sql} is {@code UPDATE <table> SET …} without a {@code WHERE}; {@code binds} binds
   * its values besides {@code :endTime}. It runs on the row whose {@code id} is {@code :root}.
   */
  public record RowEnd(String table, String sql, Consumer<SqlStatement<?>> binds) {

    /** The update of the row alone, plus {@code extraAssignments} (e.g. {@code ", removal_time = …"}). */
    String update(String extraAssignments) {
      return sql + extraAssignments + " WHERE id = :root";
    }
  }

  /**
   * Ends the row {@code end} names (id {@code rootProcessInstanceId}) and sets {@code removalTime}
   * on it and on the rows of these tables whose instance column names an instance of the hierarchy
   * of this root, in one plain {@code UPDATE} per table: the root's own row is updated once.
   */
  public static void endRootWithRemovalTime(
      Handle handle, RowEnd end, java.util.List<InstanceColumn> tables,
      String rootProcessInstanceId, java.time.Instant endTime, java.time.Instant removalTime) {
    var update =
        handle
            .createUpdate(end.update(", removal_time = :removalTime"))
            .bind("root", rootProcessInstanceId)
            .bind("endTime", endTime)
            .bind("removalTime", removalTime);
    end.binds().accept(update);
    update.execute();
    for (InstanceColumn table : tables) {
      handle
          .createUpdate(
              "UPDATE " + table.table() + " SET removal_time = :removalTime WHERE " + table.column()
                  + " IN (SELECT h.id FROM tern_hi_process_instance h"
                  + " WHERE h.root_process_instance_id = :root)" + notTheEndedRow(table, end))
          .bind("removalTime", removalTime)
          .bind("root", rootProcessInstanceId)
          .execute();
    }
  }

  /** Ends the row {@code end} names (id {@code rootProcessInstanceId}), nothing else. */
  public static void end(Handle handle, RowEnd end, String rootProcessInstanceId, java.time.Instant endTime) {
    var update =
        handle.createUpdate(end.update("")).bind("root", rootProcessInstanceId).bind("endTime", endTime);
    end.binds().accept(update);
    update.execute();
  }

  /**
   * PostgreSQL only: ends the row {@code end} names (id {@code rootProcessInstanceId}) and, when
   * it is a root instance whose definition has a time to live, sets {@code removal_time} on it and
   * on the rows of all these tables of its hierarchy, in one statement (data-modifying {@code
   * WITH}): the time to live is looked up and the hierarchy listed once, and the root's own row is
   * updated once (its end and its removal time together). Days are 24 hours, as in Java's {@code
   * Duration}.
   */
  public static void endRootAtRemovalTime(
      Handle handle, RowEnd end, java.util.List<InstanceColumn> tables,
      String rootProcessInstanceId, java.time.Instant endTime) {
    StringBuilder sql =
        new StringBuilder("WITH ttl AS (")
            .append(ROOT_TIME_TO_LIVE)
            .append("), hierarchy AS (SELECT h.id FROM tern_hi_process_instance h")
            .append(" WHERE h.root_process_instance_id = :root AND EXISTS (SELECT 1 FROM ttl))")
            .append(", removal AS (SELECT CAST(:endTime AS TIMESTAMP WITH TIME ZONE)")
            .append(" + history_ttl * INTERVAL '24 hours' AS t FROM ttl)");
    for (int i = 0; i < tables.size(); i++) {
      InstanceColumn target = tables.get(i);
      sql.append(", u").append(i).append(" AS (UPDATE ").append(target.table())
          .append(" SET removal_time = (SELECT t FROM removal) WHERE ").append(target.column())
          .append(" IN (SELECT id FROM hierarchy)").append(notTheEndedRow(target, end)).append(')');
    }
    // a statement's parts see one snapshot: none may update a row another part updates
    sql.append(' ').append(end.update(", removal_time = COALESCE((SELECT t FROM removal), removal_time)"));
    var update =
        handle
            .createUpdate(sql.toString())
            .bind("root", rootProcessInstanceId)
            .bind("endTime", endTime);
    end.binds().accept(update);
    update.execute();
  }

  /** The ended row is updated by its end: excluded from the hierarchy's update of its table. */
  private static String notTheEndedRow(InstanceColumn table, RowEnd end) {
    return table.table().equals(end.table()) ? " AND id <> :root" : "";
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
