package dev.tern.engine.task;

import java.time.Instant;

/**
 * The fields of a task a client may set ({@code PUT /task/{id}}, {@code POST /task/create}):
 * Camunda's {@code TaskDto.updateTask} copies each of them, null included.
 */
public record TaskChanges(
    String name,
    String description,
    String assignee,
    String owner,
    String delegationState,
    int priority,
    Instant due,
    Instant followUp,
    String parentTaskId,
    String tenantId) {

  /** These fields with other people and delegation state. */
  TaskChanges withPeople(String assignee, String owner, String delegationState) {
    return new TaskChanges(
        name, description, assignee, owner, delegationState, priority, due, followUp, parentTaskId,
        tenantId);
  }
}
