package dev.tern.engine.task;

import dev.tern.engine.FieldLimits;
import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.NotFoundException;
import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.TernException;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.Ids;
import dev.tern.engine.query.Page;
import dev.tern.engine.runtime.RuntimeService;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.engine.runtime.UserTasks;
import dev.tern.engine.runtime.UserTaskContext;
import dev.tern.engine.runtime.ExecutionFacade;
import dev.tern.engine.deployment.model.UserTaskListener;
import dev.tern.engine.runtime.VariableStore;
import dev.tern.engine.task.TaskAccess.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * User tasks, as Camunda's {@code TaskService}: queries, claiming and assigning, delegation,
 * completion, identity links and task variables; standalone tasks are created and deleted here.
 *
 * <p>Every method takes the {@link Caller} and checks Camunda's task permissions ({@link
 * TaskAccess}); a task the caller may not read is unknown to it. Errors carry Camunda 7.24's
 * messages; refusals of bad input are 400 (never 500), and nothing is changed by them.
 *
 * <p>A task's <em>variables</em> are its process instance's variables with its local variables
 * over them; setting one sets a process variable (a standalone task has only local ones).
 */
public final class TaskService {

  private final Database database;
  private final Ids ids;
  private final TaskStore store;
  private final TaskLifecycle lifecycle;
  private final RuntimeService runtime;
  private final VariableStore processVariables;
  private final TaskAccess access;
  private final TaskOperationLog operationLog;
  private final TaskPageDetails pageDetails;

  TaskService(
      Database database,
      Ids ids,
      TaskStore store,
      TaskLifecycle lifecycle,
      RuntimeService runtime,
      VariableStore processVariables,
      Authorizer authorizer,
      TaskOperationLog operationLog,
      TaskPageDetails pageDetails) {
    this.database = database;
    this.ids = ids;
    this.store = store;
    this.lifecycle = lifecycle;
    this.runtime = runtime;
    this.processVariables = processVariables;
    this.access = new TaskAccess(authorizer);
    this.operationLog = operationLog;
    this.pageDetails = pageDetails;
  }

  // ------------------------------------------------------------------ queries

  /** The tasks the query selects that the caller may read, one page, in the query's order. */
  public List<Task> list(Caller caller, TaskQuery query, Page page) {
    TaskQuery readable = readable(caller, query);
    return database.withHandle(h -> page(h, readable, page));
  }

  private List<Task> page(Handle h, TaskQuery readable, Page page) {
    return readable
        .filters()
        .list(h, TaskStore.COLUMNS, (rs, ctx) -> TaskStore.map(rs), lifecycle.now(), page);
  }

  /**
   * {@link #list}, each task with the variables and the attachment and comment flags the query's
   * options ({@code withTaskVariablesInReturn}, {@code withTaskLocalVariablesInReturn}, {@code
   * withCommentAttachmentInfo}) ask for, read for the whole page at once.
   */
  public List<ListedTask> listWithDetails(Caller caller, TaskQuery query, Page page) {
    TaskQuery readable = readable(caller, query);
    return database.withHandle(
        h -> pageDetails.add(h, page(h, readable, page), query.filters().values()));
  }

  public long count(Caller caller, TaskQuery query) {
    TaskQuery readable = readable(caller, query);
    return database.withHandle(h -> readable.filters().count(h, lifecycle.now()));
  }

  private TaskQuery readable(Caller caller, TaskQuery query) {
    return new TaskQuery(
        TaskQueryExpressions.resolve(query.filters(), caller).restricted(access.readable(caller)));
  }

  /** The task; one the caller may not read is unknown to it ({@code No matching task …}). */
  public Task get(Caller caller, String id) {
    return database.withHandle(h -> readable(h, caller, id, () -> noMatchingTask(id)));
  }

  // ------------------------------------------------------------------ standalone tasks

