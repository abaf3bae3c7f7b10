package dev.tern.engine.incident;

import java.time.Instant;

/**
 * A row of {@code tern_incident}: something an operator must act on. For {@code failedJob}
 * incidents {@code configuration} is the job id.
 */
public record Incident(
    String id,
    String incidentType,
    String incidentMessage,
    Instant incidentTimestamp,
    String processInstanceId,
    String executionId,
    String processDefinitionId,
    String processDefinitionKey,
    String activityId,
    String failedActivityId,
    String causeIncidentId,
    String rootCauseIncidentId,
    String configuration,
    String jobDefinitionId,
    String tenantId,
    String annotation) {

  public static final String FAILED_JOB = "failedJob";
  public static final String FAILED_EXTERNAL_TASK = "failedExternalTask";
}
