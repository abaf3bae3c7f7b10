package dev.tern.engine.runtime;

import dev.tern.engine.history.HistoryRetention;
import dev.tern.engine.history.RemovalTimeStrategy;
import dev.tern.engine.persistence.BeforeCommit;
import dev.tern.engine.persistence.Dialect;
import dev.tern.engine.persistence.OwnedRows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * SQL for the history rows the interpreter writes while it runs: {@code tern_hi_process_instance}
 * (ACTIVE until the instance completes) and {@code tern_hi_activity_instance} (one per activity a
 * token passes). Every method runs in the caller's transaction.
 */
final class RuntimeHistoryStore {

  /** SQL for the whole milliseconds from {@code start_time} to {@code :endTime}. */
  private final String elapsedMillisSinceStart;

  /** SQL for {@code :startTime} plus the {@code historyTimeToLive} days of {@code :defId}. */
  private final String startPlusTimeToLive;

  private final HistoryRetention retention;
  private final Dialect dialect;

  /** For removing history only: ending instances needs {@link #RuntimeHistoryStore(Dialect, HistoryRetention)}. */
  public RuntimeHistoryStore(Dialect dialect) {
    this(dialect, null);
  }

  /** @param retention sets removal times when a root instance ends */
  public RuntimeHistoryStore(Dialect dialect, HistoryRetention retention) {
    this.retention = retention;
    this.dialect = dialect;
    this.elapsedMillisSinceStart =
        switch (dialect) {
          case POSTGRES ->
              "CAST(FLOOR(EXTRACT(EPOCH FROM (CAST(:endTime AS TIMESTAMP WITH TIME ZONE)"
                  + " - start_time)) * 1000) AS BIGINT)";
          case H2 -> "DATEDIFF(MILLISECOND, start_time, CAST(:endTime AS TIMESTAMP WITH TIME ZONE))";
        };
    String timeToLive = "(SELECT pd.history_ttl FROM tern_process_definition pd WHERE pd.id = :defId)";
    this.startPlusTimeToLive =
        switch (dialect) {
          case POSTGRES ->
              "CAST(:startTime AS TIMESTAMP WITH TIME ZONE) + " + timeToLive + " * INTERVAL '24 hours'";
          case H2 ->
              "DATEADD(HOUR, 24 * " + timeToLive + ", CAST(:startTime AS TIMESTAMP WITH TIME ZONE))";
        };
  }

  public void instanceStarted(
      Handle handle, RuntimeProcessInstance instance, DeployedProcess process, String startActivityId) {
    boolean atStart = retention != null && retention.strategy() == RemovalTimeStrategy.START;
    boolean root = instance.id().equals(instance.rootProcessInstanceId());
    // strategy "start": a root's removal time is its start plus its definition's time to live,
    // every other row of the hierarchy copies it
    String removal =
        !atStart ? "NULL"
            : root ? startPlusTimeToLive
            : HistoryRetention.removalTimeOf(":rootId");
    handle
        .createUpdate(
            """
            INSERT INTO tern_hi_process_instance (id, business_key, proc_def_id, proc_def_key,
              proc_def_name, proc_def_version, deployment_id, start_time, start_activity_id,
              root_process_instance_id, super_process_instance_id, tenant_id, state, removal_time)
            VALUES (:id, :businessKey, :defId, :defKey, :defName, :defVersion, :deploymentId,
              :startTime, :startActivityId, :rootId, :superId, :tenantId, 'ACTIVE',
            """
                + removal
                + ")")
        .bind("id", instance.id())
        .bind("businessKey", instance.businessKey())
        .bind("defId", process.definitionId())
        .bind("defKey", process.key())
        .bind("defName", process.name())
        .bind("defVersion", process.version())
        .bind("deploymentId", process.deploymentId())
        .bind("startTime", instance.startTime())
        .bind("startActivityId", startActivityId)
        .bind("rootId", instance.rootProcessInstanceId())
        .bind("superId", instance.superProcessInstanceId())
        .bind("tenantId", instance.tenantId())
        .execute();
  }

