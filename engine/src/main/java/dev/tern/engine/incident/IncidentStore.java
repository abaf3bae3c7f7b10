package dev.tern.engine.incident;

import static dev.tern.engine.persistence.Rows.instant;

import dev.tern.engine.history.IncidentHistory;
import dev.tern.engine.persistence.Ids;
import dev.tern.engine.persistence.OwnedRows;
import dev.tern.engine.persistence.RecordMapper;
import dev.tern.engine.persistence.Rows;
import dev.tern.engine.query.OrderBy;
import dev.tern.engine.query.Page;
import dev.tern.engine.query.SqlFragment;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for {@code tern_incident}, the one place incidents are opened and ended; keeps the historic
 * incident ({@code tern_hi_incident}, written by {@link IncidentHistory}) in step. Every
 * method runs in the caller's transaction and is set-based over a bounded set of ids.
 */
public final class IncidentStore {

  static final String COLUMNS =
      "id, incident_type, incident_message, incident_timestamp, process_instance_id, execution_id,"
          + " proc_def_id, proc_def_key, activity_id, failed_activity_id, cause_incident_id,"
          + " root_cause_incident_id, configuration, job_definition_id, tenant_id, annotation";

  static final RowMapper<Incident> MAPPER = RecordMapper.of(Incident.class, COLUMNS);

  /**
   * Camunda's rule for a failedJob incident, applied to every job of the set that has no retries
   * left and no open failedJob incident: activity, failed activity, message, execution, definition,
   * job definition and tenant come from the job row as it is now; {@code configuration} is the job
   * id; cause and root cause are the incident itself. The id is {@code <job id>-<job revision>}:
   * unique, because each revision of a job reaches 0 retries at most once, and computable inside
   * one INSERT … SELECT on every database.
   */
  private static final String OPEN_FAILED_JOB_INCIDENTS =
      """
      INSERT INTO tern_incident (id, rev, incident_type, incident_message, incident_timestamp,
        process_instance_id, execution_id, proc_def_id, proc_def_key, activity_id,
        failed_activity_id, cause_incident_id, root_cause_incident_id, configuration,
        job_definition_id, tenant_id)
      SELECT j.id || '-' || CAST(j.rev AS VARCHAR(12)), 1, 'failedJob', j.exception_message, :now,
        j.process_instance_id, j.execution_id, j.proc_def_id, j.proc_def_key, j.activity_id,
        j.failed_activity_id, j.id || '-' || CAST(j.rev AS VARCHAR(12)),
        j.id || '-' || CAST(j.rev AS VARCHAR(12)), j.id, j.job_definition_id, j.tenant_id
      FROM tern_job j WHERE j.id = ANY(:ids) AND j.retries = 0
        AND NOT EXISTS (SELECT 1 FROM tern_incident o WHERE o.configuration = j.id
          AND o.incident_type = 'failedJob')
      """;

  /**
   * The same rule for a failedExternalTask incident: every given external task without retries and
   * without an open incident gets one, with the task's error message, activity, execution,
   * definition and tenant; {@code configuration} is the task id; the id is {@code <task
   * id>-<task revision>}.
   */
  private static final String OPEN_FAILED_EXTERNAL_TASK_INCIDENTS =
      """
      INSERT INTO tern_incident (id, rev, incident_type, incident_message, incident_timestamp,
        process_instance_id, execution_id, proc_def_id, proc_def_key, activity_id,
        failed_activity_id, cause_incident_id, root_cause_incident_id, configuration,
        job_definition_id, tenant_id)
      SELECT t.id || '-' || CAST(t.rev AS VARCHAR(12)), 1, 'failedExternalTask', t.error_message,
        :now, t.process_instance_id, t.execution_id, t.proc_def_id, t.proc_def_key, t.activity_id,
        t.activity_id, t.id || '-' || CAST(t.rev AS VARCHAR(12)),
        t.id || '-' || CAST(t.rev AS VARCHAR(12)), t.id, NULL, t.tenant_id
      FROM tern_external_task t WHERE t.id = ANY(:ids) AND t.retries = 0
        AND NOT EXISTS (SELECT 1 FROM tern_incident o WHERE o.configuration = t.id
          AND o.incident_type = 'failedExternalTask')
      """;

  private final Clock clock;
  private final Ids ids;
  private final IncidentHistory history;

  public IncidentStore(Clock clock, Ids ids, IncidentHistory history) {
    this.clock = clock;
    this.ids = ids;
    this.history = history;
  }

  /**
   * Opens the failedJob incident of every given job that has run out of retries and has none open
   * yet, with its historic incident; a fixed number of statements whatever the number of jobs.
   *
   * @param jobIds a bounded set of job ids (one batch chunk at most)
   * @return the number of incidents opened
   */
  public int openFailedJobIncidents(Handle handle, Collection<String> jobIds) {
    return open(handle, OPEN_FAILED_JOB_INCIDENTS, Incident.FAILED_JOB, jobIds);
  }

  /**
   * Opens the failedExternalTask incident of every given external task that has run out of
   * retries and has none open yet, with its historic incident; a fixed number of statements.
   *
   * @param externalTaskIds a bounded set of external task ids (one batch chunk at most)
   * @return the number of incidents opened
   */
  public int openFailedExternalTaskIncidents(Handle handle, Collection<String> externalTaskIds) {
    return open(
        handle, OPEN_FAILED_EXTERNAL_TASK_INCIDENTS, Incident.FAILED_EXTERNAL_TASK, externalTaskIds);
  }

