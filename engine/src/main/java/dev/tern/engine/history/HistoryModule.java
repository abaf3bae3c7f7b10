package dev.tern.engine.history;

import dev.tern.engine.persistence.Dialect;
import java.time.Clock;

/**
 * Wires the history stores and hands out the narrow ports through which the other capabilities
 * write history; the stores themselves stay inside this package.
 */
public final class HistoryModule {

  private final JobLogStore jobLog;
  private final ExternalTaskLogStore externalTaskLog;
  private final HistoricIncidentStore incidents = new HistoricIncidentStore();
  private final HistoricBatchStore batches = new HistoricBatchStore();
  private final UserOperationLogStore operationLog = new UserOperationLogStore();

  /** @param nodeId the host name the job log records */
  public HistoryModule(Clock clock, Dialect dialect, String nodeId) {
    this.jobLog = new JobLogStore(clock, dialect, nodeId);
    this.externalTaskLog = new ExternalTaskLogStore(clock, dialect);
  }

  public JobLog jobLog() {
    return jobLog;
  }

  public ExternalTaskLog externalTaskLog() {
    return externalTaskLog;
  }

  public IncidentHistory incidents() {
    return incidents;
  }

  public BatchHistory batches() {
    return batches;
  }

  public OperationLog operationLog() {
    return operationLog;
  }

  /** Deletes the historic incidents, job log and external task log of process instances. */
  public InstanceHistoryRemoval instanceHistory() {
    return (handle, ids) -> {
      HistoricIncidentStore.deleteOfProcessInstances(handle, ids);
      JobLogStore.deleteOfProcessInstances(handle, ids);
      ExternalTaskLogStore.deleteOfProcessInstances(handle, ids);
    };
  }

  /**
   * Removal times and expiry of the historic incidents, job log, external task log and op log
   * (which deleting an instance's history keeps).
   */
  public HistoryRetention retention() {
    return HistoryRetention.of(
        HistoryRetention.ofInstanceTables(
            "tern_hi_incident", "tern_hi_job_log", "tern_hi_ext_task_log"),
        HistoryRetention.ofOutlivingTable("tern_hi_op_log", "process_instance_id"));
  }

  public DeploymentHistory deployments() {
    return (handle, deploymentId) -> {
      HistoricIncidentStore.deleteOfDeployment(handle, deploymentId);
      JobLogStore.deleteOfDeployment(handle, deploymentId);
      ExternalTaskLogStore.deleteOfDeployment(handle, deploymentId);
    };
  }
}
