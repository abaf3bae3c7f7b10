package dev.tern.engine.runtime;

import java.time.Instant;

/**
 * A row of {@code tern_hi_detail}: one write of a process variable (Camunda's historic variable
 * update).
 *
 * @param revision the variable's revision before the write, 0 when it was created
 * @param initial whether the instance started with the value
 */
public record HistoricDetail(
    String id,
    String type,
    Variable variable,
    int revision,
    boolean initial,
    Owner owner,
    Instant time,
    Instant removalTime) {

  /** The variable written and its new value (null, typed as before, for a removal). */
  public record Variable(String instanceId, String name, TypedValue value) {}

  /** Where the variable lives. */
  public record Owner(
      String processInstanceId,
      String executionId,
      String activityInstanceId,
      String processDefinitionId,
      String processDefinitionKey,
      String rootProcessInstanceId,
      String tenantId,
      String taskId) {}
}
