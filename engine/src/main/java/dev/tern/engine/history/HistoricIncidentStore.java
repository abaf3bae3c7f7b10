package dev.tern.engine.history;

import dev.tern.engine.persistence.OwnedRows;
import dev.tern.engine.persistence.RecordMapper;
import dev.tern.engine.persistence.Rows;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for {@code tern_hi_incident}. Every method runs in the caller's transaction. */
final class HistoricIncidentStore implements IncidentHistory {

  static final String COLUMNS =
      "id, incident_type, incident_message, create_time, end_time, removal_time, incident_state,"
          + " process_instance_id, execution_id, proc_def_id, proc_def_key, activity_id,"
          + " failed_activity_id, cause_incident_id, root_cause_incident_id, configuration,"
          + " history_configuration, job_definition_id, root_process_instance_id, tenant_id,"
          + " annotation";

  static final RowMapper<HistoricIncident> MAPPER = RecordMapper.of(HistoricIncident.class, COLUMNS);

  /**
   * Copies opened incidents into history. As in Camunda, a failed job's incident keeps the id of
   * the job's last failure entry of the job log as its history configuration.
   */
  private static final String COPY_OPENED =
      """
      INSERT INTO tern_hi_incident (id, incident_type, incident_message, create_time,
        incident_state, process_instance_id, execution_id, proc_def_id, proc_def_key,
        activity_id, failed_activity_id, cause_incident_id, root_cause_incident_id,
        configuration, history_configuration, job_definition_id, root_process_instance_id,
        tenant_id, annotation, removal_time)
      SELECT i.id, i.incident_type, i.incident_message, i.incident_timestamp, 0,
        i.process_instance_id, i.execution_id, i.proc_def_id, i.proc_def_key, i.activity_id,
        i.failed_activity_id, i.cause_incident_id, i.root_cause_incident_id, i.configuration,
        (SELECT l.id FROM tern_hi_job_log l
         WHERE i.incident_type = 'failedJob' AND l.job_id = i.configuration AND l.job_state = 1
         ORDER BY l.sequence_counter DESC, l.log_time DESC FETCH FIRST 1 ROWS ONLY),
        i.job_definition_id, p.root_process_instance_id, i.tenant_id, i.annotation,
        """
          + HistoryRetention.removalTimeOf("i.process_instance_id")
          + """

      FROM tern_incident i LEFT JOIN tern_process_instance p ON p.id = i.process_instance_id
      WHERE\s""";

  @Override
  public int recordOpenedByConfiguration(Handle handle, String type, String[] configurations) {
    return handle
        .createUpdate(
            COPY_OPENED
                + "i.configuration = ANY(:ids) AND i.incident_type = :type"
                + " AND NOT EXISTS (SELECT 1 FROM tern_hi_incident h WHERE h.id = i.id)")
        .bind("ids", configurations)
        .bind("type", type)
        .execute();
  }

  @Override
  public int recordOpened(Handle handle, String[] incidentIds) {
    return handle.createUpdate(COPY_OPENED + "i.id = ANY(:ids)").bind("ids", incidentIds).execute();
  }

  @Override
  public int end(Handle handle, String[] incidentIds, int state, Instant endTime) {
    return handle
        .createUpdate(
            "UPDATE tern_hi_incident SET incident_state = :endState, end_time = :endTime"
                + " WHERE id = ANY(:ids) AND incident_state = 0")
        .bind("ids", incidentIds)
        .bind("endState", state)
        .bind("endTime", endTime)
        .execute();
  }

  /** Deletes the historic incidents of the process definitions of a deployment. */
  static void deleteOfDeployment(Handle handle, String deploymentId) {
    OwnedRows.deleteOfDefinitions(handle, "tern_hi_incident", deploymentId);
  }

  /** Deletes the historic incidents of these job definitions (a batch's history). */
  static void deleteOfJobDefinitions(Handle handle, String... jobDefinitionIds) {
    OwnedRows.deleteOfJobDefinitions(handle, "tern_hi_incident", jobDefinitionIds);
  }

  Optional<HistoricIncident> findById(Handle handle, String id) {
    return Rows.findById(handle, "tern_hi_incident", COLUMNS, HistoricIncidentStore.MAPPER, id);
  }

  /** Deletes the rows of these process instances (their history is deleted). */
  static void deleteOfProcessInstances(Handle handle, java.util.List<String> processInstanceIds) {
    OwnedRows.deleteOfProcessInstances(handle, "tern_hi_incident", processInstanceIds);
  }
}
