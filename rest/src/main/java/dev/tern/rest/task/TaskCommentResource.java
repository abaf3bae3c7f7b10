package dev.tern.rest.task;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.task.TaskCommentService;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.support.JsonBodies;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;

/** Camunda's {@code /task/{id}/comment}: list, one, create, update, delete one or all. */
public final class TaskCommentResource implements RestResource {

  private final TaskCommentService comments;

  public TaskCommentResource(ProcessEngine engine) {
    this.comments = engine.taskCommentService();
  }

  @Override
  public void addRoutes(Routes routes) {
    routes
        .get(
            "/task/{id}/comment",
            ctx ->
                ctx.json(
                    comments.list(Callers.of(ctx), id(ctx)).stream()
                        .map(c -> NoteDtos.Comment.of(c, null))
                        .toList()))
        .post("/task/{id}/comment/create", this::create)
        .put("/task/{id}/comment", this::update)
        .delete(
            "/task/{id}/comment",
            ctx -> {
              comments.delete(Callers.of(ctx), id(ctx), null);
              Responses.noContent(ctx);
            })
        .get(
            "/task/{id}/comment/{commentId}",
            ctx ->
                ctx.json(
                    NoteDtos.Comment.of(
                        comments.get(Callers.of(ctx), id(ctx), ctx.pathParam("commentId")), null)))
        .delete(
            "/task/{id}/comment/{commentId}",
            ctx -> {
              comments.delete(Callers.of(ctx), id(ctx), ctx.pathParam("commentId"));
              Responses.noContent(ctx);
            });
  }

  private void create(Context ctx) {
    NoteDtos.Comment body = JsonBodies.read(ctx, NoteDtos.Comment.class);
    var created =
        comments.create(Callers.of(ctx), id(ctx), body.processInstanceId(), body.message());
    ctx.json(NoteDtos.Comment.of(created, NoteDtos.self(ctx, "comment", created.id())));
  }

  private void update(Context ctx) {
    NoteDtos.Comment body = JsonBodies.read(ctx, NoteDtos.Comment.class);
    comments.update(Callers.of(ctx), id(ctx), body.id(), body.message());
    Responses.noContent(ctx);
  }

  private static String id(Context ctx) {
    return ctx.pathParam("id");
  }
}
