package dev.tern.engine.runtime;

import java.time.Instant;

/**
 * A row of {@code tern_hi_detail}: one write of a process variable (Camunda's historic variable
 * update).
 *
 * @param revision the variable's revision before the write, 0 when it was created
 * @param initial whether the instance started with the value
 * @param owner the variable's owner
 * @param taskId the task whose local variable was written, or null
 */
public record HistoricDetail(
    String id,
    String type,
    Variable variable,
    int revision,
    boolean initial,
    HistoricVariableInstance.Owner owner,
    String taskId,
    Instant time,
    Instant removalTime) {

  /** The variable written and its new value (null, typed as before, for a removal). */
  public record Variable(String instanceId, String name, TypedValue value) {}

  /** This detail with another value (e.g. with the bytes the listing leaves out). */
  HistoricDetail withValue(TypedValue other) {
    return new HistoricDetail(
        id,
        type,
        new Variable(variable.instanceId(), variable.name(), other),
        revision,
        initial,
        owner,
        taskId,
        time,
        removalTime);
  }
}
