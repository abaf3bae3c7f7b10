package dev.tern.engine.task;

import dev.tern.engine.authorization.Authorizer;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.authorization.Permission;
import dev.tern.engine.authorization.PermissionCheck;
import dev.tern.engine.authorization.Resource;
import dev.tern.engine.query.Restriction;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Camunda's task permissions: each kind of access is granted by a permission on the task itself or
 * by its counterpart on the task's process definition (by key; a standalone task has none).
 */
final class TaskAccess {

  /** A kind of access to one task, with the permissions that grant it. */
  enum Kind {
    READ(List.of("READ"), List.of("READ_TASK")),
    UPDATE(List.of("UPDATE"), List.of("UPDATE_TASK")),
    /** Claim, unclaim, set the assignee or owner, delegate, change candidates. */
    ASSIGN(List.of("TASK_ASSIGN", "UPDATE"), List.of("TASK_ASSIGN", "UPDATE_TASK")),
    /** Complete, resolve, submit a form, throw an error or escalation. */
    WORK(List.of("TASK_WORK", "UPDATE"), List.of("TASK_WORK", "UPDATE_TASK")),
    UPDATE_VARIABLE(
        List.of("UPDATE", "UPDATE_VARIABLE"), List.of("UPDATE_TASK", "UPDATE_TASK_VARIABLE"));

    private final List<String> onTask;
    private final List<String> onDefinition;

    Kind(List<String> onTask, List<String> onDefinition) {
      this.onTask = onTask;
      this.onDefinition = onDefinition;
    }
  }

  private final Authorizer authorizer;

  TaskAccess(Authorizer authorizer) {
    this.authorizer = authorizer;
  }

  boolean granted(Handle handle, Caller caller, Task task, Kind kind) {
    return authorizer.grantedAny(handle, caller, checks(task, kind))
        && tenantMember(caller, task.tenantId());
  }

  /** Throws {@code AuthorizationException} (403) unless the caller has the access. */
  void check(Handle handle, Caller caller, Task task, Kind kind) {
    authorizer.check(handle, caller, checks(task, kind));
  }

  /** {@code CREATE} on the task resource type (a standalone task). */
  void checkCreate(Handle handle, Caller caller) {
    authorizer.check(
        handle, caller, PermissionCheck.of(Permission.of("CREATE", Resource.TASK), Resource.TASK));
  }

  /** {@code DELETE} on the task. */
  void checkDelete(Handle handle, Caller caller, Task task) {
    authorizer.check(
        handle,
        caller,
        PermissionCheck.of(Permission.of("DELETE", Resource.TASK), Resource.TASK, task.id()));
  }

  /** The tasks the caller may read, of its tenants or of none (for queries). */
  Restriction readable(Caller caller) {
    return authorizer.readable(
        caller,
        "t.tenant_id",
        new Authorizer.RowCheck(Permission.of("READ", Resource.TASK), Resource.TASK, "t.id"),
        new Authorizer.RowCheck(
            Permission.of("READ_TASK", Resource.PROCESS_DEFINITION),
            Resource.PROCESS_DEFINITION,
            "t.proc_def_key"));
  }

  private static boolean tenantMember(Caller caller, String tenantId) {
    return caller.unrestricted() || tenantId == null || caller.tenantIds().contains(tenantId);
  }

  private static PermissionCheck[] checks(Task task, Kind kind) {
    List<PermissionCheck> checks = new ArrayList<>();
    for (String name : kind.onTask) {
      checks.add(PermissionCheck.of(Permission.of(name, Resource.TASK), Resource.TASK, task.id()));
    }
    if (task.processDefinitionKey() != null) {
      for (String name : kind.onDefinition) {
        checks.add(
            PermissionCheck.of(
                Permission.of(name, Resource.PROCESS_DEFINITION),
                Resource.PROCESS_DEFINITION,
                task.processDefinitionKey()));
      }
    }
    return checks.toArray(PermissionCheck[]::new);
  }
}
