package dev.tern.engine.incident;

import dev.tern.engine.history.HistoricIncidentStore;
import dev.tern.engine.job.Job;
import dev.tern.engine.query.SqlFragment;
import dev.tern.engine.persistence.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL for {@code tern_incident}; keeps the historic incident ({@code tern_hi_incident}) in step.
 * Every method runs in the caller's transaction.
 */
public final class IncidentStore {

  static final String COLUMNS =
      "id, incident_type, incident_message, incident_timestamp, process_instance_id, execution_id,"
          + " proc_def_id, proc_def_key, activity_id, failed_activity_id, cause_incident_id,"
          + " root_cause_incident_id, configuration, job_definition_id, tenant_id, annotation";

  private final Clock clock;
  private final Ids ids;
  private final HistoricIncidentStore history;

  public IncidentStore(Clock clock, Ids ids, HistoricIncidentStore history) {
    this.clock = clock;
    this.ids = ids;
    this.history = history;
  }

  /** Opens a {@code failedJob} incident for a job whose retries ran out. */
  public Incident createFailedJobIncident(Handle handle, Job job, String message) {
    String id = ids.next();
    Incident incident =
        new Incident(
            id,
            Incident.FAILED_JOB,
            message,
            clock.instant(),
            job.processInstanceId(),
            job.executionId(),
            job.processDefinitionId(),
            job.processDefinitionKey(),
            job.activityId(),
            job.failedActivityId() != null ? job.failedActivityId() : job.activityId(),
            id,
            id,
            job.id(),
            job.jobDefinitionId(),
            job.tenantId(),
            null);
    insert(handle, incident);
    return incident;
  }

  private void insert(Handle handle, Incident incident) {
    handle
        .createUpdate(
            "INSERT INTO tern_incident ("
                + COLUMNS
                + ") VALUES (:id, :incidentType, :incidentMessage, :incidentTimestamp,"
                + " :processInstanceId, :executionId, :processDefinitionId, :processDefinitionKey,"
                + " :activityId, :failedActivityId, :causeIncidentId, :rootCauseIncidentId,"
                + " :configuration, :jobDefinitionId, :tenantId, :annotation)")
        .bindMethods(incident)
        .execute();
    history.open(handle, incident);
  }

  /**
   * Opens a {@code failedExternalTask} incident for an external task whose retries ran out; its
   * configuration is the external task id.
   */
  public Incident createFailedExternalTaskIncident(
      Handle handle, String externalTaskId, IncidentScope scope, String message) {
    String id = ids.next();
    Incident incident =
        new Incident(
            id,
            Incident.FAILED_EXTERNAL_TASK,
            message,
            clock.instant(),
            scope.processInstanceId(),
            scope.executionId(),
            scope.processDefinitionId(),
            scope.processDefinitionKey(),
            scope.activityId(),
            scope.activityId(),
            id,
            id,
            externalTaskId,
            null,
            scope.tenantId(),
            null);
    insert(handle, incident);
    return incident;
  }

  /** Resolves (or, {@code deleted}, marks deleted) the failedExternalTask incident of a task. */
  public int endFailedExternalTaskIncident(Handle handle, String externalTaskId, boolean deleted) {
    return end(
        handle,
        Incident.FAILED_EXTERNAL_TASK,
        new SqlFragment("configuration = :incidentTaskId", Map.of("incidentTaskId", externalTaskId)),
        deleted ? HistoricIncidentStore.DELETED : HistoricIncidentStore.RESOLVED);
  }

  public boolean hasFailedJobIncident(Handle handle, String jobId) {
    return handle
            .createQuery(
                "SELECT COUNT(*) FROM tern_incident WHERE incident_type = 'failedJob'"
                    + " AND configuration = :jobId")
            .bind("jobId", jobId)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /** Resolves the failedJob incident of one job (it succeeded, or got retries back). */
  public int resolveFailedJobIncident(Handle handle, String jobId) {
    return end(
        handle,
        new SqlFragment("configuration = :incidentJobId", Map.of("incidentJobId", jobId)),
        HistoricIncidentStore.RESOLVED);
  }

  /** Marks the failedJob incident of one job deleted (the job was deleted). */
  public int deleteFailedJobIncident(Handle handle, String jobId) {
    return end(
        handle,
        new SqlFragment("configuration = :incidentJobId", Map.of("incidentJobId", jobId)),
        HistoricIncidentStore.DELETED);
  }

  /**
   * Resolves the failedJob incidents of every job a sub-select names, set-based (for bulk retries).
   *
   * @param jobIds a {@code SELECT} of job ids, e.g. {@code JobQuery.idsSql()}
   */
  public int resolveFailedJobIncidents(Handle handle, SqlFragment jobIds) {
    return end(
        handle,
        new SqlFragment("configuration IN (" + jobIds.sql() + ")", jobIds.binds()),
        HistoricIncidentStore.RESOLVED);
  }

  private int end(Handle handle, SqlFragment configuration, int state) {
    return end(handle, Incident.FAILED_JOB, configuration, state);
  }

  private int end(Handle handle, String type, SqlFragment configuration, int state) {
    String where = "incident_type = '" + type + "' AND " + configuration.sql();
    history.end(handle, "id IN (SELECT id FROM tern_incident WHERE " + where + ")", configuration.binds(), state);
    var delete = handle.createUpdate("DELETE FROM tern_incident WHERE " + where);
    configuration.binds().forEach(delete::bind);
    return delete.execute();
  }

  public Optional<Incident> findById(Handle handle, String id) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM tern_incident WHERE id = :id")
        .bind("id", id)
        .map(IncidentStore::map)
        .findOne();
  }

  static Incident map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Incident(
        rs.getString("id"),
        rs.getString("incident_type"),
        rs.getString("incident_message"),
        instant(rs, "incident_timestamp"),
        rs.getString("process_instance_id"),
        rs.getString("execution_id"),
        rs.getString("proc_def_id"),
        rs.getString("proc_def_key"),
        rs.getString("activity_id"),
        rs.getString("failed_activity_id"),
        rs.getString("cause_incident_id"),
        rs.getString("root_cause_incident_id"),
        rs.getString("configuration"),
        rs.getString("job_definition_id"),
        rs.getString("tenant_id"),
        rs.getString("annotation"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
