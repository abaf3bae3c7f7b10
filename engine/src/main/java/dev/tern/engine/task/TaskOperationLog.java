package dev.tern.engine.task;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.history.OperationLog;
import dev.tern.engine.history.UserOperationLogEntry;
import dev.tern.engine.history.UserOperationLogEntry.PropertyChange;
import dev.tern.engine.persistence.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Task entries of the user operation log, as Camunda writes them when a user is authenticated:
 * one entry per changed property ({@code assignee}, {@code owner}, {@code delegation}, {@code
 * name}, …; {@code delete} for completion and deletion), sharing an operation id, category {@code
 * TaskWorker}. Dates are logged as epoch milliseconds, as Camunda's property changes render them.
 */
final class TaskOperationLog {

  static final String CLAIM = "Claim";
  static final String ASSIGN = "Assign";
  static final String DELEGATE = "Delegate";
  static final String RESOLVE = "Resolve";
  static final String COMPLETE = "Complete";
  static final String DELETE = "Delete";
  static final String UPDATE = "Update";

  record Change(String property, Object orgValue, Object newValue) {
    static final Change DELETED = new Change("delete", false, true);
  }

  private final OperationLog log;
  private final Ids ids;

  TaskOperationLog(OperationLog log, Ids ids) {
    this.log = log;
    this.ids = ids;
  }

  void log(
      org.jdbi.v3.core.Handle h,
      Caller caller,
      Task task,
      String operationType,
      List<Change> changes,
      Instant now) {
    if (caller.userId() == null) {
      return;
    }
    List<Change> logged = changes.isEmpty() ? List.of(new Change(null, null, null)) : changes;
    log.insert(
        h,
        UserOperationLogEntry.ofOperation(
            ids::next,
            UserOperationLogEntry.builder()
                .userId(caller.userId())
                .timestamp(now)
                .operationType(operationType)
                .entityType(UserOperationLogEntry.ENTITY_TYPE_TASK)
                .category(UserOperationLogEntry.CATEGORY_TASK_WORKER)
                .taskId(task.id())
                .processInstanceId(task.processInstanceId())
                .executionId(task.executionId())
                .processDefinitionId(task.processDefinitionId())
                .processDefinitionKey(task.processDefinitionKey())
                .tenantId(task.tenantId()),
            logged.stream()
                .map(c -> new PropertyChange(c.property(), text(c.orgValue()), text(c.newValue())))
                .toList()));
  }

  /** The properties a change of the task's fields changed, in Camunda's names. */
  static List<Change> diff(Task before, Task after) {
    List<Change> changes = new ArrayList<>();
    add(changes, "name", before.name(), after.name());
    add(changes, "description", before.description(), after.description());
    add(changes, "owner", before.owner(), after.owner());
    add(changes, "assignee", before.assignee(), after.assignee());
    add(changes, "delegation", before.delegationState(), after.delegationState());
    add(changes, "priority", before.priority(), after.priority());
    add(changes, "dueDate", before.due(), after.due());
    add(changes, "followUpDate", before.followUp(), after.followUp());
    add(changes, "parentTask", before.parentTaskId(), after.parentTaskId());
    return changes;
  }

  private static void add(List<Change> changes, String property, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      changes.add(new Change(property, before, after));
    }
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof Instant instant
        ? Long.toString(instant.toEpochMilli())
        : value.toString();
  }
}
