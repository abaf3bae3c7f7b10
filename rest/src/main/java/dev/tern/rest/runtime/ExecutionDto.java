package dev.tern.rest.runtime;

import dev.tern.engine.runtime.Execution;

/** Camunda's {@code ExecutionDto}: a running execution is never ended. */
public record ExecutionDto(String id, String processInstanceId, boolean ended, String tenantId) {

  public static ExecutionDto of(Execution execution) {
    return new ExecutionDto(
        execution.id(), execution.processInstanceId(), false, execution.tenantId());
  }
}
