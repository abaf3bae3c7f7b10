package dev.tern.engine.runtime;

import dev.tern.engine.job.Job;
import dev.tern.engine.job.Jobs;
import dev.tern.engine.persistence.OwnedRows;
import dev.tern.engine.persistence.Rows;
import dev.tern.engine.query.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The only writer of the runtime rows {@code tern_process_instance} (reads and locks are {@link
 * ProcessInstanceStore}'s) and {@code tern_execution} (the resting tokens). Every method runs in
 * the caller's transaction.
 */
final class ExecutionStore {

  static final String DEFINITIONS_OF_DEPLOYMENT =
      "(SELECT id FROM tern_process_definition WHERE deployment_id = :deploymentId)";

  private static final String EXECUTION_COLUMNS =
      "id, process_instance_id, parent_id, activity_id, activity_instance_id, state, create_time,"
          + " loop_counter, outer_id, scope_execution_id";

  /** {@link #EXECUTION_COLUMNS} of the execution {@code e}, labelled {@code e_…}. */
  private static final String JOINED_EXECUTION_COLUMNS = Columns.labelled("e", EXECUTION_COLUMNS);

  /**
   * Inserts an instance row.
   *
   * @param superExecutionId the calling instance's token waiting in the call activity, or null
   */
  public void insertInstance(
      Handle handle, RuntimeProcessInstance instance, String superExecutionId) {
    handle
        .createUpdate(
            """
            INSERT INTO tern_process_instance (id, rev, proc_def_id, proc_def_key, business_key,
              tenant_id, suspended, start_time, start_user_id, super_process_instance_id,
              root_process_instance_id, super_execution_id)
            VALUES (:id, 1, :processDefinitionId, :processDefinitionKey, :businessKey, :tenantId,
              :suspended, :startTime, :startUserId, :superProcessInstanceId,
              :rootProcessInstanceId, :superExecutionId)
            """)
        .bind("id", instance.id())
        .bind("processDefinitionId", instance.processDefinitionId())
        .bind("processDefinitionKey", instance.processDefinitionKey())
        .bind("businessKey", instance.businessKey())
        .bind("tenantId", instance.tenantId())
        .bind("suspended", instance.suspended())
        .bindByType("startTime", instance.startTime(), Instant.class)
        .bind("startUserId", instance.startUserId())
        .bind("superProcessInstanceId", instance.superProcessInstanceId())
        .bind("rootProcessInstanceId", instance.rootProcessInstanceId())
        .bind("superExecutionId", superExecutionId)
        .execute();
  }

  /** The calling token of an instance a call activity started; empty for other instances. */
  public Optional<String> findSuperExecution(Handle handle, String processInstanceId) {
    return handle
        .createQuery("SELECT super_execution_id FROM tern_process_instance WHERE id = :id")
        .bind("id", processInstanceId)
        .mapTo(String.class)
        .findOne()
        .filter(java.util.Objects::nonNull);
  }

  /** The instances a call activity's token started (normally one). */
  public List<String> findCalledBy(Handle handle, String superExecutionId) {
    return handle
        .createQuery("SELECT id FROM tern_process_instance WHERE super_execution_id = :e ORDER BY id")
        .bind("e", superExecutionId)
        .mapTo(String.class)
        .list();
  }

  /** The instances the call activities of an instance started. */
  public List<String> findSubInstances(Handle handle, String processInstanceId) {
    return handle
        .createQuery(
            "SELECT id FROM tern_process_instance WHERE super_process_instance_id = :pi ORDER BY id")
        .bind("pi", processInstanceId)
        .mapTo(String.class)
        .list();
  }

  /** Removes the instance row; its executions and variables go with it (ON DELETE CASCADE). */
  public void deleteInstance(Handle handle, String processInstanceId) {
    handle
        .createUpdate("DELETE FROM tern_process_instance WHERE id = :id")
        .bind("id", processInstanceId)
        .execute();
  }

  /**
   * Suspends or activates an instance row.
   *
   * @return false if the instance does not exist
   */
  public boolean updateInstanceSuspended(Handle handle, String processInstanceId, boolean suspended) {
    return handle
            .createUpdate(
                "UPDATE tern_process_instance SET suspended = :s, rev = rev + 1 WHERE id = :id")
            .bind("s", suspended)
            .bind("id", processInstanceId)
            .execute()
        > 0;
  }

  /** Removes every execution of an instance. */
  public void deleteExecutionsOf(Handle handle, String processInstanceId) {
    handle
        .createUpdate("DELETE FROM tern_execution WHERE process_instance_id = :id")
        .bind("id", processInstanceId)
        .execute();
  }

  /** Removes the instances (with their executions) of the process definitions of a deployment. */
  public void deleteOfDeployment(Handle handle, String deploymentId) {
    handle
        .createUpdate(
            "DELETE FROM tern_execution WHERE process_instance_id IN (SELECT id FROM"
                + " tern_process_instance WHERE proc_def_id IN " + DEFINITIONS_OF_DEPLOYMENT + ")")
        .bind("deploymentId", deploymentId)
        .execute();
    handle
        .createUpdate(
            "DELETE FROM tern_process_instance WHERE proc_def_id IN " + DEFINITIONS_OF_DEPLOYMENT)
        .bind("deploymentId", deploymentId)
        .execute();
  }

  public void insertExecution(Handle handle, ExecutionRow execution) {
    handle
        .createUpdate(
            "INSERT INTO tern_execution (id, rev, process_instance_id, parent_id, activity_id,"
                + " activity_instance_id, state, create_time, loop_counter, outer_id,"
                + " scope_execution_id) VALUES (:id, 1, :processInstanceId, :parentId, :activityId,"
                + " :activityInstanceId, :state, :createTime, :loopCounter, :outerId,"
                + " :scopeExecutionId)")
        .bind("id", execution.id())
        .bind("processInstanceId", execution.processInstanceId())
        .bind("parentId", execution.parentId())
        .bind("activityId", execution.activityId())
        .bind("activityInstanceId", execution.activityInstanceId())
        .bind("state", execution.state().name())
        .bind("createTime", execution.createTime())
        .bind("loopCounter", execution.loopCounter())
        .bind("outerId", execution.outerId())
        .bind("scopeExecutionId", execution.scopeExecutionId())
        .execute();
  }

  /** @param scopeExecutionId see {@link ExecutionRow#scopeExecutionId()} */
  public void moveExecution(
      Handle handle,
      String executionId,
      String activityId,
      String activityInstanceId,
      ExecutionState state,
      String scopeExecutionId) {
    handle
        .createUpdate(
            "UPDATE tern_execution SET activity_id = :activityId, activity_instance_id ="
                + " :activityInstanceId, state = :state, scope_execution_id = :scope,"
                + " rev = rev + 1 WHERE id = :id")
        .bind("id", executionId)
        .bind("activityId", activityId)
        .bind("activityInstanceId", activityInstanceId)
        .bind("state", state.name())
        .bind("scope", scopeExecutionId)
        .execute();
  }

  /**
   * Gives an execution row another id (Camunda replaces a pruned concurrent execution by its
   * parent): a copy under the new id takes its children, then the old row goes. The rows of other
   * tables naming it are {@link ExecutionReferences}' to move in between.
   */
  void copyExecution(Handle handle, String fromId, String toId) {
    handle
        .createUpdate(
            "INSERT INTO tern_execution (id, rev, process_instance_id, parent_id, activity_id,"
                + " activity_instance_id, state, create_time, loop_counter, outer_id,"
                + " scope_execution_id) SELECT :to, rev + 1, process_instance_id, parent_id,"
                + " activity_id, activity_instance_id, state, create_time, loop_counter,"
                + " outer_id, scope_execution_id FROM tern_execution WHERE id = :from")
        .bind("from", fromId)
        .bind("to", toId)
        .execute();
    OwnedRows.moveToExecution(handle, "tern_execution", "parent_id", fromId, toId);
  }

  /** The instances a call activity of execution {@code fromId} started name {@code toId} instead. */
  void moveCalledInstances(Handle handle, String fromId, String toId) {
    OwnedRows.moveToExecution(handle, "tern_process_instance", "super_execution_id", fromId, toId);
  }

  /** The id a token resting under an execution of its own takes again when it leaves. */
  void updateOuterId(Handle handle, String executionId, String outerId) {
    handle
        .createUpdate("UPDATE tern_execution SET outer_id = :outer, rev = rev + 1 WHERE id = :id")
        .bind("id", executionId)
        .bind("outer", outerId)
        .execute();
  }

  public void deleteExecution(Handle handle, String executionId) {
    handle.createUpdate("DELETE FROM tern_execution WHERE id = :id").bind("id", executionId).execute();
  }

  public Optional<ExecutionRow> findExecution(Handle handle, String executionId) {
    return handle
        .createQuery("SELECT " + EXECUTION_COLUMNS + " FROM tern_execution WHERE id = :id")
        .bind("id", executionId)
        .map(ExecutionStore::execution)
        .findOne();
  }

  /**
   * An exclusive job read again under its instance's lock, with the row of its execution (kept
   * through {@code execution} when there is one): one statement instead of two.
   */
  public Optional<Job> findJobWithExecution(
      Handle handle, String jobId, Jobs jobs, Consumer<ExecutionRow> execution) {
    return jobs.findByIdJoined(
        handle,
        jobId,
        "LEFT JOIN tern_execution e ON e.id = j.execution_id",
        JOINED_EXECUTION_COLUMNS,
        (rs, ctx) -> rs.getString("e_id") == null ? null : labelled(rs, ctx, "e_"),
        row -> {
          if (row != null) {
            execution.accept(row);
          }
        });
  }

  /** The tokens resting at one activity of an instance in the given state, oldest first. */
  public List<ExecutionRow> findAt(
      Handle handle, String processInstanceId, String activityId, ExecutionState state) {
    return handle
        .createQuery(
            "SELECT "
                + EXECUTION_COLUMNS
                + " FROM tern_execution WHERE process_instance_id = :pi AND activity_id ="
                + " :activityId AND state = :state ORDER BY create_time, id")
        .bind("pi", processInstanceId)
        .bind("activityId", activityId)
        .bind("state", state.name())
        .map(ExecutionStore::execution)
        .list();
  }

  /** The row resting at the embedded sub-process whose scope execution has this id, if any. */
  public Optional<ExecutionRow> findByScopeExecution(Handle handle, String scopeExecutionId) {
    return handle
        .createQuery(
            "SELECT " + EXECUTION_COLUMNS + " FROM tern_execution WHERE scope_execution_id = :id")
        .bind("id", scopeExecutionId)
        .map(ExecutionStore::execution)
        .findOne();
  }

  /** The executions whose scope execution is the given one, oldest first. */
  public List<ExecutionRow> findChildren(Handle handle, String parentId) {
    return findWhere(handle, "parent_id", parentId);
  }

  public boolean hasChildren(Handle handle, String parentId) {
    return existsWhere(handle, "parent_id", parentId);
  }

  public List<ExecutionRow> findByInstance(Handle handle, String processInstanceId) {
    return findWhere(handle, "process_instance_id", processInstanceId);
  }

  private static List<ExecutionRow> findWhere(Handle handle, String column, String value) {
    return handle
        .createQuery(
            "SELECT " + EXECUTION_COLUMNS + " FROM tern_execution WHERE " + column + " = :v"
                + " ORDER BY create_time, id")
        .bind("v", value)
        .map(ExecutionStore::execution)
        .list();
  }

  private static boolean existsWhere(Handle handle, String column, String value) {
    return handle
        .createQuery("SELECT COUNT(*) FROM tern_execution WHERE " + column + " = :v")
        .bind("v", value)
        .mapTo(Long.class)
        .one() > 0;
  }

  private static ExecutionRow execution(ResultSet rs, StatementContext ctx) throws SQLException {
    return labelled(rs, ctx, "");
  }

  /** An execution row whose column labels carry {@code prefix}. */
  private static ExecutionRow labelled(ResultSet rs, StatementContext ctx, String prefix)
      throws SQLException {
    return new ExecutionRow(
        rs.getString(prefix + "id"),
        rs.getString(prefix + "process_instance_id"),
        rs.getString(prefix + "parent_id"),
        rs.getString(prefix + "activity_id"),
        rs.getString(prefix + "activity_instance_id"),
        ExecutionState.valueOf(rs.getString(prefix + "state")),
        Rows.instant(rs, prefix + "create_time"),
        rs.getObject(prefix + "loop_counter") == null ? null : rs.getInt(prefix + "loop_counter"),
        rs.getString(prefix + "outer_id"),
        rs.getString(prefix + "scope_execution_id"));
  }
}