  /**
   * Creates a standalone task (no process) with the given fields; {@code id} null for a new one.
   * An id in use is refused.
   */
  public Task create(Caller caller, String id, TaskChanges fields) {
    FieldLimits.requireAtMost("id", id, FieldLimits.ID);
    requireStorable(fields);
    return database.inTransaction(
        h -> {
          access.checkCreate(h, caller);
          String taskId = id == null ? ids.next() : id;
          if (store.find(h, taskId).isPresent()) {
            throw badRequest("ProcessEngineException", "Cannot create task: a task with id '" + taskId + "' exists");
          }
          TaskChanges c = fields.withPeople(
              fields.assignee(), fields.owner(), delegationState(fields.delegationState()));
          Task task = Task.standalone(taskId, c, lifecycle.now(), TaskLifecycle.STATE_CREATED);
          lifecycle.insert(h, task);
          return task;
        });
  }

  /**
   * Deletes a standalone task; a task of a process is refused. An unknown id changes nothing, as
   * in Camunda.
   */
  public void delete(Caller caller, String id) {
    database.useTransaction(
        h -> {
          Task task = store.lock(h, id).orElse(null);
          if (task == null) {
            return;
          }
          access.checkDelete(h, caller, task);
          if (!task.standalone()) {
            throw new InvalidRequestException(
                "Could not delete task: The task cannot be deleted because is part of a running"
                    + " process");
          }
          operationLog.log(
              h, caller, task, TaskOperationLog.DELETE, List.of(TaskOperationLog.Change.DELETED), lifecycle.now());
          lifecycle.end(h, task, UserTasks.DELETED);
        });
  }

  /** Camunda's {@code saveTask} with {@code TaskDto.updateTask}: every field is replaced. */
  public void update(Caller caller, String id, TaskChanges fields) {
    requireStorable(fields);
    database.useTransaction(
        h -> {
          Task task = readableLocked(h, caller, id);
          access.check(h, caller, task, Kind.UPDATE);
          if (!Objects.equals(task.tenantId(), fields.tenantId())) {
            throw badRequest("ProcessEngineException",
                "ENGINE-03073 Cannot change tenantId of Task '"
                    + id
                    + "'. Current tenant id '"
                    + task.tenantId()
                    + "', Tenant id to set '"
                    + fields.tenantId()
                    + "'");
          }
          Task changed =
              task.with(
                  fields.withPeople(
                      fields.assignee(), fields.owner(), delegationState(fields.delegationState())));
          save(h, caller, task, changed, null, TaskOperationLog.UPDATE);
        });
  }

  // ------------------------------------------------------------------ assignment

  /** Claims the task for a user; a task claimed by another user is refused. */
  public void claim(Caller caller, String id, String userId) {
    assign(
        caller,
        id,
        userId,
        TaskOperationLog.CLAIM,
        task -> {
          if (userId != null && task.assignee() != null && !task.assignee().equals(userId)) {
            throw new TernException(
                TernException.Category.BAD_REQUEST,
                "TaskAlreadyClaimedException",
                "Task '" + id + "' is already claimed by someone else.");
          }
          return withAssignee(task, userId);
        });
  }

  /** Sets (or with null removes) the assignee, whoever held the task. */
  public void setAssignee(Caller caller, String id, String userId) {
    assign(caller, id, userId, TaskOperationLog.ASSIGN, task -> withAssignee(task, userId));
  }

  /** Delegates: the assignee becomes the owner (unless there is one) and the user the assignee. */
  public void delegate(Caller caller, String id, String userId) {
    assign(
        caller,
        id,
        userId,
        TaskOperationLog.DELEGATE,
        task ->
            withPeople(
                task, userId, task.owner() == null ? task.assignee() : task.owner(), "PENDING"));
  }

  /** An assignment to {@code userId} (claim, assign, delegate): the id's length checked first. */
  private void assign(
      Caller caller, String id, String userId, String operation, Change change) {
    FieldLimits.requireAtMost("userId", userId, FieldLimits.NAME);
    change(caller, id, Kind.ASSIGN, operation, change);
  }

