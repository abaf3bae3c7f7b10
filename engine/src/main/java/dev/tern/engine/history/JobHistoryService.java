package dev.tern.engine.history;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.ReadableRows;
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
  private final Authorizer authorizer = new Authorizer();
  private final ReadableRows<HistoricJobLog> jobLogs;
  private final ReadableRows<HistoricIncident> historicIncidents;

  public JobHistoryService(Database database, Clock clock) {
    this.database = database;
    // both read by Camunda's READ_HISTORY rule
    this.jobLogs =
        new ReadableRows<>(
            new Listing<>(database, clock, JOB_LOG_COLUMNS, LOG_MAPPER),
            caller -> authorizer.historyReadable(caller, "l"));
    this.historicIncidents =
        new ReadableRows<>(
            new Listing<>(
                database,
                clock,
                Columns.qualified("i", HistoricIncidentStore.COLUMNS),
                HistoricIncidentStore.MAPPER),
            caller -> authorizer.historyReadable(caller, "i"));
  }

  public HistoricJobLogQuery createHistoricJobLogQuery() {
    return new HistoricJobLogQuery();
  }

  /** The job log of process definitions the caller may read the history of ({@code READ_HISTORY}). */
  public List<HistoricJobLog> listJobLogs(
      Caller caller, HistoricJobLogQuery query, int first, int max) {
    return jobLogs.list(caller, query, first, max);
  }

  public long countJobLogs(Caller caller, HistoricJobLogQuery query) {
    return jobLogs.count(caller, query);
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

  /** The historic incidents of definitions the caller may read the history of. */
  public List<HistoricIncident> listHistoricIncidents(
      Caller caller, HistoricIncidentQuery query, int first, int max) {
    return historicIncidents.list(caller, query, first, max);
  }

  public long countHistoricIncidents(Caller caller, HistoricIncidentQuery query) {
    return historicIncidents.count(caller, query);
  }
}
