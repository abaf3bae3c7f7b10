package dev.tern.engine.history;

import java.util.Collection;
import org.jdbi.v3.core.Handle;

/**
 * The external task log as the external-task capability writes it: an entry per event of a task's
 * life, copied from the task rows.
 */
public interface ExternalTaskLog {

  /**
   * Logs the tasks with these ids in the given state (not {@link LogState#FAILED}), as their rows are
   * now.
   *
   * @param taskIds a bounded set of task ids
   * @return the number of entries written
   */
  int log(Handle handle, LogState state, Collection<String> taskIds);

  /**
   * Logs a failure as Camunda does: the task as it was before the failure (its retries then), with
   * the new error message and details.
   */
  void logFailure(Handle handle, String taskId, String errorMessage, String errorDetails);
}
