package dev.tern.engine.task;

import dev.tern.engine.FieldLimits;
import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.history.HistoryRetention;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.Ids;
import java.time.Clock;

/**
 * Attachments of tasks, as Camunda's {@code /task/{id}/attachment} has them: history, so an ended
 * task's attachments can still be read, added and deleted. Errors carry Camunda 7.24's messages
 * and statuses; who may do what: {@link NoteTargets}.
 */
public final class TaskAttachmentService extends TaskNotes<TaskAttachment, AttachmentStore> {

  TaskAttachmentService(Database database, Clock clock, Ids ids, NoteTargets targets) {
    super(database, clock, ids, targets, new AttachmentStore(), "attachment");
  }

  /** The uploaded content; 404 for an unknown attachment and for a link. */
  public byte[] content(Caller caller, String taskId, String attachmentId) {
    return readOne(
        caller,
        taskId,
        h -> store.content(h, taskId, attachmentId),
        () ->
            "Attachment content for attachment with id '"
                + attachmentId
                + "' does not exist for task id '"
                + taskId
                + "'.");
  }

  /** Attaches content (which wins) or a url; neither, or an unknown task, is 400. */
  public TaskAttachment create(Caller caller, String taskId, TaskAttachment.New attachment) {
    FieldLimits.requireAtMost("attachment-name", attachment.name(), FieldLimits.NAME);
    FieldLimits.requireAtMost("attachment-description", attachment.description(), 4000);
    FieldLimits.requireAtMost("attachment-type", attachment.type(), FieldLimits.NAME);
    FieldLimits.requireAtMost("url", attachment.url(), 4000);
    return createNote(
        caller,
        taskId,
        () -> {
          if (attachment.url() == null && attachment.content() == null) {
            throw new InvalidRequestException(
                "No content or url to remote content exists to create the task attachment.");
          }
        },
        (h, target, id, now) -> {
          boolean content = attachment.content() != null;
          TaskAttachment created =
              new TaskAttachment(
                  id,
                  attachment.name(),
                  attachment.description(),
                  taskId,
                  attachment.type(),
                  content ? null : attachment.url(),
                  now,
                  HistoryRetention.removalTimeOf(h, target.rootProcessInstanceId()),
                  target.rootProcessInstanceId(),
                  content);
          store.insert(h, created, attachment.content());
          return created;
        });
  }

  /** Deletes an attachment; an unknown one is 404. */
  public void delete(Caller caller, String taskId, String attachmentId) {
    changeNotes(
        caller,
        h ->
            readable(h, caller, taskId)
                .filter(t -> store.find(h, taskId, attachmentId).isPresent())
                .orElseThrow(
                    () ->
                        new NotFoundException(
                            "Deletion is not possible. No attachment exists for task id '"
                                + taskId
                                + "' and attachment id '"
                                + attachmentId
                                + "'.")),
        (h, target) -> store.delete(h, taskId, attachmentId));
  }
}
