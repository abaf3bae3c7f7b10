package dev.tern.engine.deployment.model;

/**
 * A sequence flow.
 *
 * @param conditionExpression the {@code ${…}} condition, or null when unconditional
 */
public record SequenceFlow(
    String id, String name, String sourceId, String targetId, String conditionExpression) {}
