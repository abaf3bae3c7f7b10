package dev.tern.engine.runtime;

/** Where in which process instance a token waits: what a new user or external task belongs to. */
public record WaitingActivity(
    String executionId,
    String processInstanceId,
    String processDefinitionId,
    String processDefinitionKey,
    String activityId,
    String activityInstanceId,
    String tenantId) {}