  /** Resolves a delegated task: variables set, the owner becomes the assignee again. */
  public void resolve(Caller caller, String id, Map<String, TypedValue> variables) {
    database.useTransaction(
        h -> {
          Task task = lockedForCommand(h, caller, id);
          access.check(h, caller, task, Kind.WORK);
          setVariables(h, task, variables);
          save(
              h,
              caller,
              task,
              withPeople(task, task.owner(), task.owner(), "RESOLVED"),
              null,
              TaskOperationLog.RESOLVE);
        });
  }

  private interface Change {
    Task apply(Task task);
  }

  private void change(Caller caller, String id, Kind kind, String operationType, Change change) {
    database.useTransaction(
        h -> {
          Task task = lockedForCommand(h, caller, id);
          access.check(h, caller, task, kind);
          save(h, caller, task, change.apply(task), caller.userId(), operationType);
        });
  }

  private static Task withAssignee(Task task, String assignee) {
    return withPeople(task, assignee, task.owner(), task.delegationState());
  }

  private static Task withPeople(Task task, String assignee, String owner, String delegationState) {
    return task.with(task.changes().withPeople(assignee, owner, delegationState));
  }

  /**
   * Writes a changed task and its history; a new assignee or owner is logged as a link change, the
   * operation (when {@code operationType} is not null) in the user operation log.
   */
  private void save(
      Handle h, Caller caller, Task before, Task after, String assignerId, String operationType) {
    if (operationType != null) {
      operationLog.log(
          h, caller, before, operationType, TaskOperationLog.diff(before, after), lifecycle.now());
    }
    lifecycle.change(h, before, after, listenersOf(h, before), assignerId);
  }

  /** The task listeners of a task of a process, run on its execution. */
  private UserTaskContext listenersOf(Handle h, Task task) {
    return task.standalone()
        ? UserTaskContext.NONE
        : runtime.userTaskContext(
            h, task.processDefinitionId(), task.taskDefinitionKey(), task.processInstanceId(), task.executionId());
  }

  // ------------------------------------------------------------------ completion

  /**
   * Completes the task: variables set (process variables for a task of a process), the task
   * removed (history: {@code completed}), the token moved on. With {@code variablesInReturn} the
   * task's variables as they were after setting are returned, else null.
   */
  public Map<String, TypedValue> complete(
      Caller caller, String id, Map<String, TypedValue> variables, boolean variablesInReturn) {
    return database.inTransaction(
        h -> {
          Task task = lockedForCommand(h, caller, id);
          access.check(h, caller, task, Kind.WORK);
          if ("PENDING".equals(task.delegationState())) {
            throw badRequest("ProcessEngineException",
                "A delegated task cannot be completed, but should be resolved instead.");
          }
          if (task.suspended()) {
            throw badRequest("SuspendedEntityInteractionException",
                "ENGINE-03043 task with id '" + id + "' is suspended.");
          }
          operationLog.log(
              h, caller, task, TaskOperationLog.COMPLETE, List.of(TaskOperationLog.Change.DELETED), lifecycle.now());
          Map<String, TypedValue> result = null;
          if (task.standalone()) {
            store.setLocalVariables(h, task.id(), variables, lifecycle.now());
            if (variablesInReturn) {
              result = visibleVariables(h, task);
            }
            lifecycle.end(h, task, UserTasks.COMPLETED);
            return result;
          }
          UserTaskContext listeners = listenersOf(h, task);
          Map<String, TypedValue> remaining = variables;
          if (!listeners.of(UserTaskListener.COMPLETE).isEmpty()) {
            // the complete listeners see the variables the task is completed with
            ExecutionFacade execution = listeners.execution().get();
            variables.forEach(execution::setVariable);
            remaining = Map.of();
            lifecycle.ending(h, task, UserTaskListener.COMPLETE, listeners);
          }
          if (variablesInReturn) {
            result = new LinkedHashMap<>(processVariables.all(h, task.processInstanceId()));
            result.putAll(remaining);
            result.putAll(store.localVariables(h, task.id()));
          }
          lifecycle.end(h, task, UserTasks.COMPLETED);
          runtime.completeUserTaskExecution(
              h, task.processInstanceId(), task.executionId(), remaining);
          return result;
        });
  }

