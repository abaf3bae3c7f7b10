package dev.tern.engine.incident;

/** Where an incident happened: the instance, execution and activity it belongs to. */
public record IncidentScope(
    String processInstanceId,
    String executionId,
    String processDefinitionId,
    String processDefinitionKey,
    String activityId,
    String tenantId) {}
