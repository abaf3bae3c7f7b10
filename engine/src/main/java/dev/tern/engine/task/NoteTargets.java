package dev.tern.engine.task;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.Permission;
import dev.tern.engine.authorization.PermissionCheck;
import dev.tern.engine.authorization.Resource;
import dev.tern.engine.task.TaskAccess.Kind;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Finds the task of comments and attachments and decides who may see and change them. Camunda
 * keeps both as history, so an ended task still has them. An open task follows the task
 * permissions ({@code READ} to see, {@code TASK_WORK} to change, its people always); an ended one
 * the history permissions of its definition ({@code READ_HISTORY}, {@code UPDATE_HISTORY}).
 */
final class NoteTargets {

  private final TaskStore tasks;
  private final TaskAccess access;
  private final Authorizer authorizer;

  NoteTargets(TaskStore tasks, Authorizer authorizer) {
    this.tasks = tasks;
    this.access = new TaskAccess(authorizer);
    this.authorizer = authorizer;
  }

  /** The task if it exists (open or ended) and the caller may see it; else empty. */
  Optional<NoteTarget> readable(Handle h, Caller caller, String taskId) {
    return find(h, taskId).filter(target -> mayRead(h, caller, target));
  }

  /**
   * The task the caller may see, as Camunda looks it up in history: else 404 for reads and
   * changes, 400 ({@code notFound} false) when creating a note.
   */
  NoteTarget require(Handle h, Caller caller, String taskId, boolean notFound) {
    return readable(h, caller, taskId)
        .orElseThrow(
            () -> {
              String message = "No task found for task id " + taskId;
              return notFound
                  ? new NotFoundException(message)
                  : new InvalidRequestException(message);
            });
  }

  private boolean mayRead(Handle h, Caller caller, NoteTarget target) {
    if (target.open() != null) {
      return access.granted(h, caller, target.open(), Kind.READ);
    }
    return tenantMember(caller, target.tenantId())
        && authorizer.grantedAny(h, caller, onDefinition(Permission.READ_HISTORY, target));
  }

  /** Throws {@code AuthorizationException} unless the caller may change the task's notes. */
  void checkChange(Handle h, Caller caller, NoteTarget target) {
    if (target.open() != null) {
      access.check(h, caller, target.open(), Kind.WORK);
    } else {
      authorizer.check(
          h, caller, onDefinition(Permission.of("UPDATE_HISTORY", Resource.PROCESS_DEFINITION), target));
    }
  }

  private Optional<NoteTarget> find(Handle h, String taskId) {
    Task open = tasks.find(h, taskId).orElse(null);
    return h.createQuery(
            "SELECT proc_def_key, tenant_id, root_process_instance_id FROM tern_hi_task"
                + " WHERE id = :id")
        .bind("id", taskId)
        .map(
            (rs, ctx) ->
                new NoteTarget(
                    taskId,
                    rs.getString("proc_def_key"),
                    rs.getString("tenant_id"),
                    rs.getString("root_process_instance_id"),
                    open))
        .findOne();
  }

  /** On the definition by key; a standalone task's only by a grant on every definition. */
  private static PermissionCheck onDefinition(Permission permission, NoteTarget target) {
    return PermissionCheck.of(permission, Resource.PROCESS_DEFINITION, target.processDefinitionKey());
  }

  private static boolean tenantMember(Caller caller, String tenantId) {
    return caller.unrestricted() || tenantId == null || caller.tenantIds().contains(tenantId);
  }
}