  public void instanceCompleted(
      Handle handle, String processInstanceId, Instant startTime, Instant endTime, String endActivityId) {
    writePending(handle);
    pending(handle).instanceEnded(processInstanceId);
    end(
        handle,
        "UPDATE tern_hi_process_instance SET state = 'COMPLETED', end_time = :endTime,"
            + " duration_ms = :duration, end_activity_id = :endActivityId",
        update ->
            update
                .bind("duration", Duration.between(startTime, endTime).toMillis())
                .bind("endActivityId", endActivityId),
        processInstanceId,
        endTime);
  }

  /**
   * Ends the instance's historic row with {@code update} ({@code :endTime} and {@code binds}'s
   * values), and under the strategy "end" sets a root's removal time with it.
   */
  private void end(
      Handle handle,
      String update,
      Consumer<SqlStatement<?>> binds,
      String processInstanceId,
      Instant endTime) {
    OwnedRows.RowEnd end = new OwnedRows.RowEnd("tern_hi_process_instance", update, binds);
    if (retention == null) { // a store built for removal only
      OwnedRows.end(handle, end, processInstanceId, endTime);
    } else {
      retention.endInstance(handle, dialect, end, processInstanceId, endTime);
    }
  }

  /**
   * Starts an activity instance. Its row is written when the transaction is about to commit (or
   * before this store's next statement on the table), together with its end if it ended by then.
   */
  void activityStarted(Handle handle, ActivityStart start) {
    PendingActivities pending = pending(handle);
    RuntimeProcessInstance instance = start.instance();
    // Under "end" and "none" a root gets a removal time only when it ends (under "end"), so while
    // it runs its rows need no look-up of it; rows of other instances copy their root's, which
    // may have ended before them.
    boolean removalTimeUnset =
        retention != null
            && retention.strategy() != RemovalTimeStrategy.START
            && instance.id().equals(instance.rootProcessInstanceId())
            && !pending.ended(instance.id());
    pending.add(start, removalTimeUnset);
  }

  /** Ends an activity instance (no-op if already ended); {@code canceled} when interrupted. */
  public void activityEnded(Handle handle, String id, Instant endTime, boolean canceled) {
    if (pending(handle).end(id, endTime, canceled)) {
      return;
    }
    handle
        .createUpdate(
            "UPDATE tern_hi_activity_instance SET end_time = :endTime, duration_ms = "
                + elapsedMillisSinceStart
                + ", canceled = :canceled WHERE id = :id AND end_time IS NULL")
        .bind("id", id)
        .bind("endTime", endTime)
        .bind("canceled", canceled)
        .execute();
  }

  /** A call activity's instance called a process instance. */
  void activityCalled(Handle handle, String id, String calledProcessInstanceId) {
    if (pending(handle).called(id, calledProcessInstanceId)) {
      return;
    }
    handle
        .createUpdate(
            "UPDATE tern_hi_activity_instance SET called_process_instance_id = :called WHERE id = :id")
        .bind("id", id)
        .bind("called", calledProcessInstanceId)
        .execute();
  }

  /** Writes the activity instances this transaction holds back; before any other statement on them. */
  private static void writePending(Handle handle) {
    insertActivities(handle, pending(handle).drain());
  }

  /** This transaction's held-back activity instances, inserted before it commits. */
  private static PendingActivities pending(Handle handle) {
    return BeforeCommit.held(
        handle,
        PendingActivities.class,
        PendingActivities::new,
        pending -> insertActivities(handle, pending.drain()));
  }

  /**
   * Inserts activity instances in one batch, or two when some copy their instance's removal time
   * and others are known to have none yet.
   */
  private static void insertActivities(Handle handle, List<PendingActivities.Held> activities) {
    insertActivities(handle, activities, true);
    insertActivities(handle, activities, false);
  }

