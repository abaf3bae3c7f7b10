package dev.tern.engine.runtime;

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
   * Where the variable lives.
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
  }
}
