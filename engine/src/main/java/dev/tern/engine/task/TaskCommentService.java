package dev.tern.engine.task;

import dev.tern.engine.FieldLimits;
import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.history.HistoryRetention;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.Ids;
import java.time.Clock;

/**
 * Comments on tasks, as Camunda's {@code /task/{id}/comment} has them: history, so the comments of
 * an ended task can still be read and added; changing or deleting one needs the task open. Errors
 * carry Camunda 7.24's messages and statuses; who may do what: {@link NoteTargets}.
 */
public final class TaskCommentService extends TaskNotes<TaskComment, CommentStore> {

  /** Longest message Tern stores (Camunda's has no limit; a bound keeps one request small). */
  static final int MAX_MESSAGE = 65_536;

  TaskCommentService(Database database, Clock clock, Ids ids, NoteTargets targets) {
    super(database, clock, ids, targets, new CommentStore(), "comment");
  }

  /**
   * Adds a comment by the caller; {@code processInstanceId} is stored as given. An unknown task or
   * a missing message is 400.
   */
  public TaskComment create(
      Caller caller, String taskId, String processInstanceId, String message) {
    FieldLimits.requireAtMost("processInstanceId", processInstanceId, FieldLimits.ID);
    FieldLimits.requireAtMost("message", message, MAX_MESSAGE);
    return createNote(
        caller,
        taskId,
        () -> {
          if (message == null) {
            throw new InvalidRequestException("Not enough parameters submitted");
          }
        },
        (h, target, id, now) -> {
          TaskComment comment =
              new TaskComment(
                  id,
                  caller.userId(),
                  now,
                  taskId,
                  processInstanceId,
                  message,
                  HistoryRetention.removalTimeOf(h, target.rootProcessInstanceId()),
                  target.rootProcessInstanceId());
          store.insert(h, comment);
          return comment;
        });
  }

  /** Replaces a comment's message (its time and author become now and the caller). */
  public void update(Caller caller, String taskId, String commentId, String message) {
    FieldLimits.requireAtMost("message", message, MAX_MESSAGE);
    changeNotes(
        caller,
        h -> {
          NoteTarget target = require(h, caller, taskId);
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
          return requireOpen(target);
        },
        (h, target) -> store.update(h, commentId, message, caller.userId(), now()));
  }

  /** Deletes one comment (an unknown one changes nothing), or all with a null {@code commentId}. */
  public void delete(Caller caller, String taskId, String commentId) {
    changeNotes(
        caller,
        h -> requireOpen(require(h, caller, taskId)),
        (h, target) -> store.delete(h, taskId, commentId));
  }

  private static NoteTarget requireOpen(NoteTarget target) {
    if (target.open() == null) {
      throw new InvalidRequestException(
          "No task exists with taskId: " + target.taskId() + ": task is null");
    }
    return target;
  }
}