  /**
   * Throws a BPMN error from the task's activity: variables set, the task removed (history: {@code
   * deleted}), an error boundary event catching the code takes the token; without one the token
   * ends, as for an external task.
   */
  public void handleBpmnError(
      Caller caller,
      String id,
      String errorCode,
      String errorMessage,
      Map<String, TypedValue> variables) {
    requireCode("errorCode", errorCode);
    throwFrom(
        caller,
        id,
        "a BPMN error",
        (h, task) -> {
          lifecycle.ending(h, task, UserTaskListener.DELETE, listenersOf(h, task));
          lifecycle.end(h, task, UserTasks.DELETED);
          runtime.throwBpmnError(
              h, task.processInstanceId(), task.executionId(), errorCode, errorMessage, variables);
        });
  }

  /**
   * Throws an escalation from the task's activity: variables set, the escalation boundary event of
   * an enclosing sub-process that catches the code takes it (an interrupting one removes the task,
   * a non-interrupting one leaves it open). Without one nothing changes and the call is refused.
   */
  public void handleEscalation(
      Caller caller, String id, String escalationCode, Map<String, TypedValue> variables) {
    requireCode("escalationCode", escalationCode);
    throwFrom(
        caller,
        id,
        "an escalation",
        (h, task) ->
            runtime.throwEscalation(
                h, task.processInstanceId(), task.executionId(), escalationCode, variables));
  }

  /**
   * Throws {@code thrown} from the task's activity in one transaction, once the caller may work
   * on the task and the task belongs to a process ({@code what} needs one).
   */
  private void throwFrom(
      Caller caller, String id, String what, java.util.function.BiConsumer<Handle, Task> thrown) {
    database.useTransaction(
        h -> {
          Task task = lockedForCommand(h, caller, id, () -> taskToThrowFromNotFound(id));
          access.check(h, caller, task, Kind.WORK);
          if (task.standalone()) {
            throw badRequest(
                "BadUserRequestException",
                "Task with id '" + id + "' belongs to no process; " + what + " needs one");
          }
          thrown.accept(h, task);
        });
  }

  /**
   * Camunda's candidate-group report: the number of unassigned tasks per candidate group (tasks
   * without one counted under null), ordered by group; needs {@code READ} on every task.
   */
  public List<CandidateGroupCount> countByCandidateGroup(Caller caller) {
    return database.withHandle(
        h -> {
          access.checkReadAll(h, caller);
          return store.countByCandidateGroup(h);
        });
  }

  // ------------------------------------------------------------------ identity links

  /**
   * The task's links: its assignee and owner (types {@code assignee}, {@code owner}) and its stored
   * links, those of {@code type} only when it is given.
   */
  public List<IdentityLink> identityLinks(Caller caller, String id, String type) {
    return database.withHandle(
        h -> {
          Task task = readable(h, caller, id, () -> cannotFind(id));
          List<IdentityLink> links = new ArrayList<>();
          if (task.assignee() != null) {
            links.add(new IdentityLink(task.assignee(), null, IdentityLink.ASSIGNEE));
          }
          if (task.owner() != null) {
            links.add(new IdentityLink(task.owner(), null, IdentityLink.OWNER));
          }
          links.addAll(store.links(h, id));
          return links.stream().filter(l -> type == null || type.equals(l.type())).toList();
        });
  }

  /** Adds a link; type {@code assignee} or {@code owner} sets that field instead. */
  public void addIdentityLink(Caller caller, String id, IdentityLink link) {
    changeLink(caller, id, link, true);
  }

  /** Removes a link; type {@code assignee} or {@code owner} clears that field. */
  public void deleteIdentityLink(Caller caller, String id, IdentityLink link) {
    changeLink(caller, id, link, false);
  }

