package dev.tern.rest.job;

import dev.tern.engine.job.JobDefinition;

/** Camunda's {@code JobDefinitionDto}. */
public record JobDefinitionDto(
    String id,
    String processDefinitionId,
    String processDefinitionKey,
    String activityId,
    String jobType,
    String jobConfiguration,
    Long overridingJobPriority,
    boolean suspended,
    String tenantId,
    String deploymentId) {

  public static JobDefinitionDto of(JobDefinition d) {
    return new JobDefinitionDto(
        d.id(),
        d.processDefinitionId(),
        d.processDefinitionKey(),
        d.activityId(),
        d.jobType(),
        d.jobConfiguration(),
        d.overridingPriority(),
        d.suspended(),
        d.tenantId(),
        d.deploymentId());
  }
}
