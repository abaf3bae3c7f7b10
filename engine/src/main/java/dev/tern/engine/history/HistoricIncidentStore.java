package dev.tern.engine.history;

import dev.tern.engine.incident.Incident;
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

/** SQL for {@code tern_hi_incident}. Every method runs in the caller's transaction. */
public final class HistoricIncidentStore {

  public static final int OPEN = 0;
  public static final int RESOLVED = 1;
  public static final int DELETED = 2;

  static final String COLUMNS =
      "id, incident_type, incident_message, create_time, end_time, removal_time, incident_state,"
          + " process_instance_id, execution_id, proc_def_id, proc_def_key, activity_id,"
          + " failed_activity_id, cause_incident_id, root_cause_incident_id, configuration,"
          + " history_configuration, job_definition_id, root_process_instance_id, tenant_id,"
          + " annotation";

  private final Clock clock;

  public HistoricIncidentStore(Clock clock) {
    this.clock = clock;
  }

  /** Records a newly opened incident. */
  public void open(Handle handle, Incident incident) {
    handle
        .createUpdate(
            "INSERT INTO tern_hi_incident (id, incident_type, incident_message, create_time,"
                + " incident_state, process_instance_id, execution_id, proc_def_id, proc_def_key,"
                + " activity_id, failed_activity_id, cause_incident_id, root_cause_incident_id,"
                + " configuration, job_definition_id, root_process_instance_id, tenant_id, annotation)"
                + " VALUES (:id, :incidentType, :incidentMessage, :incidentTimestamp, 0,"
                + " :processInstanceId, :executionId, :processDefinitionId, :processDefinitionKey,"
                + " :activityId, :failedActivityId, :causeIncidentId, :rootCauseIncidentId,"
                + " :configuration, :jobDefinitionId,"
                + " (SELECT p.root_process_instance_id FROM tern_process_instance p"
                + " WHERE p.id = :processInstanceId), :tenantId, :annotation)")
        .bindMethods(incident)
        .execute();
  }

  /** Ends the open incidents a condition over {@code tern_hi_incident} selects. */
  public int end(Handle handle, String whereSql, Map<String, Object> binds, int state) {
    var update =
        handle.createUpdate(
            "UPDATE tern_hi_incident SET incident_state = :endState, end_time = :endTime"
                + " WHERE incident_state = 0 AND "
                + whereSql);
    binds.forEach(update::bind);
    return update.bind("endState", state).bind("endTime", clock.instant()).execute();
  }

  public Optional<HistoricIncident> findById(Handle handle, String id) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM tern_hi_incident WHERE id = :id")
        .bind("id", id)
        .map(HistoricIncidentStore::map)
        .findOne();
  }

  static HistoricIncident map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new HistoricIncident(
        rs.getString("id"),
        rs.getString("incident_type"),
        rs.getString("incident_message"),
        instant(rs, "create_time"),
        instant(rs, "end_time"),
        instant(rs, "removal_time"),
        rs.getInt("incident_state"),
        rs.getString("process_instance_id"),
        rs.getString("execution_id"),
        rs.getString("proc_def_id"),
        rs.getString("proc_def_key"),
        rs.getString("activity_id"),
        rs.getString("failed_activity_id"),
        rs.getString("cause_incident_id"),
        rs.getString("root_cause_incident_id"),
        rs.getString("configuration"),
        rs.getString("history_configuration"),
        rs.getString("job_definition_id"),
        rs.getString("root_process_instance_id"),
        rs.getString("tenant_id"),
        rs.getString("annotation"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
