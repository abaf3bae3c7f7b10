package dev.tern.engine.runtime;

import dev.tern.engine.history.HistoricIncidentStore;
import dev.tern.engine.job.JobStore;
import dev.tern.engine.persistence.Dialect;
import dev.tern.engine.query.Page;
import dev.tern.engine.query.SqlFragment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for reading, suspending and deleting rows of {@code tern_process_instance} and what hangs off
 * them (executions, jobs, incidents, their history). Every method runs in the caller's transaction.
 */
public final class ProcessInstanceStore {

  private final Dialect dialect;
  private final JobStore jobs;
  private final HistoricIncidentStore incidentHistory;

  public ProcessInstanceStore(
      Dialect dialect, JobStore jobs, HistoricIncidentStore incidentHistory) {
    this.dialect = dialect;
    this.jobs = jobs;
    this.incidentHistory = incidentHistory;
  }

  public Optional<RuntimeProcessInstance> find(Handle handle, String id) {
    return handle
        .createQuery(
            "SELECT "
                + ProcessInstanceQuerySql.COLUMNS
                + " FROM tern_process_instance pi WHERE pi.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /** Locks the instance row for the rest of the transaction; empty if it does not exist. */
  public Optional<RuntimeProcessInstance> lock(Handle handle, String id) {
    return handle
        .createQuery(
            "SELECT "
                + ProcessInstanceQuerySql.COLUMNS
                + " FROM tern_process_instance pi WHERE pi.id = :id FOR UPDATE")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  public List<RuntimeProcessInstance> list(Handle handle, ProcessInstanceQuery query, Page page) {
    SqlFragment select = ProcessInstanceQuerySql.selectSql(query, page, dialect);
    return select.bindTo(handle.createQuery(select.sql())).map((rs, ctx) -> map(rs)).list();
  }

  public long count(Handle handle, ProcessInstanceQuery query) {
    SqlFragment count = ProcessInstanceQuerySql.countSql(query, dialect);
    return count.bindTo(handle.createQuery(count.sql())).mapTo(Long.class).one();
  }

  /**
   * Suspends or activates an instance and all its jobs and records the state in history.
   *
   * @return false if the instance does not exist
   */
  public boolean setSuspended(Handle handle, String id, boolean suspended) {
    int updated =
        handle
            .createUpdate(
                "UPDATE tern_process_instance SET suspended = :s, rev = rev + 1 WHERE id = :id")
            .bind("s", suspended)
            .bind("id", id)
            .execute();
    if (updated == 0) {
      return false;
    }
    handle
        .createUpdate(
            "UPDATE tern_job SET suspended = :s, rev = rev + 1"
                + " WHERE process_instance_id = :id AND suspended <> :s")
        .bind("s", suspended)
        .bind("id", id)
        .execute();
    handle
        .createUpdate(
            "UPDATE tern_hi_process_instance SET state = :state"
                + " WHERE id = :id AND state IN ('ACTIVE', 'SUSPENDED')")
        .bind("state", suspended ? "SUSPENDED" : "ACTIVE")
        .bind("id", id)
        .execute();
    return true;
  }

  /**
   * Deletes a running instance: its jobs (through {@link JobStore}, which logs them as deleted),
   * incidents (history marked deleted), executions and the instance row; history ends as {@code
   * EXTERNALLY_TERMINATED}. Variables are removed by the caller through {@link
   * VariableStore#deleteAll}.
   */
  public void delete(Handle handle, String id, String deleteReason, Instant now) {
    jobs.delete(handle, "j.process_instance_id = :pi", Map.of("pi", id));
    incidentHistory.end(
        handle, "process_instance_id = :pi", Map.of("pi", id), HistoricIncidentStore.DELETED);
    handle.createUpdate("DELETE FROM tern_incident WHERE process_instance_id = :id").bind("id", id).execute();
    handle.createUpdate("DELETE FROM tern_job WHERE process_instance_id = :id").bind("id", id).execute();
    handle.createUpdate("DELETE FROM tern_execution WHERE process_instance_id = :id").bind("id", id).execute();
    handle.createUpdate("DELETE FROM tern_process_instance WHERE id = :id").bind("id", id).execute();
    handle
        .createUpdate(
            "UPDATE tern_hi_activity_instance SET end_time = :now, canceled = TRUE"
                + " WHERE process_instance_id = :id AND end_time IS NULL")
        .bind("now", now)
        .bind("id", id)
        .execute();
    Optional<Instant> start =
        handle
            .createQuery("SELECT start_time FROM tern_hi_process_instance WHERE id = :id")
            .bind("id", id)
            .mapTo(Instant.class)
            .findOne();
    start.ifPresent(
        startTime ->
            handle
                .createUpdate(
                    "UPDATE tern_hi_process_instance SET state = 'EXTERNALLY_TERMINATED',"
                        + " end_time = :now, duration_ms = :duration, delete_reason = :reason"
                        + " WHERE id = :id")
                .bind("now", now)
                .bind("duration", now.toEpochMilli() - startTime.toEpochMilli())
                .bind("reason", deleteReason)
                .bind("id", id)
                .execute());
  }

  private static RuntimeProcessInstance map(ResultSet rs) throws SQLException {
    OffsetDateTime start = rs.getObject("start_time", OffsetDateTime.class);
    return new RuntimeProcessInstance(
        rs.getString("id"),
        rs.getString("proc_def_id"),
        rs.getString("proc_def_key"),
        rs.getString("business_key"),
        rs.getString("tenant_id"),
        rs.getBoolean("suspended"),
        start == null ? null : start.toInstant(),
        rs.getString("start_user_id"),
        rs.getString("super_process_instance_id"),
        rs.getString("root_process_instance_id"));
  }
}
