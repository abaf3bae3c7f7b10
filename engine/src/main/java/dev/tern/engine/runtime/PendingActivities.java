package dev.tern.engine.runtime;

import dev.tern.engine.persistence.BeforeCommit;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The activity instances a transaction started and has not written yet. Most activities a token
 * passes start and end in the same transaction; held back, each is inserted once with its end
 * instead of inserted and then updated, and all of a transaction's rows go in one JDBC batch.
 * {@link RuntimeHistoryStore} writes them before its own statements on the table and before the
 * transaction commits.
 */
final class PendingActivities {

  /** A held-back row: its start, and its end once it ended. */
  private static final class Row {
    final ActivityStart start;
    Instant endTime;
    boolean canceled;
    String calledProcessInstanceId;

    Row(ActivityStart start) {
      this.start = start;
    }
  }

  private final Map<String, Row> rows = new LinkedHashMap<>();

  /** This transaction's held-back rows, written before it commits. */
  static PendingActivities of(Handle handle) {
    return BeforeCommit.held(handle, PendingActivities.class, PendingActivities::new, p -> p.write(handle));
  }

  void add(ActivityStart start) {
    rows.put(start.id(), new Row(start));
  }

  /** Ends a held-back row; false when the row is not held back (it is in the table). */
  boolean end(String id, Instant endTime, boolean canceled) {
    Row row = rows.get(id);
    if (row == null) {
      return false;
    }
    if (row.endTime == null) {
      row.endTime = endTime;
      row.canceled = canceled;
    }
    return true;
  }

  /** Names the instance a held-back call activity called; false when the row is in the table. */
  boolean called(String id, String calledProcessInstanceId) {
    Row row = rows.get(id);
    if (row == null) {
      return false;
    }
    row.calledProcessInstanceId = calledProcessInstanceId;
    return true;
  }

  /** Inserts every held-back row in one batch. */
  void write(Handle handle) {
    if (rows.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        handle.prepareBatch(
            """
            INSERT INTO tern_hi_activity_instance (id, process_instance_id, parent_act_inst_id,
              execution_id, proc_def_id, proc_def_key, activity_id, activity_name, activity_type,
              start_time, end_time, duration_ms, canceled, tenant_id, called_process_instance_id)
            VALUES (:id, :pi, :parent, :executionId, :defId, :defKey, :activityId, :activityName,
              :activityType, :startTime, :endTime, :duration, :canceled, :tenantId, :called)
            """);
    for (Row row : rows.values()) {
      ActivityStart start = row.start;
      batch
          .bind("id", start.id())
          .bind("pi", start.instance().id())
          .bind("parent", start.parentActivityInstanceId())
          .bind("executionId", start.executionId())
          .bind("defId", start.instance().processDefinitionId())
          .bind("defKey", start.instance().processDefinitionKey())
          .bind("activityId", start.activityId())
          .bind("activityName", start.activityName())
          .bind("activityType", start.activityType())
          .bindByType("startTime", start.startTime(), Instant.class)
          .bindByType("endTime", row.endTime, Instant.class)
          .bindByType(
              "duration",
              row.endTime == null ? null : Duration.between(start.startTime(), row.endTime).toMillis(),
              Long.class)
          .bind("canceled", row.canceled)
          .bind("tenantId", start.instance().tenantId())
          .bind("called", row.calledProcessInstanceId)
          .add();
    }
    rows.clear();
    batch.execute();
  }
}
