package dev.tern.engine.deployment;

/** A file that belongs to a deployment (its content is read separately). */
public record DeploymentResource(String id, String name, String deploymentId) {}