  private int open(Handle handle, String insert, String type, Collection<String> configurations) {
    if (configurations.isEmpty()) {
      return 0;
    }
    String[] ids = configurations.toArray(String[]::new);
    int opened = handle.createUpdate(insert).bind("ids", ids).bind("now", clock.instant()).execute();
    if (opened > 0) {
      history.recordOpenedByConfiguration(handle, type, ids);
    }
    return opened;
  }

  /** Resolves the failedExternalTask incidents of these tasks (they got retries back). */
  public int resolveFailedExternalTaskIncidents(Handle handle, Collection<String> externalTaskIds) {
    return endByConfiguration(
        handle, Incident.FAILED_EXTERNAL_TASK, externalTaskIds, IncidentHistory.RESOLVED);
  }

  /** Ends the failedExternalTask incidents of these tasks as deleted (the tasks are deleted). */
  public int deleteFailedExternalTaskIncidents(Handle handle, Collection<String> externalTaskIds) {
    return endByConfiguration(
        handle, Incident.FAILED_EXTERNAL_TASK, externalTaskIds, IncidentHistory.DELETED);
  }

  /** Resolves (or, {@code deleted}, marks deleted) the failedExternalTask incident of a task. */
  public int endFailedExternalTaskIncident(Handle handle, String externalTaskId, boolean deleted) {
    return endByConfiguration(
        handle,
        Incident.FAILED_EXTERNAL_TASK,
        List.of(externalTaskId),
        deleted ? IncidentHistory.DELETED : IncidentHistory.RESOLVED);
  }

  /** Resolves the failedJob incidents of these jobs (they succeeded, or got retries back). */
  public int resolveFailedJobIncidents(Handle handle, Collection<String> jobIds) {
    return endFailedJobIncidents(handle, jobIds, IncidentHistory.RESOLVED);
  }

  /** Ends the failedJob incidents of these jobs as deleted (the jobs are being deleted). */
  public int deleteFailedJobIncidents(Handle handle, Collection<String> jobIds) {
    return endFailedJobIncidents(handle, jobIds, IncidentHistory.DELETED);
  }

  /** Moves the incidents of one execution to another (the first is being replaced). */
  public void moveToExecution(Handle handle, String fromExecutionId, String toExecutionId) {
    OwnedRows.moveToExecution(handle, "tern_incident", fromExecutionId, toExecutionId);
  }

  /** Ends every incident of a process instance as deleted (the instance is being deleted). */
  public int deleteOfProcessInstance(Handle handle, String processInstanceId) {
    return end(
        handle,
        handle
            .createQuery("SELECT id FROM tern_incident WHERE process_instance_id = :pi")
            .bind("pi", processInstanceId)
            .mapTo(String.class)
            .list(),
        IncidentHistory.DELETED);
  }

  /**
   * Removes the runtime incidents of the process definitions of a deployment, without history (the
   * cascade of a deployment's deletion removes that history too).
   */
  public void deleteOfDeployment(Handle handle, String deploymentId) {
    OwnedRows.deleteOfDefinitions(handle, "tern_incident", deploymentId);
  }

  // The incident ids first, through the configuration index: the historic table has none on it,
  // and both tables are then changed by primary key.
  private int endFailedJobIncidents(Handle handle, Collection<String> jobIds, int state) {
    return endByConfiguration(handle, Incident.FAILED_JOB, jobIds, state);
  }

  private int endByConfiguration(
      Handle handle, String type, Collection<String> configurations, int state) {
    if (configurations.isEmpty()) {
      return 0;
    }
    List<String> incidentIds =
        handle
            .createQuery(
                "SELECT id FROM tern_incident WHERE configuration = ANY(:configurations)"
                    + " AND incident_type = :type")
            .bind("configurations", configurations.toArray(String[]::new))
            .bind("type", type)
            .mapTo(String.class)
            .list();
    return end(handle, incidentIds, state);
  }

  private int end(Handle handle, List<String> incidentIds, int state) {
    if (incidentIds.isEmpty()) {
      return 0;
    }
    String[] ids = incidentIds.toArray(String[]::new);
    history.end(handle, ids, state, clock.instant());
    return handle
        .createUpdate("DELETE FROM tern_incident WHERE id = ANY(:ids)")
        .bind("ids", ids)
        .execute();
  }

  /**
   * The incidents {@code fromWhere} selects (a compiled {@link IncidentQuery}, alias {@code i}),
   * grouped by type, definition key, activity and message; the largest groups first, at most
   * {@code max} groups. One statement.
   */
  public List<IncidentGroup> groups(Handle handle, SqlFragment fromWhere, int max) {
    SqlFragment select =
        fromWhere.wrap(
            "SELECT i.incident_type, i.proc_def_key, i.activity_id, i.incident_message,"
                + " COUNT(*) AS n, MIN(i.incident_timestamp) AS oldest,"
                + " MAX(i.incident_timestamp) AS newest",
            " GROUP BY i.incident_type, i.proc_def_key, i.activity_id, i.incident_message"
                + " ORDER BY n DESC, i.proc_def_key, i.activity_id, i.incident_message,"
                + " i.incident_type"
                + OrderBy.page(new Page(0, max)));
    return select
        .bindTo(handle.createQuery(select.sql()))
        .map(
            (rs, ctx) ->
                new IncidentGroup(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getLong(5),
                    instant(rs, 6),
                    instant(rs, 7)))
        .list();
  }

  public Optional<Incident> findById(Handle handle, String id) {
    return Rows.findById(handle, "tern_incident", COLUMNS, MAPPER, id);
  }
}
