package dev.tern.engine.task;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** SQL of {@code tern_task_comment}, its only writer. */
final class CommentStore extends NoteStore<TaskComment> {

  private static final String COLUMNS =
      "id, user_id, comment_time, task_id, process_instance_id, message, removal_time,"
          + " root_process_instance_id";

  CommentStore() {
    super(TaskComment.class, "tern_task_comment", COLUMNS, COLUMNS, "comment_time DESC, id DESC");
  }

  void insert(Handle h, TaskComment c) {
    insertRow(h, c);
  }

  /** Camunda's update: a new message, time and author. */
  void update(Handle h, String commentId, String message, String userId, Instant now) {
    h.createUpdate(
            "UPDATE tern_task_comment SET message = :message, user_id = :user, comment_time = :now"
                + " WHERE id = :id")
        .bind("message", message)
        .bind("user", userId)
        .bind("now", now)
        .bind("id", commentId)
        .execute();
  }
}
