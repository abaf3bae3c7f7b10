package dev.tern.engine.job;

/**
 * A row of {@code tern_job_definition}: one per asynchronous continuation or timer of a process
 * definition, and three per batch (seed, batch and monitor jobs).
 */
public record JobDefinition(
    String id,
    String processDefinitionId,
    String processDefinitionKey,
    String activityId,
    String jobType,
    String jobConfiguration,
    boolean suspended,
    Long overridingPriority,
    String tenantId,
    String deploymentId) {

  /** One of a batch's job definitions: no process, its configuration is the batch id. */
  public static JobDefinition ofBatch(String id, String jobType, String batchId, String tenantId) {
    return new JobDefinition(id, null, null, null, jobType, batchId, false, null, tenantId, null);
  }
}
