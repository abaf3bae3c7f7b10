package dev.tern.engine.runtime;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The activity instances a transaction started and has not written yet. Most activities a token
 * passes start and end in the same transaction; held back, each is inserted once with its end
 * instead of inserted and then updated, and all of a transaction's rows go in one JDBC batch.
 * {@link RuntimeHistoryStore}, the table's writer, holds one per transaction and inserts its rows
 * before its own statements on the table and before the transaction commits.
 */
final class PendingActivities {

  /**
   * A held-back row: its start, and its end and called instance once it has them; {@code
   * removalTimeUnset}: its instance's historic row has no removal time to copy (see {@link
   * RuntimeHistoryStore#activityStarted}).
   */
  record Held(
      ActivityStart start,
      Instant endTime,
      boolean canceled,
      String calledProcessInstanceId,
      boolean removalTimeUnset) {}

  private final Map<String, Held> rows = new LinkedHashMap<>();
  private final Set<String> endedInstances = new HashSet<>();

  void add(ActivityStart start, boolean removalTimeUnset) {
    rows.put(start.id(), new Held(start, null, false, null, removalTimeUnset));
  }

  /** The instance ended in this transaction. */
  void instanceEnded(String processInstanceId) {
    endedInstances.add(processInstanceId);
  }

  /** Whether the instance ended in this transaction. */
  boolean ended(String processInstanceId) {
    return endedInstances.contains(processInstanceId);
  }

  /** Ends a held-back row; false when the row is not held back (it is in the table). */
  boolean end(String id, Instant endTime, boolean canceled) {
    Held row = rows.get(id);
    if (row == null) {
      return false;
    }
    if (row.endTime() == null) {
      rows.put(
          id,
          new Held(
              row.start(), endTime, canceled, row.calledProcessInstanceId(), row.removalTimeUnset()));
    }
    return true;
  }

  /** Names the instance a held-back call activity called; false when the row is in the table. */
  boolean called(String id, String calledProcessInstanceId) {
    Held row = rows.get(id);
    if (row == null) {
      return false;
    }
    rows.put(
        id,
        new Held(
            row.start(), row.endTime(), row.canceled(), calledProcessInstanceId, row.removalTimeUnset()));
    return true;
  }

  /** The held-back rows, in the order they started; then holds none. */
  List<Held> drain() {
    List<Held> drained = List.copyOf(rows.values());
    rows.clear();
    return drained;
  }
}
