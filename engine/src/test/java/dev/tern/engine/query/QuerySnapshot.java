package dev.tern.engine.query;

import dev.tern.engine.persistence.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** The rows the instance, historic instance and job queries look at, read once into memory. */
record QuerySnapshot(
    List<Definition> definitions,
    List<Instance> instances,
    List<Execution> executions,
    List<Incident> incidents,
    List<Variable> variables,
    List<HistoricInstance> historicInstances,
    List<HistoricActivity> historicActivities,
    List<HistoricIncident> historicIncidents,
    List<Variable> historicVariables,
    List<JobLog> jobLogs,
    List<Job> jobs) {

  record Definition(String id, String name, String deploymentId, String tenantId) {}

  record Instance(
      String id,
      String definitionId,
      String definitionKey,
      String businessKey,
      String tenantId,
      boolean suspended,
      String superId,
      String rootId) {}

  record Execution(String processInstanceId, String activityId) {}

  record Incident(
      String id,
      String processInstanceId,
      String type,
      String message,
      String activityId,
      String rootCauseId) {}

  /** A variable row; {@code historic} rows carry their state, runtime rows {@code CREATED}. */
  record Variable(
      String processInstanceId,
      String name,
      String type,
      String text,
      Long longValue,
      Double doubleValue,
      String clob,
      String state) {}

  record HistoricInstance(
      String id,
      String definitionId,
      String definitionKey,
      String definitionName,
      String businessKey,
      String superId,
      String rootId,
      Instant start,
      Instant end,
      String startUserId,
      String tenantId,
      String state) {}

  record HistoricActivity(String processInstanceId, String activityId, Instant start, Instant end) {}

  record HistoricIncident(
      String id,
      String processInstanceId,
      String type,
      String message,
      int state,
      String rootCauseId) {}

  record JobLog(String processInstanceId, Instant time) {}

  record Job(
      String id,
      String kind,
      String jobDefinitionId,
      String processInstanceId,
      String executionId,
      String definitionId,
      String definitionKey,
      String activityId,
      int retries,
      Instant dueDate,
      Instant createTime,
      String exceptionMessage,
      boolean hasStacktrace,
      String failedActivityId,
      boolean suspended,
      long priority,
      String tenantId,
      Instant lockExpiration) {}

  static QuerySnapshot read(Database database) {
    return database.withHandle(
        h ->
            new QuerySnapshot(
                list(h, "SELECT id, name, deployment_id, tenant_id FROM tern_process_definition",
                    (rs, c) -> new Definition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))),
                list(
                    h,
                    "SELECT id, proc_def_id, proc_def_key, business_key, tenant_id, suspended,"
                        + " super_process_instance_id, root_process_instance_id FROM tern_process_instance",
                    (rs, c) ->
                        new Instance(
                            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getString(8))),
                list(h, "SELECT process_instance_id, activity_id FROM tern_execution",
                    (rs, c) -> new Execution(rs.getString(1), rs.getString(2))),
                list(
                    h,
                    "SELECT id, process_instance_id, incident_type, incident_message, activity_id,"
                        + " root_cause_incident_id FROM tern_incident",
                    (rs, c) ->
                        new Incident(
                            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6))),
                list(
                    h,
                    "SELECT process_instance_id, name, var_type, text_value, long_value, double_value,"
                        + " clob_value, 'CREATED' FROM tern_variable",
                    QuerySnapshot::variable),
                list(
                    h,
                    "SELECT id, proc_def_id, proc_def_key, proc_def_name, business_key,"
                        + " super_process_instance_id, root_process_instance_id, start_time, end_time,"
                        + " start_user_id, tenant_id, state FROM tern_hi_process_instance",
                    (rs, c) ->
                        new HistoricInstance(
                            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), instant(rs, 8),
                            instant(rs, 9), rs.getString(10), rs.getString(11), rs.getString(12))),
                list(
                    h,
                    "SELECT process_instance_id, activity_id, start_time, end_time"
                        + " FROM tern_hi_activity_instance",
                    (rs, c) ->
                        new HistoricActivity(
                            rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4))),
                list(
                    h,
                    "SELECT id, process_instance_id, incident_type, incident_message, incident_state,"
                        + " root_cause_incident_id FROM tern_hi_incident",
                    (rs, c) ->
                        new HistoricIncident(
                            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getString(6))),
                list(
                    h,
                    "SELECT process_instance_id, name, var_type, text_value, long_value, double_value,"
                        + " clob_value, state FROM tern_hi_variable",
                    QuerySnapshot::variable),
                list(h, "SELECT process_instance_id, log_time FROM tern_hi_job_log",
                    (rs, c) -> new JobLog(rs.getString(1), instant(rs, 2))),
                list(
                    h,
                    "SELECT id, job_kind, job_definition_id, process_instance_id, execution_id,"
                        + " proc_def_id, proc_def_key, activity_id, retries, due_date, create_time,"
                        + " exception_message, exception_stacktrace, failed_activity_id, suspended,"
                        + " priority, tenant_id, lock_expiration_time FROM tern_job",
                    (rs, c) ->
                        new Job(
                            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getInt(9), instant(rs, 10), instant(rs, 11), rs.getString(12),
                            rs.getString(13) != null, rs.getString(14), rs.getBoolean(15),
                            rs.getLong(16), rs.getString(17), instant(rs, 18)))));
  }

  private static <T> List<T> list(Handle h, String sql, RowMapper<T> mapper) {
    return h.createQuery(sql).map(mapper).list();
  }

  private static Variable variable(ResultSet rs, org.jdbi.v3.core.statement.StatementContext c)
      throws SQLException {
    return new Variable(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getObject(5) == null ? null : rs.getLong(5),
        rs.getObject(6) == null ? null : rs.getDouble(6),
        rs.getString(7),
        rs.getString(8));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
