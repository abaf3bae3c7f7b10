package dev.tern.rest.task;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.TernException;
import dev.tern.engine.authorization.AuthorizationException;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.engine.task.TaskForms;
import dev.tern.engine.task.TaskQuery;
import dev.tern.engine.task.TaskService;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.support.QueryRoutes;
import dev.tern.rest.runtime.VariableRoutes;
import dev.tern.rest.runtime.VariableValues;
import dev.tern.rest.support.JsonBodies;
import dev.tern.rest.support.Responses;
import dev.tern.rest.support.RestException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;


/**
 * Camunda's {@code /task} resource: the task query, one task's fields, assignment, delegation,
 * completion, its form reference and identity links. Variables: {@link VariableRoutes}.
 */
public final class TaskResource implements RestResource {

  private final TaskService tasks;
  private final TaskForms forms;

  public TaskResource(ProcessEngine engine) {
    this.tasks = engine.taskService();
    this.forms = engine.taskForms();
  }

  @Override
  public void addRoutes(Routes routes) {
    new QueryRoutes<>(TaskQuery::new, TaskQuery::filters)
        .add(
            routes,
            "/task",
            (caller, query, page) ->
                tasks.listWithDetails(caller, query, page).stream().map(ListedTaskDto::of).toList(),
            tasks::count)
        .post("/task/create", this::create)
        .get(
            "/task/report/candidate-group-count",
            ctx ->
                ctx.json(
                    tasks.countByCandidateGroup(Callers.of(ctx)).stream()
                        .map(c -> new TaskBodies.GroupCount(c.groupName(), c.taskCount()))
                        .toList()))
        .get("/task/{id}", ctx -> ctx.json(TaskDto.of(tasks.get(Callers.of(ctx), id(ctx)))))
        .put("/task/{id}", this::update)
        .delete("/task/{id}", ctx -> noContent(ctx, () -> tasks.delete(Callers.of(ctx), id(ctx))))
        .post("/task/{id}/claim", ctx -> assign(ctx, Assignment.CLAIM))
        .post("/task/{id}/unclaim", ctx -> noContent(ctx, () -> tasks.setAssignee(Callers.of(ctx), id(ctx), null)))
        .post("/task/{id}/assignee", ctx -> assign(ctx, Assignment.ASSIGNEE))
        .post("/task/{id}/delegate", ctx -> assign(ctx, Assignment.DELEGATE))
        .post("/task/{id}/resolve", this::resolve)
        .post("/task/{id}/complete", ctx -> complete(ctx, "Cannot complete task "))
        .post("/task/{id}/submit-form", ctx -> complete(ctx, "Cannot submit task form "))
        .post("/task/{id}/bpmnError", this::bpmnError)
        .post("/task/{id}/bpmnEscalation", this::bpmnEscalation)
        .get("/task/{id}/form-variables", this::formVariables)
        .get(
            "/task/{id}/rendered-form",
            ctx -> forms.renderedForm(Callers.of(ctx), id(ctx)))
        .get("/task/{id}/deployed-form", this::deployedForm)
        .get("/task/{id}/form", this::form)
        .get(
            "/task/{id}/identity-links",
            ctx ->
                ctx.json(
                    tasks.identityLinks(Callers.of(ctx), id(ctx), ctx.queryParam("type")).stream()
                        .map(TaskBodies.Link::of)
                        .toList()))
        .post("/task/{id}/identity-links", ctx -> link(ctx, true))
        .post("/task/{id}/identity-links/delete", ctx -> link(ctx, false));
    variableRoutes(false).add(routes, "/task/{id}/variables");
    variableRoutes(true).add(routes, "/task/{id}/localVariables");
  }

  private VariableRoutes variableRoutes(boolean local) {
    return new VariableRoutes(
        "task",
        new VariableRoutes.Scope(
            (caller, id) -> tasks.variables(caller, id, local),
            (caller, id, name) -> Optional.ofNullable(tasks.variables(caller, id, local).get(name)),
            (caller, id, set, remove) -> tasks.modifyVariables(caller, id, local, set, remove)));
  }

  private enum Assignment {
    CLAIM,
    ASSIGNEE,
    DELEGATE
  }

  private void assign(Context ctx, Assignment assignment) {
    String userId = JsonBodies.readOr(ctx, TaskBodies.UserId.class, () -> new TaskBodies.UserId(null)).userId();
    switch (assignment) {
      case CLAIM -> tasks.claim(Callers.of(ctx), id(ctx), userId);
      case ASSIGNEE -> tasks.setAssignee(Callers.of(ctx), id(ctx), userId);
      case DELEGATE -> tasks.delegate(Callers.of(ctx), id(ctx), userId);
    }
    Responses.noContent(ctx);
  }

