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

  /** The fields a client may set, as this task has them. */
  public TaskChanges changes() {
    return new TaskChanges(
        name, description, assignee, owner, delegationState, priority, due, followUp, parentTaskId,
        tenantId);
  }

  /** This task with the settable fields of {@code c} (the tenant stays: it cannot change). */
  Task with(TaskChanges c) {
    return new Task(
        id, c.name(), c.description(), c.assignee(), c.owner(), c.delegationState(), c.priority(),
        created, lastUpdated, c.due(), c.followUp(), executionId, processInstanceId,
        processDefinitionId, processDefinitionKey, activityInstanceId, taskDefinitionKey,
        c.parentTaskId(), formKey, formRefKey, formRefBinding, formRefVersion, tenantId, taskState,
        suspended);
  }

  /** This task in another lifecycle state, updated at {@code now}. */
  Task withState(String state, Instant now) {
    return new Task(
        id, name, description, assignee, owner, delegationState, priority, created, now, due,
        followUp, executionId, processInstanceId, processDefinitionId, processDefinitionKey,
        activityInstanceId, taskDefinitionKey, parentTaskId, formKey, formRefKey, formRefBinding,
        formRefVersion, tenantId, state, suspended);
  }

  /** A new standalone task (no process) with the client's fields. */
  static Task standalone(String id, TaskChanges c, Instant created, String state) {
    return new Task(
        id, c.name(), c.description(), c.assignee(), c.owner(), c.delegationState(), c.priority(),
        created, null, c.due(), c.followUp(), null, null, null, null, null, null,
        c.parentTaskId(), null, null, null, null, c.tenantId(), state, false);
  }
}
