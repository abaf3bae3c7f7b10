package dev.tern.engine.job;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.deployment.ProcessModelCache;
import dev.tern.engine.deployment.model.FlowNode;
import dev.tern.engine.deployment.model.MultiInstance;
import dev.tern.engine.deployment.model.ProcessModel;
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
      ProcessModel model = models.get(handle, job.processDefinitionId());
      String activityId = job.activityId();
      if (activityId.endsWith(MultiInstance.BODY_SUFFIX)) {
        // the activity's own continuation, at its multi-instance body
        activityId = activityId.substring(0, activityId.length() - MultiInstance.BODY_SUFFIX.length());
      } else if (model.multiInstanceOf(activityId) != null) {
        // a job of an inner instance: the loop's continuation
        return Optional.ofNullable(model.multiInstanceOf(activityId).inner().failedJobRetryTimeCycle());
      }
      return model
          .findNode(activityId)
          .map(FlowNode::continuation)
          .map(continuation -> continuation.failedJobRetryTimeCycle());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }
}
