package dev.tern.engine.batch;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Sets the retries of a bounded chunk of jobs with a constant number of set-based statements, with
 * Camunda's incident rules: a job going from 0 to more retries gets its {@code failedJob} incident
 * resolved (runtime row removed, historic row resolved); a job going from more than 0 to 0 gets a
 * new {@code failedJob} incident. Ids of jobs that no longer exist simply match nothing.
 *
 * <p>Every statement selects rows by primary key or an indexed column through one array parameter
 * ({@code = ANY(:ids)}). Deeper sub-selects were planned badly by PostgreSQL right after the rows
 * were written, before statistics existed (minutes for 1,000 jobs); key lookups are fast whatever
 * the statistics say. The chunk size bounds the ids held in memory.
 *
 * <p>Incidents written here get the id {@code <job id>-<job revision>}: unique, because each
 * revision of a job reaches 0 retries at most once, and computable inside one INSERT … SELECT on
 * every database without a UUID function.
 */
final class JobRetriesWriter {

  private static final String FAILED_JOB_INCIDENTS =
      """
      SELECT i.id FROM tern_incident i JOIN tern_job j ON j.id = i.configuration
      WHERE i.configuration = ANY(:ids) AND i.incident_type = 'failedJob' AND j.retries = 0
      """;

  private static final String CREATE_INCIDENTS =
      """
      INSERT INTO tern_incident (id, rev, incident_type, incident_message, incident_timestamp,
        process_instance_id, execution_id, proc_def_id, proc_def_key, activity_id,
        failed_activity_id, root_cause_incident_id, configuration, job_definition_id, tenant_id)
      SELECT j.id || '-' || CAST(j.rev AS VARCHAR(12)), 1, 'failedJob', j.exception_message, :now,
        j.process_instance_id, j.execution_id, j.proc_def_id, j.proc_def_key, j.activity_id,
        j.failed_activity_id, j.id || '-' || CAST(j.rev AS VARCHAR(12)), j.id, j.job_definition_id,
        j.tenant_id
      FROM tern_job j WHERE j.id = ANY(:ids) AND j.retries > 0
      """;

  private static final String CREATE_HISTORIC_INCIDENTS =
      """
      INSERT INTO tern_hi_incident (id, incident_type, incident_message, create_time,
        incident_state, process_instance_id, execution_id, proc_def_id, proc_def_key, activity_id,
        failed_activity_id, root_cause_incident_id, configuration, job_definition_id,
        root_process_instance_id, tenant_id)
      SELECT i.id, i.incident_type, i.incident_message, i.incident_timestamp, 0,
        i.process_instance_id, i.execution_id, i.proc_def_id, i.proc_def_key, i.activity_id,
        i.failed_activity_id, i.root_cause_incident_id, i.configuration, i.job_definition_id,
        p.root_process_instance_id, i.tenant_id
      FROM tern_incident i LEFT JOIN tern_process_instance p ON p.id = i.process_instance_id
      WHERE i.configuration = ANY(:ids) AND i.incident_type = 'failedJob'
        AND i.incident_timestamp = :now
        AND NOT EXISTS (SELECT 1 FROM tern_hi_incident h WHERE h.id = i.id)
      """;

  // A failed job may still carry the lock of the attempt that failed it; clear it with the retries.
  private static final String UPDATE_JOBS =
      """
      UPDATE tern_job SET retries = :retries, rev = rev + 1, %s
        lock_owner = CASE WHEN retries = 0 THEN NULL ELSE lock_owner END,
        lock_expiration_time = CASE WHEN retries = 0 THEN NULL ELSE lock_expiration_time END
      WHERE id = ANY(:ids)
      """;

  /**
   * Applies {@code retries} to the jobs with these ids.
   *
   * @param jobIds a bounded chunk of job ids (the batch's {@code invocationsPerBatchJob} at most)
   * @return the number of jobs updated
   */
  int apply(Handle handle, List<String> jobIds, JobRetries retries, Instant now) {
    if (jobIds.isEmpty()) {
      return 0;
    }
    String[] ids = jobIds.toArray(String[]::new);
    if (retries.retries() > 0) {
      resolveIncidents(handle, ids, now);
    } else {
      for (String sql : List.of(CREATE_INCIDENTS, CREATE_HISTORIC_INCIDENTS)) {
        handle.createUpdate(sql).bind("ids", ids).bind("now", now).execute();
      }
    }
    String dueDate = retries.dueDateSet() ? "due_date = :dueDate," : "";
    var update =
        handle
            .createUpdate(UPDATE_JOBS.formatted(dueDate))
            .bind("ids", ids)
            .bind("retries", retries.retries());
    if (retries.dueDateSet()) {
      update.bindByType("dueDate", retries.dueDate(), Instant.class);
    }
    return update.execute();
  }

  private static void resolveIncidents(Handle handle, String[] jobIds, Instant now) {
    String[] incidentIds =
        handle
            .createQuery(FAILED_JOB_INCIDENTS)
            .bind("ids", jobIds)
            .mapTo(String.class)
            .list()
            .toArray(String[]::new);
    if (incidentIds.length == 0) {
      return;
    }
    handle
        .createUpdate(
            "UPDATE tern_hi_incident SET incident_state = 1, end_time = :now"
                + " WHERE id = ANY(:ids) AND incident_state = 0")
        .bind("ids", incidentIds)
        .bind("now", now)
        .execute();
    handle
        .createUpdate("DELETE FROM tern_incident WHERE id = ANY(:ids)")
        .bind("ids", incidentIds)
        .execute();
  }
}
