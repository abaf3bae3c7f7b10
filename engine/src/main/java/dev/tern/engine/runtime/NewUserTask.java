package dev.tern.engine.runtime;

import dev.tern.engine.deployment.model.TaskDefinition;
import java.time.Instant;
import java.util.List;

/**
 * A user task a token starts waiting in, its model's expressions evaluated.
 *
 * @param where the instance, execution and activity the task belongs to
 */
public record NewUserTask(
    String name,
    String description,
    String assignee,
    List<String> candidateUsers,
    List<String> candidateGroups,
    Instant dueDate,
    Instant followUpDate,
    int priority,
    TaskDefinition.FormReference form,
    WaitingActivity where) {

  public NewUserTask {
    candidateUsers = List.copyOf(candidateUsers);
    candidateGroups = List.copyOf(candidateGroups);
  }
}
