package dev.tern.engine.runtime;

import org.jdbi.v3.core.Handle;

/**
 * Where the interpreter puts the external tasks its tokens wait in, and removes them when a token
 * leaves otherwise (a boundary event interrupts the activity). The external-task capability, which
 * owns the table, implements it.
 */
public interface ExternalTasks {

  /** Refuses every external task: for engines built without the external-task capability. */
  ExternalTasks NONE =
      new ExternalTasks() {
        @Override
        public void create(Handle handle, NewExternalTask task) {
          throw new IllegalStateException("External tasks are not available in this engine");
        }

        @Override
        public void deleteForExecution(Handle handle, String executionId) {}

        @Override
        public void deleteForProcessInstance(Handle handle, String processInstanceId) {}

        @Override
        public void moveToExecution(Handle handle, String fromExecutionId, String toExecutionId) {}
      };

  void create(Handle handle, NewExternalTask task);

  void deleteForExecution(Handle handle, String executionId);

  /** Removes every task of an instance being deleted (its incidents are the caller's). */
  void deleteForProcessInstance(Handle handle, String processInstanceId);

  /** Moves the tasks of one execution to another (the first is being replaced by the second). */
  void moveToExecution(Handle handle, String fromExecutionId, String toExecutionId);
}
