package dev.tern.engine.history;

import java.time.Instant;

/**
 * A row of {@code tern_hi_activity_instance}: one pass of a token through one activity.
 *
 * @param activityType Camunda's type name, e.g. {@code serviceTask}, {@code noneEndEvent}
 * @param durationInMillis null while the activity runs
 * @param taskId the task of a user task (null for other activities)
 * @param assignee that task's assignee, the last one once it ended
 * @param parentActivityInstanceId the enclosing sub-process's (or multi-instance body's) activity
 *     instance, the process instance at the top level (and in rows older than the column)
 * @param calledProcessInstanceId the instance a call activity called, else null
 * @param rootProcessInstanceId the first instance of the call chain (the instance itself when no
 *     call activity started it)
 */
public record HistoricActivityInstance(
    String id,
    String processInstanceId,
    String executionId,
    String processDefinitionId,
    String processDefinitionKey,
    String activityId,
    String activityName,
    String activityType,
    Instant startTime,
    Instant endTime,
    Long durationInMillis,
    boolean canceled,
    String tenantId,
    Instant removalTime,
    String taskId,
    String assignee,
    String parentActivityInstanceId,
    String calledProcessInstanceId,
    String rootProcessInstanceId) {

  public HistoricActivityInstance {
    if (parentActivityInstanceId == null) {
      parentActivityInstanceId = processInstanceId;
    }
    if (rootProcessInstanceId == null) {
      rootProcessInstanceId = processInstanceId;
    }
  }

  /**
   * Whether this activity completed its scope, as Camunda flags it: an end event that ended
   * normally.
   */
  public boolean completeScope() {
    return endTime != null && !canceled && activityType != null && activityType.endsWith("EndEvent");
  }
}
