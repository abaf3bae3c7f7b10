package dev.tern.engine.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL of {@code tern_task_comment}, its only writer. */
final class CommentStore {

  private static final String COLUMNS =
      "id, user_id, comment_time, task_id, process_instance_id, message, removal_time,"
          + " root_process_instance_id";

  List<TaskComment> list(Handle h, String taskId) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM tern_task_comment WHERE task_id = :task"
                + " ORDER BY comment_time DESC, id DESC")
        .bind("task", taskId)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  Optional<TaskComment> find(Handle h, String taskId, String commentId) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM tern_task_comment WHERE task_id = :task AND id = :id")
        .bind("task", taskId)
        .bind("id", commentId)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  void insert(Handle h, TaskComment c) {
    h.createUpdate(
            "INSERT INTO tern_task_comment (" + COLUMNS + ") VALUES (:id, :userId, :time, :taskId,"
                + " :processInstanceId, :message, :removalTime, :rootProcessInstanceId)")
        .bindMethods(c)
        .execute();
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

  /** Deletes one comment of the task, or all of them with a null {@code commentId}. */
  void delete(Handle h, String taskId, String commentId) {
    h.createUpdate(
            "DELETE FROM tern_task_comment WHERE task_id = :task"
                + (commentId == null ? "" : " AND id = :id"))
        .bind("task", taskId)
        .bind("id", commentId)
        .execute();
  }

  /** Deletes the comments of the instances' tasks (see {@link TaskModule#instanceHistory}). */
  static void deleteOfProcessInstances(Handle h, List<String> processInstanceIds) {
    h.createUpdate(
            "DELETE FROM tern_task_comment WHERE task_id IN"
                + " (SELECT id FROM tern_hi_task WHERE process_instance_id = ANY(:ids))")
        .bind("ids", processInstanceIds.toArray(String[]::new))
        .execute();
  }

  private static TaskComment map(ResultSet rs) throws SQLException {
    return new TaskComment(
        rs.getString("id"),
        rs.getString("user_id"),
        TaskStore.instant(rs, "comment_time"),
        rs.getString("task_id"),
        rs.getString("process_instance_id"),
        rs.getString("message"),
        TaskStore.instant(rs, "removal_time"),
        rs.getString("root_process_instance_id"));
  }
}
