package dev.tern.engine.runtime;

import dev.tern.engine.deployment.DeploymentService;
import dev.tern.engine.deployment.ProcessDefinition;
import dev.tern.engine.deployment.model.Continuation;
import dev.tern.engine.deployment.model.FlowNode;
import dev.tern.engine.deployment.model.MultiInstance;
import dev.tern.engine.deployment.model.NodeKind;
import dev.tern.engine.deployment.model.ProcessModel;
import dev.tern.engine.deployment.model.TimerDefinition;
import dev.tern.engine.job.JobDefinition;
import dev.tern.engine.job.JobDefinitions;
import dev.tern.engine.persistence.Ids;
import org.jdbi.v3.core.Handle;

/**
 * Creates the job definitions of a newly deployed process definition: one per asynchronous
 * continuation and per timer, as Camunda does. Lives with the interpreter, which owns these job
 * types.
 */
public final class JobDefinitionsOnDeploy implements DeploymentService.DefinitionListener {

  private final Ids ids;
  private final JobDefinitions jobDefinitions;

  public JobDefinitionsOnDeploy(Ids ids, JobDefinitions jobDefinitions) {
    this.ids = ids;
    this.jobDefinitions = jobDefinitions;
  }

  @Override
  public void deployed(Handle handle, ProcessDefinition definition, ProcessModel model) {
    for (FlowNode node : model.nodes().values()) {
      MultiInstance loop = model.multiInstanceOf(node.id());
      // async on a multi-instance activity applies to its body, on the loop to each inner instance
      String asyncActivityId = loop == null ? node.id() : MultiInstance.bodyId(node.id());
      insertAsync(handle, definition, asyncActivityId, node.continuation());
      if (loop != null) {
        insertAsync(handle, definition, node.id(), loop.inner());
      }
      if (node.kind() instanceof NodeKind.TimerCatchEvent timer) {
        insert(handle, definition, node, RuntimeJobs.TIMER_INTERMEDIATE, configuration(timer.timer()));
      }
      if (node.kind() instanceof NodeKind.TimerStartEvent timer) {
        insert(handle, definition, node, TimerStarts.TYPE, configuration(timer.timer()));
      }
      if (node.kind() instanceof NodeKind.BoundaryTimerEvent timer) {
        insert(handle, definition, node, RuntimeJobs.TIMER_TRANSITION, configuration(timer.timer()));
      }
      if (node.kind() instanceof NodeKind.EventSubProcess sub && sub.timer() != null) {
        insert(
            handle,
            definition,
            model.node(sub.startEventId()),
            RuntimeJobs.TIMER_EVENT_SUB_PROCESS,
            configuration(sub.timer()));
      }
    }
  }

  private void insertAsync(
      Handle handle, ProcessDefinition definition, String activityId, Continuation continuation) {
    if (continuation.asyncBefore()) {
      insert(handle, definition, activityId, RuntimeJobs.ASYNC_CONTINUATION, RuntimeJobs.ASYNC_BEFORE);
    }
    if (continuation.asyncAfter()) {
      insert(handle, definition, activityId, RuntimeJobs.ASYNC_CONTINUATION, RuntimeJobs.ASYNC_AFTER);
    }
  }

  /** Camunda's timer job configuration, e.g. {@code DURATION: P2D}. */
  private static String configuration(TimerDefinition timer) {
    return timer.type().name() + ": " + timer.expression();
  }

  private void insert(
      Handle handle, ProcessDefinition definition, FlowNode node, String type, String configuration) {
    insert(handle, definition, node.id(), type, configuration);
  }

  private void insert(
      Handle handle,
      ProcessDefinition definition,
      String activityId,
      String type,
      String configuration) {
    jobDefinitions.insert(
        handle,
        new JobDefinition(
            ids.next(),
            definition.id(),
            definition.key(),
            activityId,
            type,
            configuration,
            false,
            null,
            definition.tenantId(),
            // Camunda 7.24 leaves a process's job definitions without a deployment id
            null));
  }
}
