package dev.tern.rest;

import dev.tern.engine.ProcessEngine;
import dev.tern.rest.batch.BatchResource;
import dev.tern.rest.batch.HistoricBatchResource;
import dev.tern.rest.batch.JobRetriesResource;
import dev.tern.rest.batch.UserOperationLogResource;
import dev.tern.rest.deployment.DeploymentRestResource;
import dev.tern.rest.deployment.ProcessDefinitionRestResource;
import dev.tern.rest.engine.EngineInfoResource;
import dev.tern.rest.externaltask.ExternalTaskResource;
import dev.tern.rest.externaltask.ExternalTaskRetriesResource;
import dev.tern.rest.history.HistoricExternalTaskLogResource;
import dev.tern.rest.history.HistoricActivityInstanceResource;
import dev.tern.rest.history.HistoricDetailResource;
import dev.tern.rest.history.HistoricVariableInstanceResource;
import dev.tern.rest.history.HistoricIncidentResource;
import dev.tern.rest.history.HistoricJobLogResource;
import dev.tern.rest.incident.IncidentResource;
import dev.tern.rest.job.JobDefinitionResource;
import dev.tern.rest.job.JobExecutorAdminResource;
import dev.tern.rest.job.JobResource;
import dev.tern.rest.history.HistoricProcessInstanceRestResource;
import dev.tern.rest.runtime.ExecutionResource;
import dev.tern.rest.runtime.ProcessInstanceRestResource;
import dev.tern.rest.runtime.VariableInstanceResource;
import dev.tern.rest.runtime.ProcessInstanceStartResource;
import java.util.List;

/** Every REST resource of the server. Each team adds its resources to this one list. */
public final class RestResources {

  private RestResources() {}

  public static List<RestResource> all(ProcessEngine engine) {
    return List.of(
        new EngineInfoResource(engine),
        new dev.tern.rest.engine.HealthResource(engine),
        new JobResource(engine),
        new JobDefinitionResource(engine),
        new JobExecutorAdminResource(engine),
        new IncidentResource(engine),
        new HistoricJobLogResource(engine),
        new HistoricIncidentResource(engine),
        new HistoricActivityInstanceResource(engine),
        new HistoricVariableInstanceResource(engine),
        new HistoricDetailResource(engine),
        new DeploymentRestResource(engine),
        // before the definition routes: /process-definition/statistics is not a definition id
        new dev.tern.rest.deployment.ProcessDefinitionStatisticsResource(engine),
        new ProcessDefinitionRestResource(engine),
        new JobRetriesResource(engine),
        new BatchResource(engine),
        new HistoricBatchResource(engine),
        new UserOperationLogResource(engine),
        new ProcessInstanceRestResource(engine),
        new ExecutionResource(engine),
        new VariableInstanceResource(engine),
        new ProcessInstanceStartResource(engine),
        new HistoricProcessInstanceRestResource(engine),
        new dev.tern.rest.history.HistoryCleanupResource(engine),
        new ExternalTaskResource(engine),
        new ExternalTaskRetriesResource(engine),
        new HistoricExternalTaskLogResource(engine),
        new dev.tern.rest.identity.UserRestResource(engine),
        new dev.tern.rest.identity.GroupRestResource(engine),
        new dev.tern.rest.identity.TenantRestResource(engine),
        new dev.tern.rest.identity.IdentityRestResource(engine),
        new dev.tern.rest.authorization.AuthorizationRestResource(engine),
        new dev.tern.rest.message.MessageResource(engine),
        new dev.tern.rest.message.MessageAsyncResource(engine),
        new dev.tern.rest.message.EventSubscriptionResource(engine),
        new dev.tern.rest.message.ExecutionTriggerResource(engine),
        new dev.tern.rest.signal.SignalResource(engine),
        new dev.tern.rest.runtime.ConditionResource(engine),
        new dev.tern.rest.task.TaskResource(engine),
        new dev.tern.rest.task.TaskCommentResource(engine),
        new dev.tern.rest.task.TaskAttachmentResource(engine),
        new dev.tern.rest.history.HistoricTaskResource(engine)
        // add new resources above this line, one per line
        );
  }
}
