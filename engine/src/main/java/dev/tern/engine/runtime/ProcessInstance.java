package dev.tern.engine.runtime;

/**
 * A started process instance as the start call leaves it.
 *
 * @param definitionKey the key of its process definition
 * @param ended true when the instance already ran to its end inside the start call
 */
public record ProcessInstance(
    String id,
    String definitionId,
    String definitionKey,
    String businessKey,
    String tenantId,
    boolean ended,
    boolean suspended) {}
