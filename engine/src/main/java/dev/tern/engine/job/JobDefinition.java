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
    String deploymentId) {}
