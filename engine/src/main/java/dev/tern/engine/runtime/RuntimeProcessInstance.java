package dev.tern.engine.runtime;

import java.time.Instant;

/** A process instance as {@code tern_process_instance} holds it while it runs. */
public record RuntimeProcessInstance(
    String id,
    String processDefinitionId,
    String processDefinitionKey,
    String businessKey,
    String tenantId,
    boolean suspended,
    Instant startTime,
    String startUserId,
    String superProcessInstanceId,
    String rootProcessInstanceId) {}
