package dev.tern.engine.history;

import dev.tern.engine.persistence.Dialect;
import dev.tern.engine.persistence.OwnedRows;
import java.time.Clock;
import java.util.Collection;
import org.jdbi.v3.core.Handle;

/**
 * Writes {@code tern_hi_job_log}. Entries are copied from the job rows themselves with one
 * {@code INSERT … SELECT}, so logging a thousand deleted jobs costs one statement, and the entry
 * always shows the job as it is in the database (retries, exception) at that moment. An entry
 * written after its root instance ended takes the root's removal time, so cleanup finds it.
 */
final class JobLogStore implements JobLog {

  private final Clock clock;
  private final Dialect dialect;
  private final String hostname;

  JobLogStore(Clock clock, Dialect dialect, String hostname) {
    this.clock = clock;
    this.dialect = dialect;
    this.hostname = hostname;
  }

  @Override
  public int log(Handle handle, LogState state, Collection<String> jobIds) {
    return insert(handle, state, jobIds, null);
  }

  @Override
  public int logFailure(Handle handle, String jobId, int retriesBeforeFailure) {
    return insert(handle, LogState.FAILED, java.util.List.of(jobId), retriesBeforeFailure);
  }

  /** {@code retries}: the value to log, or null to copy the job row's. */
  private int insert(Handle handle, LogState state, Collection<String> jobIds, Integer retries) {
    if (jobIds.isEmpty()) {
      return 0;
    }
    var insert =
        handle.createUpdate(
            "INSERT INTO tern_hi_job_log (id, log_time, job_state, job_id, job_due_date,"
                + " job_retries, job_priority, job_exception_message, job_exception_stacktrace,"
                + " job_definition_id, job_definition_type, job_definition_configuration,"
                + " activity_id, failed_activity_id, execution_id, process_instance_id, proc_def_id,"
                + " proc_def_key, deployment_id, root_process_instance_id, tenant_id, hostname,"
                + " sequence_counter, removal_time) SELECT "
                + dialect.newIdExpression()
                + ", :logTime, :state, j.id, j.due_date,"
                + (retries == null ? " j.retries," : " :retries,")
                + " j.priority,"
                + (state == LogState.FAILED ? " j.exception_message, j.exception_stacktrace," : " NULL, NULL,")
                + " j.job_definition_id, COALESCE(d.job_type, j.handler_type),"
                + " d.job_configuration, j.activity_id, j.failed_activity_id, j.execution_id,"
                + " j.process_instance_id, j.proc_def_id, j.proc_def_key, j.deployment_id,"
                + " p.root_process_instance_id, j.tenant_id, :hostname, j.sequence_counter,"
                + " r.removal_time"
                + " FROM tern_job j"
                + " LEFT JOIN tern_job_definition d ON d.id = j.job_definition_id"
                // history, not the runtime row: the job that ends its instance is logged after
                // the instance is gone, and its entry needs the root's removal time then
                + " LEFT JOIN tern_hi_process_instance p ON p.id = j.process_instance_id"
                + " LEFT JOIN tern_hi_process_instance r ON r.id = p.root_process_instance_id"
                + (jobIds.size() == 1 ? " WHERE j.id = :id" : " WHERE j.id = ANY(:ids)"));
    if (retries != null) {
      insert.bind("retries", retries);
    }
    if (jobIds.size() == 1) {
      // one job by its key (a job's run, a start): a generic plan of "= ANY(array)" expects about
      // ten jobs and may then hash the historic instances after a sequential scan, a plan
      // PostgreSQL keeps for the connection while that table grows (docs/benchmarks.md)
      insert.bind("id", jobIds.iterator().next());
    } else {
      insert.bind("ids", jobIds.toArray(String[]::new));
    }
    return insert
        .bind("logTime", clock.instant())
        .bind("state", state.code())
        .bind("hostname", hostname)
        .execute();
  }

  /** Deletes the job log of the process definitions of a deployment. */
  static void deleteOfDeployment(Handle handle, String deploymentId) {
    OwnedRows.deleteOfDefinitions(handle, "tern_hi_job_log", deploymentId);
  }

  /** Deletes the job log of these job definitions (a batch's history). */
  static void deleteOfJobDefinitions(Handle handle, String... jobDefinitionIds) {
    OwnedRows.deleteOfJobDefinitions(handle, "tern_hi_job_log", jobDefinitionIds);
  }

  /** Deletes the rows of these process instances (their history is deleted). */
  static void deleteOfProcessInstances(Handle handle, java.util.List<String> processInstanceIds) {
    OwnedRows.deleteOfProcessInstances(handle, "tern_hi_job_log", processInstanceIds);
  }
}
