package dev.tern.rest.task;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.engine.task.TaskService;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.runtime.VariableValueDto;
import dev.tern.rest.runtime.VariableValues;
import dev.tern.rest.support.JsonBodies;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * A task's {@code /variables} or {@code /localVariables}: all of them, one by name, put, delete,
 * and the {@code modifications}/{@code deletions} patch.
 */
final class TaskVariableRoutes {

  private final TaskService tasks;
  private final String path;
  private final boolean local;

  TaskVariableRoutes(TaskService tasks, String path, boolean local) {
    this.tasks = tasks;
    this.path = path;
    this.local = local;
  }

  void addRoutes(Routes routes) {
    String all = "/task/{id}/" + path;
    String one = all + "/{varName}";
    routes
        .get(all, ctx -> ctx.json(VariableValues.toDtos(tasks.variables(Callers.of(ctx), id(ctx), local))))
        .post(all, this::modify)
        .get(one, this::variable)
        .put(one, this::put)
        .delete(one, this::delete);
  }

  private void variable(Context ctx) {
    String name = ctx.pathParam("varName");
    TypedValue value = tasks.variables(Callers.of(ctx), id(ctx), local).get(name);
    if (value == null) {
      throw new NotFoundException("task variable with name " + name + " does not exist");
    }
    ctx.json(VariableValues.toDto(value));
  }

  private void put(Context ctx) {
    String name = ctx.pathParam("varName");
    VariableValueDto dto = JsonBodies.read(ctx, VariableValueDto.class);
    TypedValue value = VariableValues.toTyped(dto, "Cannot put task variable " + name);
    tasks.modifyVariables(Callers.of(ctx), id(ctx), local, Map.of(name, value), List.of());
    Responses.noContent(ctx);
  }

  private void delete(Context ctx) {
    tasks.modifyVariables(
        Callers.of(ctx), id(ctx), local, Map.of(), List.of(ctx.pathParam("varName")));
    Responses.noContent(ctx);
  }

  private void modify(Context ctx) {
    TaskBodies.PatchVariables patch =
        JsonBodies.readOr(
            ctx, TaskBodies.PatchVariables.class, () -> new TaskBodies.PatchVariables(null, null));
    Map<String, TypedValue> modifications =
        VariableValues.toTyped(patch.modifications(), "Cannot modify variables for task " + id(ctx));
    List<String> deletions = patch.deletions() == null ? List.of() : patch.deletions();
    tasks.modifyVariables(Callers.of(ctx), id(ctx), local, modifications, deletions);
    Responses.noContent(ctx);
  }

  private static String id(Context ctx) {
    return ctx.pathParam("id");
  }
}
