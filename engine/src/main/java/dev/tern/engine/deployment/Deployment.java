package dev.tern.engine.deployment;

import java.time.Instant;

/** A deployment: a named set of resources deployed together. */
public record Deployment(
    String id, String name, String source, String tenantId, Instant deploymentTime) {}
