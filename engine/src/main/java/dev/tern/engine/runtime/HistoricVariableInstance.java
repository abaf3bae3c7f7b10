package dev.tern.engine.runtime;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A row of {@code tern_hi_variable}: a process variable as history keeps it (its latest value).
 *
 * @param state {@code CREATED}, or {@code DELETED} once the variable was removed
 */
public record HistoricVariableInstance(
    String id,
    String name,
    TypedValue value,
    Owner owner,
    String state,
    Instant createTime,
    Instant removalTime) {

  /** This variable with another value (e.g. with the bytes the listing leaves out). */
  HistoricVariableInstance withValue(TypedValue other) {
    return new HistoricVariableInstance(id, name, other, owner, state, createTime, removalTime);
  }

  /**
   * Where the variable lives (also of its updates, {@link HistoricDetail}).
   *
   * @param rootProcessInstanceId the first instance of the call chain (the instance itself when no
   *     call activity started it)
   */
  public record Owner(
      String processInstanceId,
      String executionId,
      String activityInstanceId,
      String processDefinitionId,
      String processDefinitionKey,
      String tenantId,
      String rootProcessInstanceId) {

    public Owner {
      if (rootProcessInstanceId == null) {
        rootProcessInstanceId = processInstanceId;
      }
    }

    /** The owner columns of a variable history row ({@code tern_hi_variable}, {@code tern_hi_detail}). */
    static Owner read(ResultSet rs) throws SQLException {
      return new Owner(
          rs.getString("process_instance_id"),
          rs.getString("execution_id"),
          rs.getString("act_inst_id"),
          rs.getString("proc_def_id"),
          rs.getString("proc_def_key"),
          rs.getString("tenant_id"),
          rs.getString("root_process_instance_id"));
    }
  }
}
