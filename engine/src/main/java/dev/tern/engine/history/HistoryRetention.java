package dev.tern.engine.history;

import dev.tern.engine.persistence.Dialect;
import dev.tern.engine.persistence.OwnedRows;
import dev.tern.engine.persistence.Rows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * How long history stays: each capability that keeps history of process instances names its
 * tables here; their rows get a removal time when a root instance ends (Camunda's removal-time
 * strategy "end", the default; see {@link RemovalTimeStrategy} for "start" and "none"), and rows
 * whose removal time has passed are deleted (cleanup strategy "removalTimeBased"). The engine
 * joins the parts with {@link #of}; every method runs in the caller's transaction.
 *
 * <p>Cleanup finds the expired rows of most tables through the historic row of their process
 * instance, whose removal time is the same and stays indexed, so those tables need no index on
 * {@code removal_time}: setting it when the root instance ends then rewrites no index entry (on
 * PostgreSQL a HOT update). Rows of the tables declared with {@link #ofOutlivingTable} can outlive
 * their instance's historic row (a deployment deleted with cascade leaves task history, deleting
 * an instance's history keeps its operation log), so cleanup finds those by their own indexed
 * removal time.
 */
public final class HistoryRetention {

  /** The historic process instances: cleanup deletes an expired one after its rows elsewhere. */
  private static final String INSTANCES = "tern_hi_process_instance";

  /**
   * A history table whose {@code instanceColumn} names a process instance (or its root);
   * {@code outliving}: its rows may outlive their instance's historic row.
   */
  private record RetainedTable(String table, String instanceColumn, boolean outliving) {}

  private final List<RetainedTable> tables;
  private final RemovalTimeStrategy strategy;

  private HistoryRetention(List<RetainedTable> tables, RemovalTimeStrategy strategy) {
    this.tables = List.copyOf(tables);
    this.strategy = strategy;
  }

  private HistoryRetention(List<RetainedTable> tables) {
    this(tables, RemovalTimeStrategy.END);
  }

  /** Every part's tables, in order, under the default strategy ({@code end}). */
  public static HistoryRetention of(HistoryRetention... parts) {
    List<RetainedTable> tables = new ArrayList<>();
    for (HistoryRetention part : parts) {
      tables.addAll(part.tables);
    }
    return new HistoryRetention(tables);
  }

  /** The same tables under another removal-time strategy. */
  public HistoryRetention withStrategy(RemovalTimeStrategy strategy) {
    return new HistoryRetention(tables, java.util.Objects.requireNonNull(strategy));
  }

  public RemovalTimeStrategy strategy() {
    return strategy;
  }

  /**
   * SQL for the removal time a history row of a process instance is written with: that of the
   * instance's historic row, which has one from its start under the strategy {@code start} and
   * once its root ended under {@code end} (a row written after the end takes it too, so cleanup
   * finds it with the rest).
   *
   * @param instanceIdSql SQL naming the process instance (a bind or a column)
   */
  public static String removalTimeOf(String instanceIdSql) {
    return "(SELECT rt.removal_time FROM tern_hi_process_instance rt WHERE rt.id = "
        + instanceIdSql
        + ")";
  }

  /** The removal time {@link #removalTimeOf} gives a new row of this instance (null without one). */
  public static Instant removalTimeOf(Handle handle, String processInstanceId) {
    if (processInstanceId == null) {
      return null;
    }
    return removalTimesOf(handle, List.of(processInstanceId)).get(processInstanceId);
  }

  /** {@link #removalTimeOf(Handle, String)} of several instances in one query: those that have one. */
  static Map<String, Instant> removalTimesOf(Handle handle, Collection<String> processInstanceIds) {
    Map<String, Instant> removalTimes = new HashMap<>();
    if (processInstanceIds.isEmpty()) {
      return removalTimes;
    }
    // one instance (the usual case) by its key, as JobLogStore.log: no generic plan of "= ANY"
    boolean one = processInstanceIds.size() == 1;
    Query query =
        handle.createQuery(
            "SELECT id, removal_time FROM tern_hi_process_instance WHERE "
                + (one ? "id = :id" : "id = ANY(:ids)")
                + " AND removal_time IS NOT NULL");
    if (one) {
      query.bind("id", processInstanceIds.iterator().next());
    } else {
      query.bind("ids", processInstanceIds.toArray(String[]::new));
    }
    query
        .map((rs, ctx) -> Map.entry(rs.getString("id"), Rows.instant(rs, "removal_time")))
        .forEach(e -> removalTimes.put(e.getKey(), e.getValue()));
    return removalTimes;
  }

  /**
   * Tables with {@code process_instance_id}, {@code id} and {@code removal_time} columns whose rows
   * are deleted with (never after) the historic row of their instance; they need no index on
   * {@code removal_time}.
   */
  public static HistoryRetention ofInstanceTables(String... tables) {
    List<RetainedTable> retained = new ArrayList<>();
    for (String table : tables) {
      retained.add(new RetainedTable(table, "process_instance_id", false));
    }
    return new HistoryRetention(retained);
  }

  /** The historic process instances themselves ({@code tern_hi_process_instance}). */
  public static HistoryRetention ofInstances() {
    return new HistoryRetention(List.of(new RetainedTable(INSTANCES, "id", false)));
  }

  /**
   * A table with {@code id} and an indexed {@code removal_time} column whose {@code
   * instanceColumn} names a process instance (or, for {@code root_process_instance_id}, its root),
   * and whose rows may outlive that instance's historic row.
   */
  public static HistoryRetention ofOutlivingTable(String table, String instanceColumn) {
    return new HistoryRetention(List.of(new RetainedTable(table, instanceColumn, true)));
  }

  /**
   * Ends a historic instance through {@code end}, its row's update by the table's writer. Under the
   * removal-time strategy "end", when the instance is a root whose definition has a {@code
   * historyTimeToLive}, every history row of its hierarchy may be removed that many days later
   * (never without one): the root's row gets its removal time in the same update as its end, the
   * other rows with it; on PostgreSQL all of that is one statement (one round trip at the end of
   * every instance). Otherwise only the row is ended.
   */
  public void endInstance(
      Handle handle, Dialect dialect, OwnedRows.RowEnd end, String processInstanceId, Instant endTime) {
    if (strategy != RemovalTimeStrategy.END) {
      OwnedRows.end(handle, end, processInstanceId, endTime);
      return;
    }
    List<OwnedRows.InstanceColumn> columns =
        tables.stream().map(t -> new OwnedRows.InstanceColumn(t.table(), t.instanceColumn())).toList();
    if (dialect == Dialect.POSTGRES) {
      OwnedRows.endRootAtRemovalTime(handle, end, columns, processInstanceId, endTime);
      return;
    }
    Optional<Integer> days = OwnedRows.rootTimeToLive(handle, processInstanceId);
    if (days.isEmpty()) {
      OwnedRows.end(handle, end, processInstanceId, endTime);
      return;
    }
    OwnedRows.endRootWithRemovalTime(
        handle, end, columns, processInstanceId, endTime, endTime.plus(Duration.ofDays(days.get())));
  }

  /**
   * Deletes at most {@code limit} rows per table whose removal time is at or before {@code now}.
   * The historic instances go last, and only once no other table has expired rows of theirs left
   * (none reached the limit in this call), so every row stays reachable through its instance.
   *
   * @return the number of rows deleted
   */
  public int deleteExpired(Handle handle, Instant now, int limit) {
    int deleted = 0;
    boolean rowsLeft = false;
    for (RetainedTable table : tables) {
      if (table.table().equals(INSTANCES)) {
        continue;
      }
      int rows =
          table.outliving()
              ? OwnedRows.deleteExpired(handle, table.table(), now, limit)
              : OwnedRows.deleteExpiredWithInstances(
                  handle, table.table(), table.instanceColumn(), now, limit);
      rowsLeft |= !table.outliving() && rows >= limit;
      deleted += rows;
    }
    if (!rowsLeft && tables.stream().anyMatch(t -> t.table().equals(INSTANCES))) {
      deleted += OwnedRows.deleteExpired(handle, INSTANCES, now, limit);
    }
    return deleted;
  }
}
