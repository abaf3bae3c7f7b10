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
 *
 * <p>The people of a task (its assignee, owner, candidate users and members of its candidate groups)
 * may read and work it without an authorization of their own: Camunda grants them {@code READ} and
 * {@code UPDATE} on the task by creating authorizations when they are linked; Tern decides it from
 * the links themselves, so the access ends when the link does.
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
    return tenantMember(caller, task.tenantId())
        && (involved(handle, caller, task)
            || authorizer.grantedAny(handle, caller, checks(task, kind)));
  }

  /** Throws {@code AuthorizationException} (403) unless the caller has the access. */
  void check(Handle handle, Caller caller, Task task, Kind kind) {
    if (!involved(handle, caller, task)) {
      authorizer.check(handle, caller, checks(task, kind));
    }
  }

  /** Whether the caller is the task's assignee, owner, or one of its candidates. */
  private static boolean involved(Handle handle, Caller caller, Task task) {
    if (caller.unrestricted()) {
      return true;
    }
    if (caller.userId().equals(task.assignee()) || caller.userId().equals(task.owner())) {
      return true;
    }
    return handle
        .createQuery(
            "SELECT COUNT(*) FROM tern_task_identity_link l WHERE l.task_id = :task"
                + " AND l.link_type = 'candidate' AND (l.user_id = :user"
                + " OR l.group_id = ANY(:groups))")
        .bind("task", task.id())
        .bind("user", caller.userId())
        .bindArray("groups", String.class, caller.groupIds().toArray())
        .mapTo(Long.class)
        .one()
        > 0;
  }

  /** {@code CREATE} on the task resource type (a standalone task). */
  void checkCreate(Handle handle, Caller caller) {
    authorizer.check(
        handle, caller, PermissionCheck.of(Permission.of("CREATE", Resource.TASK), Resource.TASK));
  }

  /** {@code READ} on every task (Camunda's check for task reports). */
  void checkReadAll(Handle handle, Caller caller) {
    authorizer.check(
        handle, caller, PermissionCheck.of(Permission.of("READ", Resource.TASK), Resource.TASK));
  }

  /** {@code DELETE} on the task. */
  void checkDelete(Handle handle, Caller caller, Task task) {
    authorizer.check(
        handle,
        caller,
        PermissionCheck.of(Permission.of("DELETE", Resource.TASK), Resource.TASK, task.id()));
  }

  /**
   * The tasks the caller may read (by authorization, or as one of their people), of its tenants or
   * of none (for queries).
   */
  Restriction readable(Caller caller) {
    Restriction granted =
        authorizer.restriction(
            caller,
            new Authorizer.RowCheck(Permission.of("READ", Resource.TASK), Resource.TASK, "t.id"),
            new Authorizer.RowCheck(
                Permission.of("READ_TASK", Resource.PROCESS_DEFINITION),
                Resource.PROCESS_DEFINITION,
                "t.proc_def_key"));
    Restriction grantedOrInvolved =
        bind -> {
          String grants = granted.sql(bind);
          if (grants == null) {
            return null;
          }
          String user = bind.apply(caller.userId());
          StringBuilder candidate =
              new StringBuilder("l.user_id = ").append(user);
          for (String group : caller.groupIds()) {
            candidate.append(" OR l.group_id = ").append(bind.apply(group));
          }
          return "("
              + grants
              + " OR t.assignee = "
              + user
              + " OR t.owner = "
              + user
              + " OR EXISTS (SELECT 1 FROM tern_task_identity_link l WHERE l.task_id = t.id"
              + " AND l.link_type = 'candidate' AND ("
              + candidate
              + ")))";
        };
    return grantedOrInvolved.and(authorizer.tenantMember(caller, "t.tenant_id"));
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
