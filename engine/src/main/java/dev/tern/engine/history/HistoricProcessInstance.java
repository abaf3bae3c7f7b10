package dev.tern.engine.history;

import java.time.Instant;

/**
 * A row of {@code tern_hi_process_instance}: a process instance as history records it.
 *
 * @param state ACTIVE, SUSPENDED, COMPLETED, EXTERNALLY_TERMINATED or INTERNALLY_TERMINATED
 */
public record HistoricProcessInstance(
    String id,
    String businessKey,
    String processDefinitionId,
    String processDefinitionKey,
    String processDefinitionName,
    Integer processDefinitionVersion,
    String deploymentId,
    Instant startTime,
    Instant endTime,
    Instant removalTime,
    Long durationInMillis,
    String startUserId,
    String startActivityId,
    String endActivityId,
    String superProcessInstanceId,
    String rootProcessInstanceId,
    String deleteReason,
    String tenantId,
    String state) {}
