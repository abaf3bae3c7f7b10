package dev.tern.engine.history;

import static dev.tern.engine.persistence.Rows.instant;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.Permission;
import dev.tern.engine.authorization.Resource;
import dev.tern.engine.persistence.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.StatementContext;

/** The engine API for the job log and historic incidents. */
public final class JobHistoryService {

  private static final String JOB_LOG_COLUMNS =
      "l.id, l.log_time, l.removal_time, l.job_state, l.job_id, l.job_due_date, l.job_retries,"
          + " l.job_priority, l.job_exception_message, l.failed_activity_id, l.job_definition_id,"
          + " l.job_definition_type, l.job_definition_configuration, l.activity_id, l.execution_id,"
          + " l.process_instance_id, l.proc_def_id, l.proc_def_key, l.deployment_id,"
          + " l.root_process_instance_id, l.tenant_id, l.hostname";

  private final Database database;
  private final Clock clock;
  private final HistoricIncidentStore incidents = new HistoricIncidentStore();
  private final Authorizer authorizer = new Authorizer();

  public JobHistoryService(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  public HistoricJobLogQuery createHistoricJobLogQuery() {
    return new HistoricJobLogQuery();
  }

  public List<HistoricJobLog> listJobLogs(HistoricJobLogQuery query, int first, int max) {
    return database.withHandle(
        handle ->
            query
                .filters()
                .list(handle, JOB_LOG_COLUMNS, JobHistoryService::mapLog, clock.instant(), first, max));
  }

  public long countJobLogs(HistoricJobLogQuery query) {
    return database.withHandle(handle -> query.filters().count(handle, clock.instant()));
  }

  /** The job log of process definitions the caller may read the history of ({@code READ_HISTORY}). */
  public List<HistoricJobLog> listJobLogs(
      Caller caller, HistoricJobLogQuery query, int first, int max) {
    query.filters().restrict(historyReadable(caller, "l"));
    return listJobLogs(query, first, max);
  }

  public long countJobLogs(Caller caller, HistoricJobLogQuery query) {
    query.filters().restrict(historyReadable(caller, "l"));
    return countJobLogs(query);
  }

  /**
   * Camunda's history read: {@code READ_HISTORY} on the process definition (by the key of the rows
   * of {@code alias}), of the caller's tenants. Rows of no definition (batch jobs) need a grant on
   * every definition ({@code *}).
   */
  private dev.tern.engine.query.Restriction historyReadable(Caller caller, String alias) {
    return authorizer.readable(
        caller,
        alias + ".tenant_id",
        new Authorizer.RowCheck(
            Permission.READ_HISTORY, Resource.PROCESS_DEFINITION, alias + ".proc_def_key"));
  }

  public HistoricIncidentQuery createHistoricIncidentQuery() {
    return new HistoricIncidentQuery();
  }

  public HistoricIncident getHistoricIncident(String id) {
    return database
        .withHandle(handle -> incidents.findById(handle, id))
        .orElseThrow(
            () -> new NotFoundException("Historic incident with id " + id + " does not exist"));
  }

  public List<HistoricIncident> listHistoricIncidents(
      HistoricIncidentQuery query, int first, int max) {
    String columns =
        Arrays.stream(HistoricIncidentStore.COLUMNS.split(","))
            .map(c -> "i." + c.trim())
            .collect(Collectors.joining(", "));
    return database.withHandle(
        handle ->
            query
                .filters()
                .list(handle, columns, HistoricIncidentStore::map, clock.instant(), first, max));
  }

  /** The historic incidents of definitions the caller may read the history of. */
  public List<HistoricIncident> listHistoricIncidents(
      Caller caller, HistoricIncidentQuery query, int first, int max) {
    query.filters().restrict(historyReadable(caller, "i"));
    return listHistoricIncidents(query, first, max);
  }

  public long countHistoricIncidents(Caller caller, HistoricIncidentQuery query) {
    query.filters().restrict(historyReadable(caller, "i"));
    return countHistoricIncidents(query);
  }

  public long countHistoricIncidents(HistoricIncidentQuery query) {
    return database.withHandle(handle -> query.filters().count(handle, clock.instant()));
  }

  private static HistoricJobLog mapLog(ResultSet rs, StatementContext ctx) throws SQLException {
    return new HistoricJobLog(
        rs.getString("id"),
        instant(rs, "log_time"),
        instant(rs, "removal_time"),
        rs.getInt("job_state"),
        rs.getString("job_id"),
        instant(rs, "job_due_date"),
        (Integer) rs.getObject("job_retries", Integer.class),
        (Long) rs.getObject("job_priority", Long.class),
        rs.getString("job_exception_message"),
        rs.getString("failed_activity_id"),
        rs.getString("job_definition_id"),
        rs.getString("job_definition_type"),
        rs.getString("job_definition_configuration"),
        rs.getString("activity_id"),
        rs.getString("execution_id"),
        rs.getString("process_instance_id"),
        rs.getString("proc_def_id"),
        rs.getString("proc_def_key"),
        rs.getString("deployment_id"),
        rs.getString("root_process_instance_id"),
        rs.getString("tenant_id"),
        rs.getString("hostname"));
  }
}
