package dev.tern.engine.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL of {@code tern_task_attachment}, its only writer. */
final class AttachmentStore {

  private static final String COLUMNS =
      "id, name, description, task_id, attachment_type, url, create_time, removal_time,"
          + " root_process_instance_id, content IS NOT NULL AS has_content";

  List<TaskAttachment> list(Handle h, String taskId) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM tern_task_attachment WHERE task_id = :task"
                + " ORDER BY create_time, id")
        .bind("task", taskId)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  Optional<TaskAttachment> find(Handle h, String taskId, String attachmentId) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM tern_task_attachment WHERE task_id = :task AND id = :id")
        .bind("task", taskId)
        .bind("id", attachmentId)
        .map((rs, ctx) -> map(rs))
        .findOne();
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

  /** Whether the attachment existed. */
  boolean delete(Handle h, String taskId, String attachmentId) {
    return h.createUpdate("DELETE FROM tern_task_attachment WHERE task_id = :task AND id = :id")
            .bind("task", taskId)
            .bind("id", attachmentId)
            .execute()
        > 0;
  }

  /** Deletes the attachments of the instances' tasks (see {@link TaskModule#instanceHistory}). */
  static void deleteOfProcessInstances(Handle h, List<String> processInstanceIds) {
    h.createUpdate(
            "DELETE FROM tern_task_attachment WHERE task_id IN"
                + " (SELECT id FROM tern_hi_task WHERE process_instance_id = ANY(:ids))")
        .bind("ids", processInstanceIds.toArray(String[]::new))
        .execute();
  }

  private static TaskAttachment map(ResultSet rs) throws SQLException {
    return new TaskAttachment(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getString("task_id"),
        rs.getString("attachment_type"),
        rs.getString("url"),
        TaskStore.instant(rs, "create_time"),
        TaskStore.instant(rs, "removal_time"),
        rs.getString("root_process_instance_id"),
        rs.getBoolean("has_content"));
  }
}
