package dev.tern.engine.runtime;

import java.time.Instant;

/** The columns of {@code tern_process_instance} the interpreter needs. */
public record InstanceRow(
    String id,
    String processDefinitionId,
    String processDefinitionKey,
    String businessKey,
    String tenantId,
    boolean suspended,
    Instant startTime) {}