  private void changeLink(Caller caller, String id, IdentityLink link, boolean add) {
    validate(link);
    database.useTransaction(
        h -> {
          Task task = lockedForCommand(h, caller, id);
          access.check(h, caller, task, Kind.ASSIGN);
          if (IdentityLink.ASSIGNEE.equals(link.type()) || IdentityLink.OWNER.equals(link.type())) {
            requireUser(link);
            save(
                h,
                caller,
                task,
                withPerson(task, link.type(), add ? link.userId() : null),
                caller.userId(),
                null);
          } else if (add) {
            lifecycle.addLink(h, task, link, caller.userId());
          } else {
            lifecycle.deleteLink(h, task, link, caller.userId());
          }
        });
  }

  private static Task withPerson(Task task, String type, String userId) {
    boolean assignee = IdentityLink.ASSIGNEE.equals(type);
    return withPeople(
        task,
        assignee ? userId : task.assignee(),
        assignee ? task.owner() : userId,
        task.delegationState());
  }

  private static void validate(IdentityLink link) {
    if (link.userId() != null && link.groupId() != null) {
      throw new InvalidRequestException("Only one of userId and groupId can be set.");
    }
    if (link.userId() == null && link.groupId() == null) {
      throw new InvalidRequestException("No userId or groupId set.");
    }
    if (link.type() == null) {
      throw badRequest("ProcessEngineException", "type is null");
    }
    FieldLimits.requireAtMost("userId", link.userId(), FieldLimits.NAME);
    FieldLimits.requireAtMost("groupId", link.groupId(), FieldLimits.NAME);
    FieldLimits.requireAtMost("type", link.type(), FieldLimits.NAME);
  }

  private static void requireUser(IdentityLink link) {
    if (link.userId() == null) {
      throw badRequest("ProcessEngineException",
          "Incompatible usage: cannot use type '" + link.type() + "' together with a groupId");
    }
  }

  // ------------------------------------------------------------------ variables

  /** The task's variables (process variables with its local ones over them), by name. */
  public Map<String, TypedValue> variables(Caller caller, String id, boolean local) {
    return database.withHandle(
        h -> {
          Task task = readableOrVariableError(h, caller, id);
          return local ? store.localVariables(h, id) : visibleVariables(h, task);
        });
  }

  private Map<String, TypedValue> visibleVariables(Handle h, Task task) {
    Map<String, TypedValue> all = new LinkedHashMap<>();
    if (!task.standalone()) {
      all.putAll(processVariables.all(h, task.processInstanceId()));
    }
    all.putAll(store.localVariables(h, task.id()));
    return all;
  }

  /**
   * Sets and removes variables ({@code modifications} first, then {@code deletions}); local ones
   * on the task, the others on its process instance (a standalone task's on the task).
   */
  public void modifyVariables(
      Caller caller,
      String id,
      boolean local,
      Map<String, TypedValue> modifications,
      List<String> deletions) {
    FieldLimits.requireEachAtMost("variable name", modifications.keySet(), FieldLimits.NAME);
    database.useTransaction(
        h -> {
          Task task = readableOrVariableError(h, caller, id);
          access.check(h, caller, task, Kind.UPDATE_VARIABLE);
          if (local || task.standalone()) {
            store.setLocalVariables(h, id, modifications, lifecycle.now());
            deletions.forEach(name -> store.deleteLocalVariable(h, id, name));
          } else {
            setVariables(h, task, modifications);
            List<String> remaining = new ArrayList<>();
            for (String name : deletions) {
              if (store.localVariables(h, id).containsKey(name)) {
                store.deleteLocalVariable(h, id, name);
              } else {
                remaining.add(name);
              }
            }
            processVariables.delete(h, task.processInstanceId(), remaining);
          }
        });
  }

  private void setVariables(Handle h, Task task, Map<String, TypedValue> variables) {
    if (variables.isEmpty()) {
      return;
    }
    if (task.standalone()) {
      store.setLocalVariables(h, task.id(), variables, lifecycle.now());
      return;
    }
    Map<String, TypedValue> locals = store.localVariables(h, task.id());
    Map<String, TypedValue> onTask = new LinkedHashMap<>();
    Map<String, TypedValue> onInstance = new LinkedHashMap<>();
    variables.forEach((name, value) -> (locals.containsKey(name) ? onTask : onInstance).put(name, value));
    store.setLocalVariables(h, task.id(), onTask, lifecycle.now());
    processVariables.setAll(h, task.processInstanceId(), onInstance);
  }

