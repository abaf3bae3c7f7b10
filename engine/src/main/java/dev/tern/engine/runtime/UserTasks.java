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
        public void create(Handle handle, NewUserTask task) {}

        @Override
        public void deleteForExecution(Handle handle, String executionId, String deleteReason) {}

        @Override
        public void deleteForProcessInstance(
            Handle handle, String processInstanceId, String deleteReason) {}
      };

  void create(Handle handle, NewUserTask task);

  /** Removes the tasks of an execution, their history ended with {@code deleteReason}. */
  void deleteForExecution(Handle handle, String executionId, String deleteReason);

  /** Removes every task of an instance being deleted. */
  void deleteForProcessInstance(Handle handle, String processInstanceId, String deleteReason);
}
