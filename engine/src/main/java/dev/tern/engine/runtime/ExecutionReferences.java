package dev.tern.engine.runtime;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The runtime rows that name an execution: its user and external tasks, jobs, incidents, event
 * subscriptions, local variables and the instances its call activity started. When Camunda 7.24
 * replaces one execution by another (the last concurrent path goes back into its parent), they
 * all move to the replacing execution; history keeps the old id, as in Camunda.
 */
final class ExecutionReferences {

  private static final List<String> NAMING_EXECUTION =
      List.of(
          "UPDATE tern_task SET execution_id = :to WHERE execution_id = :from",
          "UPDATE tern_external_task SET execution_id = :to WHERE execution_id = :from",
          "UPDATE tern_job SET execution_id = :to WHERE execution_id = :from",
          "UPDATE tern_incident SET execution_id = :to WHERE execution_id = :from",
          "UPDATE tern_event_subscription SET execution_id = :to WHERE execution_id = :from",
          "UPDATE tern_variable SET execution_id = :to WHERE execution_id = :from",
          "UPDATE tern_process_instance SET super_execution_id = :to WHERE super_execution_id = :from");

  private final ExecutionStore executions;

  ExecutionReferences(ExecutionStore executions) {
    this.executions = executions;
  }

  /** Replaces the execution row {@code fromId} by one with id {@code toId}, which must be free. */
  void replace(Handle handle, String fromId, String toId) {
    executions.copyExecution(handle, fromId, toId);
    for (String sql : NAMING_EXECUTION) {
      handle.createUpdate(sql).bind("from", fromId).bind("to", toId).execute();
    }
    executions.deleteExecution(handle, fromId);
  }
}
