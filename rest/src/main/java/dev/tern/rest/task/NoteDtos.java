package dev.tern.rest.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tern.engine.task.TaskAttachment;
import dev.tern.engine.task.TaskComment;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/** Camunda's {@code CommentDto} and {@code AttachmentDto}, with the self link of a created one. */
final class NoteDtos {

  private NoteDtos() {}

  record Link(String method, String href, String rel) {}

  /** {@code CommentDto}; a client sends {@code message}, {@code processInstanceId} and {@code id}. */
  record Comment(
      @JsonInclude(JsonInclude.Include.NON_NULL) List<Link> links,
      String id,
      String userId,
      Instant time,
      String taskId,
      String processInstanceId,
      String message,
      Instant removalTime,
      String rootProcessInstanceId) {

    static Comment of(TaskComment c, List<Link> links) {
      return new Comment(
          links,
          c.id(),
          c.userId(),
          c.time(),
          c.taskId(),
          c.processInstanceId(),
          c.message(),
          c.removalTime(),
          c.rootProcessInstanceId());
    }
  }

  record Attachment(
      @JsonInclude(JsonInclude.Include.NON_NULL) List<Link> links,
      String id,
      String name,
      String description,
      String taskId,
      String type,
      String url,
      Instant createTime,
      Instant removalTime,
      String rootProcessInstanceId) {

    static Attachment of(TaskAttachment a, List<Link> links) {
      return new Attachment(
          links,
          a.id(),
          a.name(),
          a.description(),
          a.taskId(),
          a.type(),
          a.url(),
          a.createTime(),
          a.removalTime(),
          a.rootProcessInstanceId());
    }
  }

  /**
   * The self link of a note created by a {@code POST …/{kind}/create}, absolute and under the
   * engine's path (named or not), as Camunda's.
   */
  static List<Link> self(Context ctx, String kind, String id) {
    String url = ctx.fullUrl();
    int create = url.lastIndexOf("/" + kind + "/create");
    return List.of(new Link("GET", url.substring(0, create) + "/" + kind + "/" + id, "self"));
  }
}
