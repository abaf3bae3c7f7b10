package dev.tern.engine.task;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL of {@code tern_task_attachment}, its only writer. */
final class AttachmentStore extends NoteStore<TaskAttachment> {

  private static final String COLUMNS =
      "id, name, description, task_id, attachment_type, url, create_time, removal_time,"
          + " root_process_instance_id";

  AttachmentStore() {
    super(
        TaskAttachment.class,
        "tern_task_attachment",
        COLUMNS + ", has_content",
        COLUMNS + ", content IS NOT NULL AS has_content",
        "create_time, id");
  }

  /** The uploaded content; empty when there is no such attachment or it is a link. */
  Optional<byte[]> content(Handle h, String taskId, String attachmentId) {
    return h.createQuery(
            "SELECT content FROM tern_task_attachment WHERE task_id = :task AND id = :id"
                + " AND content IS NOT NULL")
        .bind("task", taskId)
        .bind("id", attachmentId)
        .map((rs, ctx) -> rs.getBytes("content"))
        .findOne();
  }

  void insert(Handle h, TaskAttachment a, byte[] content) {
    h.createUpdate(
            "INSERT INTO tern_task_attachment (id, name, description, task_id, attachment_type,"
                + " url, content, create_time, removal_time, root_process_instance_id)"
                + " VALUES (:id, :name, :description, :taskId, :type, :url, :content,"
                + " :createTime, :removalTime, :rootProcessInstanceId)")
        .bindMethods(a)
        .bind("content", content)
        .execute();
  }
}
