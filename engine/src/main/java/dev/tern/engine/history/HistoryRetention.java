package dev.tern.engine.history;

import dev.tern.engine.persistence.OwnedRows;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * How long history stays: each capability that keeps history of process instances sets the
 * removal time of its rows when a root instance ends, and deletes rows whose removal time has
 * passed (Camunda's removal-time strategy "end" and cleanup strategy "removalTimeBased"). The
 * engine joins the parts with {@link #of}; every method runs in the caller's transaction.
 */
public interface HistoryRetention {

  /** Sets the removal time of every row of the instances of this root instance's hierarchy. */
  void setRemovalTime(Handle handle, String rootProcessInstanceId, Instant removalTime);

  /**
   * Deletes at most {@code limit} rows per table whose removal time is at or before {@code now}.
   *
   * @return the number of rows deleted
   */
  int deleteExpired(Handle handle, Instant now, int limit);

  /** Every part, in order; the counts add up. */
  static HistoryRetention of(HistoryRetention... parts) {
    return new HistoryRetention() {
      @Override
      public void setRemovalTime(Handle handle, String root, Instant removalTime) {
        for (HistoryRetention part : parts) {
          part.setRemovalTime(handle, root, removalTime);
        }
      }

      @Override
      public int deleteExpired(Handle handle, Instant now, int limit) {
        int deleted = 0;
        for (HistoryRetention part : parts) {
          deleted += part.deleteExpired(handle, now, limit);
        }
        return deleted;
      }
    };
  }

  /**
   * Tables with {@code process_instance_id}, {@code id} and {@code removal_time} columns, each
   * named by the store that owns it.
   */
  static HistoryRetention ofInstanceTables(String... tables) {
    HistoryRetention[] parts = new HistoryRetention[tables.length];
    for (int i = 0; i < tables.length; i++) {
      parts[i] = ofTable(tables[i], "process_instance_id");
    }
    return of(parts);
  }

  /**
   * A table with {@code id} and {@code removal_time} columns whose {@code instanceColumn} names a
   * process instance (or, for {@code root_process_instance_id}, its root).
   */
  static HistoryRetention ofTable(String table, String instanceColumn) {
    return new HistoryRetention() {
      @Override
      public void setRemovalTime(Handle handle, String root, Instant removalTime) {
        OwnedRows.setRemovalTimeOfHierarchy(handle, table, instanceColumn, root, removalTime);
      }

      @Override
      public int deleteExpired(Handle handle, Instant now, int limit) {
        return OwnedRows.deleteExpired(handle, table, now, limit);
      }
    };
  }
}
