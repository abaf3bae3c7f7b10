package dev.tern.engine.history;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.RecordMapper;
import dev.tern.engine.query.Columns;
import dev.tern.engine.query.Listing;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;

/** The engine API for the job log and historic incidents. */
public final class JobHistoryService {

  private static final String JOB_LOG_COLUMNS =
      "l.id, l.log_time, l.removal_time, l.job_state, l.job_id, l.job_due_date, l.job_retries,"
          + " l.job_priority, l.job_exception_message, l.failed_activity_id, l.job_definition_id,"
          + " l.job_definition_type, l.job_definition_configuration, l.activity_id, l.execution_id,"
          + " l.process_instance_id, l.proc_def_id, l.proc_def_key, l.deployment_id,"
          + " l.root_process_instance_id, l.tenant_id, l.hostname";

  static final RowMapper<HistoricJobLog> LOG_MAPPER = RecordMapper.of(HistoricJobLog.class, JOB_LOG_COLUMNS);

  private final Database database;
  private final HistoricIncidentStore incidents = new HistoricIncidentStore();
  private final Listing<HistoricJobLog> jobLogs;
  private final Listing<HistoricIncident> historicIncidents;
  private final Authorizer authorizer = new Authorizer();

  public JobHistoryService(Database database, Clock clock) {
    this.database = database;
    this.jobLogs = new Listing<>(database, clock, JOB_LOG_COLUMNS, LOG_MAPPER);
    this.historicIncidents =
        new Listing<>(
            database,
            clock,
            Columns.qualified("i", HistoricIncidentStore.COLUMNS),
            HistoricIncidentStore.MAPPER);
  }

  public HistoricJobLogQuery createHistoricJobLogQuery() {
    return new HistoricJobLogQuery();
  }

  public List<HistoricJobLog> listJobLogs(HistoricJobLogQuery query, int first, int max) {
    return jobLogs.list(query.filters(), first, max);
  }

  public long countJobLogs(HistoricJobLogQuery query) {
    return jobLogs.count(query.filters());
  }

  /** The job log of process definitions the caller may read the history of ({@code READ_HISTORY}). */
  public List<HistoricJobLog> listJobLogs(
      Caller caller, HistoricJobLogQuery query, int first, int max) {
    return jobLogs.list(authorizer.historyReadable(caller, "l"), query.filters(), first, max);
  }

  public long countJobLogs(Caller caller, HistoricJobLogQuery query) {
    return jobLogs.count(authorizer.historyReadable(caller, "l"), query.filters());
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
    return historicIncidents.list(query.filters(), first, max);
  }

  /** The historic incidents of definitions the caller may read the history of. */
  public List<HistoricIncident> listHistoricIncidents(
      Caller caller, HistoricIncidentQuery query, int first, int max) {
    return historicIncidents.list(
        authorizer.historyReadable(caller, "i"), query.filters(), first, max);
  }

  public long countHistoricIncidents(Caller caller, HistoricIncidentQuery query) {
    return historicIncidents.count(authorizer.historyReadable(caller, "i"), query.filters());
  }

  public long countHistoricIncidents(HistoricIncidentQuery query) {
    return historicIncidents.count(query.filters());
  }
}
