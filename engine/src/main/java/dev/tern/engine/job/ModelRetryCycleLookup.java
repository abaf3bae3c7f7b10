package dev.tern.engine.job;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.deployment.ProcessModelCache;
import dev.tern.engine.deployment.model.FlowNode;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads {@code camunda:failedJobRetryTimeCycle} from the job's activity in its process model. */
final class ModelRetryCycleLookup implements RetryCycleLookup {

  private final ProcessModelCache models;

  ModelRetryCycleLookup(ProcessModelCache models) {
    this.models = models;
  }

  @Override
  public Optional<String> retryTimeCycle(Handle handle, Job job) {
    if (job.processDefinitionId() == null || job.activityId() == null) {
      return Optional.empty();
    }
    try {
      return models
          .get(handle, job.processDefinitionId())
          .findNode(job.activityId())
          .map(FlowNode::continuation)
          .map(continuation -> continuation.failedJobRetryTimeCycle());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }
}
