package dev.tern.engine.task;

import dev.tern.engine.deployment.model.UserTaskListener;
import dev.tern.engine.runtime.NewUserTask;
import dev.tern.engine.runtime.UserTaskContext;
import dev.tern.engine.runtime.UserTasks;
import dev.tern.engine.runtime.WaitingActivity;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * A task's birth and end with their history: the interpreter creates tasks through it when a token
 * reaches a user task and removes them when the activity is interrupted or the instance deleted;
 * the task service ends them on completion.
 */
final class TaskLifecycle implements UserTasks {

  static final String STATE_CREATED = "Created";
  static final String STATE_UPDATED = "Updated";
  static final String STATE_COMPLETED = "Completed";
  static final String STATE_DELETED = "Deleted";

  private final Clock clock;
  private final dev.tern.engine.persistence.Ids ids;
  private final TaskStore store;
  private final TaskHistoryStore history;
  private final TaskListeners listeners;

  TaskLifecycle(
      Clock clock,
      dev.tern.engine.persistence.Ids ids,
      TaskStore store,
      TaskHistoryStore history,
      TaskListeners listeners) {
    this.clock = clock;
    this.ids = ids;
    this.store = store;
    this.history = history;
    this.listeners = listeners;
  }

  @Override
  public void create(Handle handle, NewUserTask task, UserTaskContext context) {
    WaitingActivity where = task.where();
    Instant now = now();
    Task created =
        new Task(
            ids.next(),
            task.name(),
            task.description(),
            task.assignee(),
            null,
            null,
            task.priority(),
            now,
            null,
            task.dueDate(),
            task.followUpDate(),
            where.executionId(),
            where.processInstanceId(),
            where.processDefinitionId(),
            where.processDefinitionKey(),
            where.activityInstanceId(),
            where.activityId(),
            null,
            task.form().formKey(),
            task.form().formRef(),
            task.form().formRef() == null ? null : binding(task.form().binding()),
            version(task.form().version()),
            where.tenantId(),
            STATE_CREATED,
            false);
    insert(handle, created);
    for (String user : task.candidateUsers()) {
      addLink(handle, created, new IdentityLink(user, null, IdentityLink.CANDIDATE), null);
    }
    for (String group : task.candidateGroups()) {
      addLink(handle, created, new IdentityLink(null, group, IdentityLink.CANDIDATE), null);
    }
    // as in Camunda: create first, then assignment when the task has an assignee
    Task current =
        keep(handle, created, listeners.fire(handle, created, UserTaskListener.CREATE, context, this), STATE_CREATED);
    if (current.assignee() != null) {
      keep(handle, current, listeners.fire(handle, current, UserTaskListener.ASSIGNMENT, context, this), STATE_CREATED);
    }
  }

  /**
   * Changes a task: its {@code update} listeners run when a field changed, then its {@code
   * assignment} listeners when the assignee did; the task as they left it is stored with its
   * history (a new assignee or owner logged as a link change by {@code assignerId}).
   */
  Task change(Handle handle, Task before, Task after, UserTaskContext context, String assignerId) {
    Task current = after;
    if (!before.equals(after)) {
      current = listeners.fire(handle, current, UserTaskListener.UPDATE, context, this);
    }
    if (!Objects.equals(before.assignee(), current.assignee())) {
      current = listeners.fire(handle, current, UserTaskListener.ASSIGNMENT, context, this);
    }
    return save(handle, before, current, assignerId, STATE_UPDATED);
  }

  /**
   * Runs the {@code complete} or {@code delete} listeners of a task about to end and stores what
   * they changed.
   */
  Task ending(Handle handle, Task task, String event, UserTaskContext context) {
    return keep(handle, task, listeners.fire(handle, task, event, context, this), STATE_UPDATED);
  }

  /** Stores what listeners changed, if anything. */
  private Task keep(Handle handle, Task before, Task after, String state) {
    return before.equals(after) ? before : save(handle, before, after, null, state);
  }

  private Task save(Handle handle, Task before, Task after, String assignerId, String state) {
    Task saved = after.withState(state, now());
    store.update(handle, saved);
    history.updated(handle, saved);
    logPersonChange(handle, saved, IdentityLink.ASSIGNEE, before.assignee(), saved.assignee(), assignerId);
    logPersonChange(handle, saved, IdentityLink.OWNER, before.owner(), saved.owner(), assignerId);
    return saved;
  }

  private void logPersonChange(
      Handle handle, Task task, String type, String before, String after, String assignerId) {
    if (Objects.equals(before, after)) {
      return;
    }
    if (before != null) {
      logLink(handle, task, new IdentityLink(before, null, type), "delete", assignerId);
    }
    if (after != null) {
      logLink(handle, task, new IdentityLink(after, null, type), "add", assignerId);
    }
  }

  private static String binding(String binding) {
    return binding == null ? "latest" : binding;
  }

  private static Integer version(String version) {
    if (version == null) {
      return null;
    }
    try {
      return Integer.valueOf(version.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Stores a new task and its history, with the assignee logged as a link. */
  void insert(Handle handle, Task task) {
    store.insert(handle, task);
    history.started(handle, task);
    Instant now = task.created();
    if (task.assignee() != null) {
      history.linkLogged(
          handle, task, new IdentityLink(task.assignee(), null, IdentityLink.ASSIGNEE), "add", null, now);
    }
    if (task.owner() != null) {
      history.linkLogged(
          handle, task, new IdentityLink(task.owner(), null, IdentityLink.OWNER), "add", null, now);
    }
  }

  void addLink(Handle handle, Task task, IdentityLink link, String assignerId) {
    store.addLink(handle, task.id(), link);
    history.linkLogged(handle, task, link, "add", assignerId, now());
  }

  void deleteLink(Handle handle, Task task, IdentityLink link, String assignerId) {
    if (store.deleteLink(handle, task.id(), link)) {
      history.linkLogged(handle, task, link, "delete", assignerId, now());
    }
  }

  /** Logs an assignee or owner change (those live on the task row, not as stored links). */
  void logLink(Handle handle, Task task, IdentityLink link, String operation, String assignerId) {
    history.linkLogged(handle, task, link, operation, assignerId, now());
  }

  /** Removes one task, its history ended as completed or deleted. */
  void end(Handle handle, Task task, String deleteReason) {
    end(handle, List.of(task.id()), deleteReason);
  }

  @Override
  public void deleteForExecution(
      Handle handle, String executionId, String deleteReason, UserTaskContext context) {
    List<String> taskIds = store.idsWhere(handle, "execution_id", executionId);
    String event = COMPLETED.equals(deleteReason) ? UserTaskListener.COMPLETE : UserTaskListener.DELETE;
    if (!context.of(event).isEmpty()) {
      for (String id : taskIds) {
        store.find(handle, id).ifPresent(task -> ending(handle, task, event, context));
      }
    }
    end(handle, taskIds, deleteReason);
  }

  @Override
  public void moveToExecution(Handle handle, String fromExecutionId, String toExecutionId) {
    store.moveToExecution(handle, fromExecutionId, toExecutionId);
  }

  @Override
  public void deleteForProcessInstance(
      Handle handle, String processInstanceId, String deleteReason) {
    end(handle, store.idsWhere(handle, "process_instance_id", processInstanceId), deleteReason);
  }

  private void end(Handle handle, List<String> taskIds, String deleteReason) {
    if (taskIds.isEmpty()) {
      return;
    }
    String state = COMPLETED.equals(deleteReason) ? STATE_COMPLETED : STATE_DELETED;
    history.ended(handle, taskIds, deleteReason, state, now());
    store.delete(handle, taskIds);
  }

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
