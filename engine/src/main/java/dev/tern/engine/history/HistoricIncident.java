package dev.tern.engine.history;

import java.time.Instant;

/** A row of {@code tern_hi_incident}: an incident, open or ended. */
public record HistoricIncident(
    String id,
    String incidentType,
    String incidentMessage,
    Instant createTime,
    Instant endTime,
    Instant removalTime,
    int state,
    String processInstanceId,
    String executionId,
    String processDefinitionId,
    String processDefinitionKey,
    String activityId,
    String failedActivityId,
    String causeIncidentId,
    String rootCauseIncidentId,
    String configuration,
    String historyConfiguration,
    String jobDefinitionId,
    String rootProcessInstanceId,
    String tenantId,
    String annotation) {

  public boolean open() {
    return state == IncidentHistory.OPEN;
  }

  public boolean resolved() {
    return state == IncidentHistory.RESOLVED;
  }

  public boolean deleted() {
    return state == IncidentHistory.DELETED;
  }
}