  private static void insertActivities(
      Handle handle, List<PendingActivities.Held> activities, boolean removalTimeUnset) {
    List<PendingActivities.Held> rows =
        activities.stream().filter(held -> held.removalTimeUnset() == removalTimeUnset).toList();
    if (rows.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        handle.prepareBatch(
            """
            INSERT INTO tern_hi_activity_instance (id, process_instance_id, parent_act_inst_id,
              execution_id, proc_def_id, proc_def_key, activity_id, activity_name, activity_type,
              start_time, end_time, duration_ms, canceled, tenant_id, called_process_instance_id,
              removal_time)
            VALUES (:id, :pi, :parent, :executionId, :defId, :defKey, :activityId, :activityName,
              :activityType, :startTime, :endTime, :duration, :canceled, :tenantId, :called,
            """
                + (removalTimeUnset ? "NULL" : HistoryRetention.removalTimeOf(":pi"))
                + ")");
    for (PendingActivities.Held held : rows) {
      ActivityStart start = held.start();
      Instant endTime = held.endTime();
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
          .bindByType("endTime", endTime, Instant.class)
          .bindByType(
              "duration",
              endTime == null ? null : Duration.between(start.startTime(), endTime).toMillis(),
              Long.class)
          .bind("canceled", held.canceled())
          .bind("tenantId", start.instance().tenantId())
          .bind("called", held.calledProcessInstanceId())
          .add();
    }
    batch.execute();
  }

  /** Records an instance's suspension or activation while it runs. */
  public void instanceSuspended(Handle handle, String processInstanceId, boolean suspended) {
    handle
        .createUpdate(
            "UPDATE tern_hi_process_instance SET state = :state"
                + " WHERE id = :id AND state IN ('ACTIVE', 'SUSPENDED')")
        .bind("state", suspended ? "SUSPENDED" : "ACTIVE")
        .bind("id", processInstanceId)
        .execute();
  }

  /**
   * Ends the history of a deleted instance: open activity instances are canceled, the instance is
   * {@code EXTERNALLY_TERMINATED} with the reason.
   */
  public void instanceDeleted(
      Handle handle, String processInstanceId, String deleteReason, Instant now) {
    writePending(handle);
    pending(handle).instanceEnded(processInstanceId);
    handle
        .createUpdate(
            "UPDATE tern_hi_activity_instance SET end_time = :now, canceled = TRUE"
                + " WHERE process_instance_id = :id AND end_time IS NULL")
        .bind("now", now)
        .bind("id", processInstanceId)
        .execute();
    handle
        .createQuery("SELECT start_time FROM tern_hi_process_instance WHERE id = :id")
        .bind("id", processInstanceId)
        .mapTo(Instant.class)
        .findOne()
        .ifPresent(
            startTime ->
                end(
                    handle,
                    "UPDATE tern_hi_process_instance SET state = 'EXTERNALLY_TERMINATED',"
                        + " end_time = :endTime, duration_ms = :duration, delete_reason = :reason",
                    update ->
                        update
                            .bind("duration", now.toEpochMilli() - startTime.toEpochMilli())
                            .bind("reason", deleteReason),
                    processInstanceId,
                    now));
  }

  /** Deletes the activity and instance history of these process instances. */
  public void deleteOfProcessInstances(Handle handle, java.util.List<String> processInstanceIds) {
    writePending(handle);
    dev.tern.engine.persistence.OwnedRows.deleteOfProcessInstances(
        handle, "tern_hi_activity_instance", processInstanceIds);
    handle
        .createUpdate("DELETE FROM tern_hi_process_instance WHERE id = ANY(:ids)")
        .bind("ids", processInstanceIds.toArray(String[]::new))
        .execute();
  }

  /** Deletes the activity and instance history of the process definitions of a deployment. */
  public void deleteOfDeployment(Handle handle, String deploymentId) {
    writePending(handle);
    for (String table : new String[] {"tern_hi_activity_instance", "tern_hi_process_instance"}) {
      handle
          .createUpdate(
              "DELETE FROM " + table + " WHERE proc_def_id IN "
                  + ExecutionStore.DEFINITIONS_OF_DEPLOYMENT)
          .bind("deploymentId", deploymentId)
          .execute();
    }
  }
}
