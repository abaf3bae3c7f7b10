package dev.tern.engine.runtime;

import org.jdbi.v3.core.Handle;

/**
 * Where the interpreter puts the user tasks its tokens wait in, and removes them when a token
 * leaves otherwise than by the task's completion (a boundary event interrupts the activity, the
 * instance is deleted). The task capability, which owns the tables, implements it.
 */
public interface UserTasks {

  /** Camunda's delete reason of a completed task. */
  String COMPLETED = "completed";

  /** Camunda's delete reason of a task removed without completion. */
  String DELETED = "deleted";

  /** Keeps no tasks: for engines built without the task capability. */
  UserTasks NONE =
      new UserTasks() {
        @Override
        public void create(Handle handle, NewUserTask task, UserTaskContext context) {}

        @Override
        public void deleteForExecution(
            Handle handle, String executionId, String deleteReason, UserTaskContext context) {}

        @Override
        public void deleteForProcessInstance(
            Handle handle, String processInstanceId, String deleteReason) {}

        @Override
        public void moveToExecution(Handle handle, String fromExecutionId, String toExecutionId) {}
      };

  /** Creates the task; its {@code create} (then {@code assignment}) listeners run. */
  void create(Handle handle, NewUserTask task, UserTaskContext context);

  /**
   * Removes the tasks of an execution, their history ended with {@code deleteReason}; their {@code
   * complete} listeners run for {@link #COMPLETED}, else their {@code delete} listeners.
   */
  void deleteForExecution(
      Handle handle, String executionId, String deleteReason, UserTaskContext context);

  /** Removes every task of an instance being deleted. */
  void deleteForProcessInstance(Handle handle, String processInstanceId, String deleteReason);

  /**
   * Moves the tasks of one execution to another (the first is being replaced by the second); their
   * history keeps the old id, as in Camunda.
   */
  void moveToExecution(Handle handle, String fromExecutionId, String toExecutionId);
}
