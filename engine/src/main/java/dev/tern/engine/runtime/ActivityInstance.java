package dev.tern.engine.runtime;

import java.util.List;

/**
 * A node of a running instance's activity-instance tree, as Camunda's {@code
 * GET /process-instance/{id}/activity-instances} shows it: the process instance at the root
 * (activity type {@code processDefinition}), then the activities tokens are in, nested by scope
 * (sub-processes, multi-instance bodies); tokens before or after an asynchronous continuation are
 * transition instances.
 *
 * @param id the activity instance id, as in the activity history (the instance's id at the root)
 */
public record ActivityInstance(
    String id,
    String parentActivityInstanceId,
    String activityId,
    String activityName,
    String activityType,
    List<String> executionIds,
    List<ActivityInstance> childActivityInstances,
    List<TransitionInstance> childTransitionInstances) {

  public ActivityInstance {
    executionIds = List.copyOf(executionIds);
    childActivityInstances = List.copyOf(childActivityInstances);
    childTransitionInstances = List.copyOf(childTransitionInstances);
  }

  /**
   * A token waiting for its asynchronous continuation before or after an activity.
   *
   * @param id the execution's id, as Camunda uses it
   */
  public record TransitionInstance(
      String id,
      String parentActivityInstanceId,
      String activityId,
      String activityName,
      String activityType,
      String executionId) {}
}
