package dev.tern.engine.history;

import dev.tern.engine.persistence.Dialect;
import dev.tern.engine.persistence.OwnedRows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * How long history stays: each capability that keeps history of process instances names its
 * tables here; their rows get a removal time when a root instance ends, and rows whose removal
 * time has passed are deleted (Camunda's removal-time strategy "end" and cleanup strategy
 * "removalTimeBased"). The engine joins the parts with {@link #of}; every method runs in the
 * caller's transaction.
 */
public final class HistoryRetention {

  /** A history table whose {@code instanceColumn} names a process instance (or its root). */
  private record RetainedTable(String table, String instanceColumn) {}

  private final List<RetainedTable> tables;

  private HistoryRetention(List<RetainedTable> tables) {
    this.tables = List.copyOf(tables);
  }

  /** Every part's tables, in order. */
  public static HistoryRetention of(HistoryRetention... parts) {
    List<RetainedTable> tables = new ArrayList<>();
    for (HistoryRetention part : parts) {
      tables.addAll(part.tables);
    }
    return new HistoryRetention(tables);
  }

  /** Tables with {@code process_instance_id}, {@code id} and {@code removal_time} columns. */
  public static HistoryRetention ofInstanceTables(String... tables) {
    List<RetainedTable> retained = new ArrayList<>();
    for (String table : tables) {
      retained.add(new RetainedTable(table, "process_instance_id"));
    }
    return new HistoryRetention(retained);
  }

  /**
   * A table with {@code id} and {@code removal_time} columns whose {@code instanceColumn} names a
   * process instance (or, for {@code root_process_instance_id}, its root).
   */
  public static HistoryRetention ofTable(String table, String instanceColumn) {
    return new HistoryRetention(List.of(new RetainedTable(table, instanceColumn)));
  }

  /**
   * Camunda's removal-time strategy "end": when a root instance ends, every history row of its
   * hierarchy may be removed its definition's {@code historyTimeToLive} days later (never without
   * one). Does nothing for an instance that is not a root. On PostgreSQL this is one statement (one
   * round trip at the end of every instance).
   */
  public void setRemovalTimeAtEnd(
      Handle handle, Dialect dialect, String processInstanceId, Instant endTime) {
    List<OwnedRows.InstanceColumn> columns =
        tables.stream().map(t -> new OwnedRows.InstanceColumn(t.table(), t.instanceColumn())).toList();
    if (dialect == Dialect.POSTGRES) {
      OwnedRows.setRemovalTimeAtRootEnd(handle, columns, processInstanceId, endTime);
      return;
    }
    OwnedRows.rootTimeToLive(handle, processInstanceId)
        .map(days -> endTime.plus(Duration.ofDays(days)))
        .ifPresent(
            removalTime ->
                columns.forEach(
                    column ->
                        OwnedRows.setRemovalTimeOfHierarchy(
                            handle, column, processInstanceId, removalTime)));
  }

  /**
   * Deletes at most {@code limit} rows per table whose removal time is at or before {@code now}.
   *
   * @return the number of rows deleted
   */
  public int deleteExpired(Handle handle, Instant now, int limit) {
    int deleted = 0;
    for (RetainedTable table : tables) {
      deleted += OwnedRows.deleteExpired(handle, table.table(), now, limit);
    }
    return deleted;
  }
}
