package dev.tern.rest.history;

import dev.tern.engine.history.HistoricIncident;
import java.time.Instant;

/** Camunda's {@code HistoricIncidentDto}. */
public record HistoricIncidentDto(
    String id,
    String processDefinitionKey,
    String processDefinitionId,
    String processInstanceId,
    String executionId,
    String rootProcessInstanceId,
    Instant createTime,
    Instant endTime,
    Instant removalTime,
    String incidentType,
    String activityId,
    String failedActivityId,
    String causeIncidentId,
    String rootCauseIncidentId,
    String configuration,
    String historyConfiguration,
    String incidentMessage,
    String tenantId,
    String jobDefinitionId,
    boolean open,
    boolean deleted,
    boolean resolved,
    String annotation) {

  public static HistoricIncidentDto of(HistoricIncident i) {
    return new HistoricIncidentDto(
        i.id(),
        i.processDefinitionKey(),
        i.processDefinitionId(),
        i.processInstanceId(),
        i.executionId(),
        i.rootProcessInstanceId(),
        i.createTime(),
        i.endTime(),
        i.removalTime(),
        i.incidentType(),
        i.activityId(),
        i.failedActivityId(),
        i.causeIncidentId(),
        i.rootCauseIncidentId(),
        i.configuration(),
        i.historyConfiguration(),
        i.incidentMessage(),
        i.tenantId(),
        i.jobDefinitionId(),
        i.open(),
        i.deleted(),
        i.resolved(),
        i.annotation());
  }
}
