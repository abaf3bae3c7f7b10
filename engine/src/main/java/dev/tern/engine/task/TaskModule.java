package dev.tern.engine.task;

import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.Ids;
import dev.tern.engine.runtime.RuntimeService;
import dev.tern.engine.runtime.UserTasks;
import dev.tern.engine.runtime.VariableStore;
import java.time.Clock;

/**
 * Wires the task capability: first its {@link #userTasks()} hook for the runtime (which creates and
 * removes tasks as tokens move), then, once the runtime exists, its services.
 */
public final class TaskModule {

  private final Database database;
  private final Clock clock;
  private final Ids ids;
  private final TaskStore store;
  private final TaskLifecycle lifecycle;

  public TaskModule(Database database, Clock clock, Ids ids) {
    this.database = database;
    this.clock = clock;
    this.ids = ids;
    this.store = new TaskStore(ids);
    this.lifecycle =
        new TaskLifecycle(
            clock,
            ids,
            store,
            new TaskHistoryStore(ids),
            new TaskListeners(new dev.tern.engine.el.Expressions(clock), store));
  }

  /** What the interpreter calls when a token reaches, or is taken out of, a user task. */
  public UserTasks userTasks() {
    return lifecycle;
  }

  public TaskService taskService(
      RuntimeService runtime,
      VariableStore variables,
      Authorizer authorizer,
      dev.tern.engine.history.OperationLog operationLog) {
    return new TaskService(
        database,
        ids,
        store,
        lifecycle,
        runtime,
        variables,
        authorizer,
        new TaskOperationLog(operationLog, ids),
        new TaskPageDetails(store, variables, new CommentStore(), new AttachmentStore()));
  }

  /**
   * Deletes the task history of process instances: their tasks' comments and attachments, identity
   * link log and historic tasks (in this order: the first ones find their tasks in the last).
   */
  public dev.tern.engine.history.InstanceHistoryRemoval instanceHistory() {
    return dev.tern.engine.history.InstanceHistoryRemoval.of(
        new CommentStore()::deleteOfProcessInstances,
        new AttachmentStore()::deleteOfProcessInstances,
        TaskHistoryStore::deleteOfProcessInstances);
  }

  public TaskForms forms(TaskService tasks, dev.tern.engine.deployment.DeploymentService deployments) {
    return new TaskForms(tasks, deployments);
  }

  public TaskCommentService commentService(Authorizer authorizer) {
    return new TaskCommentService(database, clock, ids, new NoteTargets(store, authorizer));
  }

  public TaskAttachmentService attachmentService(Authorizer authorizer) {
    return new TaskAttachmentService(database, clock, ids, new NoteTargets(store, authorizer));
  }

  /**
   * Removal times and expiry of task history, the identity link log, comments and attachments
   * (which a deployment deleted with cascade leaves behind).
   */
  public dev.tern.engine.history.HistoryRetention retention() {
    return dev.tern.engine.history.HistoryRetention.of(
        dev.tern.engine.history.HistoryRetention.ofOutlivingTable(
            "tern_hi_identity_link", "root_process_instance_id"),
        dev.tern.engine.history.HistoryRetention.ofOutlivingTable(
            "tern_task_attachment", "root_process_instance_id"),
        dev.tern.engine.history.HistoryRetention.ofOutlivingTable(
            "tern_task_comment", "process_instance_id"),
        dev.tern.engine.history.HistoryRetention.ofOutlivingTable(
            "tern_hi_task", "process_instance_id"));
  }

  public HistoricTaskService historicTaskService(Authorizer authorizer) {
    return new HistoricTaskService(database, clock, authorizer);
  }
}
