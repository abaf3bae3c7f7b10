package dev.tern.engine.runtime;

import dev.tern.engine.deployment.model.ProcessModel;

/** A deployed process definition together with its parsed model: what the interpreter runs. */
public record DeployedProcess(
    String definitionId,
    String key,
    String name,
    int version,
    String deploymentId,
    String tenantId,
    boolean suspended,
    ProcessModel model) {}
