package dev.tern.engine.task;

import dev.tern.engine.FieldLimits;
import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.Ids;
import java.time.Clock;
import java.util.List;

/**
 * Comments on tasks, as Camunda's {@code /task/{id}/comment} has them: history, so the comments of
 * an ended task can still be read and added; changing or deleting one needs the task open. Errors
 * carry Camunda 7.24's messages and statuses; who may do what: {@link NoteTargets}.
 */
public final class TaskCommentService {

  /** Longest message Tern stores (Camunda's has no limit; a bound keeps one request small). */
  static final int MAX_MESSAGE = 65_536;

  private final Database database;
  private final Clock clock;
  private final Ids ids;
  private final CommentStore store;
  private final NoteTargets targets;

  TaskCommentService(
      Database database, Clock clock, Ids ids, CommentStore store, NoteTargets targets) {
    this.database = database;
    this.clock = clock;
    this.ids = ids;
    this.store = store;
    this.targets = targets;
  }

  /** The task's comments, newest first; an unknown task is 404. */
  public List<TaskComment> list(Caller caller, String taskId) {
    return database.withHandle(
        h -> {
          targets.require(h, caller, taskId, true);
          return store.list(h, taskId);
        });
  }

  /** One comment; 404 if the task or the comment is unknown. */
  public TaskComment get(Caller caller, String taskId, String commentId) {
    return database.withHandle(
        h ->
            targets
                .readable(h, caller, taskId)
                .flatMap(t -> store.find(h, taskId, commentId))
                .orElseThrow(
                    () ->
                        new NotFoundException(
                            "Task comment with id "
                                + commentId
                                + " does not exist for task id '"
                                + taskId
                                + "'.")));
  }

  /**
   * Adds a comment by the caller; {@code processInstanceId} is stored as given. An unknown task or
   * a missing message is 400.
   */
  public TaskComment create(
      Caller caller, String taskId, String processInstanceId, String message) {
    FieldLimits.requireAtMost("processInstanceId", processInstanceId, FieldLimits.ID);
    FieldLimits.requireAtMost("message", message, MAX_MESSAGE);
    return database.inTransaction(
        h -> {
          NoteTarget target = targets.require(h, caller, taskId, false);
          if (message == null) {
            throw new InvalidRequestException("Not enough parameters submitted");
          }
          targets.checkChange(h, caller, target);
          TaskComment comment =
              new TaskComment(
                  ids.next(),
                  caller.userId(),
                  clock.instant(),
                  taskId,
                  processInstanceId,
                  message,
                  null,
                  target.rootProcessInstanceId());
          store.insert(h, comment);
          return comment;
        });
  }

  /** Replaces a comment's message (its time and author become now and the caller). */
  public void update(Caller caller, String taskId, String commentId, String message) {
    FieldLimits.requireAtMost("message", message, MAX_MESSAGE);
    database.useTransaction(
        h -> {
          NoteTarget target = targets.require(h, caller, taskId, true);
          if (commentId == null) {
            throw new InvalidRequestException("commentId is null");
          }
          if (message == null) {
            throw new InvalidRequestException("message is null");
          }
          if (store.find(h, taskId, commentId).isEmpty()) {
            throw new InvalidRequestException(
                "No comment exists with commentId: "
                    + commentId
                    + " and taskId: "
                    + taskId
                    + ": comment is null");
          }
          requireOpen(target);
          targets.checkChange(h, caller, target);
          store.update(h, commentId, message, caller.userId(), clock.instant());
        });
  }

  /** Deletes one comment (an unknown one changes nothing), or all with a null {@code commentId}. */
  public void delete(Caller caller, String taskId, String commentId) {
    database.useTransaction(
        h -> {
          NoteTarget target = targets.require(h, caller, taskId, true);
          requireOpen(target);
          targets.checkChange(h, caller, target);
          store.delete(h, taskId, commentId);
        });
  }

  private static void requireOpen(NoteTarget target) {
    if (target.open() == null) {
      throw new InvalidRequestException(
          "No task exists with taskId: " + target.taskId() + ": task is null");
    }
  }
}
