package dev.tern.rest.incident;

import dev.tern.engine.incident.Incident;
import java.time.Instant;

/** Camunda's {@code IncidentDto}. */
public record IncidentDto(
    String id,
    String processDefinitionId,
    String processInstanceId,
    String executionId,
    Instant incidentTimestamp,
    String incidentType,
    String activityId,
    String failedActivityId,
    String causeIncidentId,
    String rootCauseIncidentId,
    String configuration,
    String tenantId,
    String incidentMessage,
    String jobDefinitionId,
    String annotation) {

  public static IncidentDto of(Incident i) {
    return new IncidentDto(
        i.id(),
        i.processDefinitionId(),
        i.processInstanceId(),
        i.executionId(),
        i.incidentTimestamp(),
        i.incidentType(),
        i.activityId(),
        i.failedActivityId(),
        i.causeIncidentId(),
        i.rootCauseIncidentId(),
        i.configuration(),
        i.tenantId(),
        i.incidentMessage(),
        i.jobDefinitionId(),
        i.annotation());
  }
}
