package dev.tern.engine.event;

/**
 * One delivery of a message: to a waiting token ({@code EXECUTION}) or by starting an instance at a
 * message start event ({@code PROCESS_DEFINITION}).
 *
 * @param executionId the token that received it (execution results)
 * @param executionEnded whether that token (or the started instance) ended in the same call
 */
public record MessageCorrelationResult(
    Type type,
    String executionId,
    String processInstanceId,
    String processDefinitionId,
    String businessKey,
    String tenantId,
    boolean executionEnded,
    boolean instanceEnded,
    boolean instanceSuspended) {

  public enum Type {
    EXECUTION,
    PROCESS_DEFINITION
  }
}