  /** Variable endpoints name a missing task in Camunda's words for variables. */
  private Task readableOrVariableError(Handle h, Caller caller, String id) {
    return readable(
        h,
        caller,
        id,
        () -> badRequest("NullValueException", "task " + id + " doesn't exist: task is null"));
  }

  // ------------------------------------------------------------------ forms

  /** The task's form reference ({@code camunda:formKey} or {@code camunda:formRef}). */
  public Task form(Caller caller, String id) {
    return database.withHandle(h -> readable(h, caller, id, () -> cannotFind(id)));
  }

  // ------------------------------------------------------------------ helpers

  /** The task if the caller may read it, else what {@code missing} supplies. */
  private Task readable(
      Handle h, Caller caller, String id, Supplier<? extends TernException> missing) {
    return store
        .find(h, id)
        .filter(task -> access.granted(h, caller, task, Kind.READ))
        .orElseThrow(missing);
  }

  private Task readableLocked(Handle h, Caller caller, String id) {
    return store
        .lock(h, id)
        .filter(task -> access.granted(h, caller, task, Kind.READ))
        .orElseThrow(() -> noMatchingTask(id));
  }

  /**
   * The task locked for a command that may move its token: the instance is locked first, as every
   * continuation of an instance does, then the task. The command checks its own permission (as
   * Camunda's commands, which need no {@code READ}).
   */
  private Task lockedForCommand(Handle h, Caller caller, String id) {
    return lockedForCommand(h, caller, id, () -> cannotFind(id));
  }

  private Task lockedForCommand(
      Handle h, Caller caller, String id, Supplier<? extends TernException> missing) {
    Task task = store.find(h, id).orElseThrow(missing);
    if (!task.standalone()) {
      runtime.lockProcessInstance(h, task.processInstanceId());
    }
    return store.lock(h, id).orElseThrow(missing);
  }

  /** Camunda's check of the code a task throws: "… is null" or "… is empty". */
  private static void requireCode(String name, String code) {
    if (code == null || code.isEmpty()) {
      throw badRequest("RestException", name + (code == null ? " is null" : " is empty"));
    }
  }

  private static NotFoundException taskToThrowFromNotFound(String id) {
    return new NotFoundException("RestException", "Cannot find task with id " + id + ": task is null");
  }

  private static TernException badRequest(String type, String message) {
    return new TernException(TernException.Category.BAD_REQUEST, type, message);
  }

  private static NotFoundException noMatchingTask(String id) {
    return new NotFoundException("InvalidRequestException", "No matching task with id " + id);
  }

  /** Camunda's answer to a command on a task that does not exist (its NullValueException: 400). */
  private static TernException cannotFind(String id) {
    return badRequest("NullValueException", "Cannot find task with id " + id + ": task is null");
  }

  private static String delegationState(String state) {
    if (state == null) {
      return null;
    }
    String upper = state.toUpperCase(java.util.Locale.ROOT);
    if (!upper.equals("PENDING") && !upper.equals("RESOLVED")) {
      throw new InvalidRequestException(
          "Valid values for property 'delegationState' are 'PENDING' or 'RESOLVED', but was '"
              + state
              + "'");
    }
    return upper;
  }

  private static void requireStorable(TaskChanges fields) {
    FieldLimits.requireAtMost("name", fields.name(), FieldLimits.NAME);
    FieldLimits.requireAtMost("description", fields.description(), 4000);
    FieldLimits.requireAtMost("assignee", fields.assignee(), FieldLimits.NAME);
    FieldLimits.requireAtMost("owner", fields.owner(), FieldLimits.NAME);
    FieldLimits.requireAtMost("parentTaskId", fields.parentTaskId(), FieldLimits.ID);
    FieldLimits.requireAtMost("tenantId", fields.tenantId(), FieldLimits.ID);
  }
}
