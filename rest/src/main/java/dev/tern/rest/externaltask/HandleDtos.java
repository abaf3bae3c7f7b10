package dev.tern.rest.externaltask;

import dev.tern.rest.runtime.VariableValueDto;
import java.util.Map;

/** The bodies of the worker's calls on one external task, as Camunda names their fields. */
final class HandleDtos {

  private HandleDtos() {}

  record Complete(
      String workerId,
      Map<String, VariableValueDto> variables,
      Map<String, VariableValueDto> localVariables) {}

  /** {@code retries} and {@code retryTimeout} default to 0, as Camunda's primitive fields do. */
  record Failure(
      String workerId,
      String errorMessage,
      String errorDetails,
      Integer retries,
      Long retryTimeout,
      Map<String, VariableValueDto> variables,
      Map<String, VariableValueDto> localVariables) {}

  record BpmnError(
      String workerId,
      String errorCode,
      String errorMessage,
      Map<String, VariableValueDto> variables) {}

  record ExtendLock(String workerId, Long newDuration) {}

  record Lock(String workerId, Long lockDuration) {}

  record Retries(Integer retries) {}

  record Priority(Long priority) {}
}