  private void create(Context ctx) {
    TaskDto body = JsonBodies.read(ctx, TaskDto.class);
    tasks.create(Callers.of(ctx), body.id(), body.changes());
    Responses.noContent(ctx);
  }

  private void update(Context ctx) {
    TaskDto body = JsonBodies.read(ctx, TaskDto.class);
    tasks.update(Callers.of(ctx), id(ctx), body.changes());
    Responses.noContent(ctx);
  }

  private void resolve(Context ctx) {
    TaskBodies.Complete body = completeBody(ctx);
    Map<String, TypedValue> variables =
        VariableValues.toTyped(body.variables(), "Cannot resolve task " + id(ctx));
    tasks.resolve(Callers.of(ctx), id(ctx), variables);
    Responses.noContent(ctx);
  }

  /**
   * Complete and submit-form: Camunda names the task in front of every engine refusal ({@code
   * Cannot complete task <id>: …}).
   */
  private void complete(Context ctx, String prefix) {
    TaskBodies.Complete body = completeBody(ctx);
    String id = id(ctx);
    Map<String, TypedValue> variables = VariableValues.toTyped(body.variables(), prefix + id);
    boolean inReturn = Boolean.TRUE.equals(body.withVariablesInReturn());
    Map<String, TypedValue> result;
    try {
      result = tasks.complete(Callers.of(ctx), id, variables, inReturn);
    } catch (AuthorizationException e) {
      throw e;
    } catch (TernException e) {
      throw new TernException(e.category(), e.type(), prefix + id + ": " + e.getMessage(), e.code(), e);
    }
    if (inReturn) {
      ctx.json(VariableValues.toDtos(result));
    } else {
      Responses.noContent(ctx);
    }
  }

  /** Camunda answers any refusal but an authorization's with 400 {@code Cannot get form for task …}. */
  private void form(Context ctx) {
    try {
      ctx.json(TaskBodies.Form.of(tasks.form(Callers.of(ctx), id(ctx))));
    } catch (AuthorizationException e) {
      throw e;
    } catch (TernException e) {
      throw new RestException(400, "RestException", "Cannot get form for task " + id(ctx));
    }
  }

  private void bpmnError(Context ctx) {
    TaskBodies.BpmnError body = JsonBodies.read(ctx, TaskBodies.BpmnError.class);
    Map<String, TypedValue> variables =
        VariableValues.toTyped(body.variables(), "Cannot handle BPMN error of task " + id(ctx));
    tasks.handleBpmnError(
        Callers.of(ctx), id(ctx), body.errorCode(), body.errorMessage(), variables);
    Responses.noContent(ctx);
  }

  private void bpmnEscalation(Context ctx) {
    TaskBodies.Escalation body = JsonBodies.read(ctx, TaskBodies.Escalation.class);
    Map<String, TypedValue> variables =
        VariableValues.toTyped(
            body.variables(), "Cannot handle BPMN escalation of task " + id(ctx));
    tasks.handleEscalation(Callers.of(ctx), id(ctx), body.escalationCode(), variables);
    Responses.noContent(ctx);
  }

  private void formVariables(Context ctx) {
    String names = ctx.queryParam("variableNames");
    List<String> only = names == null ? null : List.of(names.split(","));
    boolean deserialize = VariableValues.deserialize(ctx, "deserializeValues");
    ctx.json(
        VariableValues.toDtos(forms.formVariables(Callers.of(ctx), id(ctx), only), deserialize));
  }

  private void deployedForm(Context ctx) {
    TaskForms.DeployedForm form = forms.deployedForm(Callers.of(ctx), id(ctx));
    ctx.contentType(form.mediaType()).result(form.content());
  }

  private static TaskBodies.Complete completeBody(Context ctx) {
    return JsonBodies.readOr(ctx, TaskBodies.Complete.class, () -> new TaskBodies.Complete(null, null));
  }

  private void link(Context ctx, boolean add) {
    TaskBodies.Link body = JsonBodies.read(ctx, TaskBodies.Link.class);
    if (add) {
      tasks.addIdentityLink(Callers.of(ctx), id(ctx), body.toLink());
    } else {
      tasks.deleteIdentityLink(Callers.of(ctx), id(ctx), body.toLink());
    }
    Responses.noContent(ctx);
  }

  private static void noContent(Context ctx, Runnable action) {
    action.run();
    Responses.noContent(ctx);
  }

  private static String id(Context ctx) {
    return ctx.pathParam("id");
  }

}
