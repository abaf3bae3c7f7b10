package dev.tern.rest.task;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.task.TaskAttachment;
import dev.tern.engine.task.TaskAttachmentService;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.support.MultipartForms;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import jakarta.servlet.http.Part;
import java.util.Map;

/**
 * Camunda's {@code /task/{id}/attachment}: list, one, its content, delete, and create from a
 * multipart form ({@code attachment-name}, {@code attachment-description}, {@code
 * attachment-type}, and {@code content} or {@code url}).
 */
public final class TaskAttachmentResource implements RestResource {

  private final TaskAttachmentService attachments;

  public TaskAttachmentResource(ProcessEngine engine) {
    this.attachments = engine.taskAttachmentService();
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .get(
            "/task/{id}/attachment",
            ctx ->
                ctx.json(
                    attachments.list(Callers.of(ctx), id(ctx)).stream()
                        .map(a -> NoteDtos.Attachment.of(a, null))
                        .toList()))
        .post("/task/{id}/attachment/create", this::create)
        .get(
            "/task/{id}/attachment/{attachmentId}",
            ctx ->
                ctx.json(
                    NoteDtos.Attachment.of(
                        attachments.get(Callers.of(ctx), id(ctx), attachmentId(ctx)), null)))
        .get(
            "/task/{id}/attachment/{attachmentId}/data",
            ctx ->
                ctx.contentType("application/octet-stream")
                    .result(attachments.content(Callers.of(ctx), id(ctx), attachmentId(ctx))))
        .delete(
            "/task/{id}/attachment/{attachmentId}",
            ctx -> {
              attachments.delete(Callers.of(ctx), id(ctx), attachmentId(ctx));
              Responses.noContent(ctx);
            });
  }

  private void create(Context ctx) {
    Map<String, Part> parts = MultipartForms.byName(ctx);
    Part content = parts.get("content");
    TaskAttachment.New attachment =
        new TaskAttachment.New(
            MultipartForms.text(parts.get("attachment-name")),
            MultipartForms.text(parts.get("attachment-description")),
            MultipartForms.text(parts.get("attachment-type")),
            MultipartForms.text(parts.get("url")),
            content == null ? null : MultipartForms.bytes(content));
    TaskAttachment created = attachments.create(Callers.of(ctx), id(ctx), attachment);
    ctx.json(NoteDtos.Attachment.of(created, NoteDtos.self(ctx, "attachment", created.id())));
  }

  private static String id(Context ctx) {
    return ctx.pathParam("id");
  }

  private static String attachmentId(Context ctx) {
    return ctx.pathParam("attachmentId");
  }
}
