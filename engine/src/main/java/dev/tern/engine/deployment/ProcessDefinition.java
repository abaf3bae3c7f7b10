package dev.tern.engine.deployment;

/**
 * A deployed version of a process: the process with key {@code key} as deployed by one deployment.
 *
 * @param id Camunda-style {@code key:version:uuid} (just the uuid when that would exceed 64 chars)
 * @param version 1, 2, … per key and tenant
 * @param resourceName the name of the BPMN resource the process came from
 * @param category the BPMN {@code targetNamespace} of the definitions, as Camunda reports it
 */
public record ProcessDefinition(
    String id,
    String key,
    String name,
    String category,
    int version,
    String versionTag,
    String deploymentId,
    String resourceName,
    String tenantId,
    boolean suspended,
    Integer historyTimeToLive,
    boolean startableInTasklist) {}
