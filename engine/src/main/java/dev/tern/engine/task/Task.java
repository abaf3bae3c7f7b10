package dev.tern.engine.task;

import java.time.Instant;

/**
 * A user task as Camunda's {@code TaskDto} shows it: of a process (a token waits in its activity)
 * or standalone (no process fields). {@code suspended} is its process instance's state.
 *
 * @param delegationState {@code PENDING} or {@code RESOLVED} while delegated, else null
 * @param formRefVersion the {@code camunda:formRefVersion} of a {@code version} binding, else null
 */
public record Task(
    String id,
    String name,
    String description,
    String assignee,
    String owner,
    String delegationState,
    int priority,
    Instant created,
    Instant lastUpdated,
    Instant due,
    Instant followUp,
    String executionId,
    String processInstanceId,
    String processDefinitionId,
    String processDefinitionKey,
    String activityInstanceId,
    String taskDefinitionKey,
    String parentTaskId,
    String formKey,
    String formRefKey,
    String formRefBinding,
    Integer formRefVersion,
    String tenantId,
    String taskState,
    boolean suspended) {

  /** Whether the task belongs to no process (created with {@code POST /task/create}). */
  public boolean standalone() {
    return processInstanceId == null;
  }
}
