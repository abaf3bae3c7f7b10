package dev.tern.engine.runtime;

import java.time.Instant;

/**
 * A row of {@code tern_execution}: one resting token of a process instance.
 *
 * @param parentId the scope execution (the token resting at the enclosing sub-process or
 *     multi-instance body), or null in the process scope
 * @param loopCounter the instance's number, for an instance of a multi-instance activity; else null
 * @param outerId the id the token had before it came to rest at an activity with an execution of
 *     its own ({@link ScopeExecutions}) and takes again when it leaves; else null
 * @param scopeExecutionId at an embedded sub-process: Camunda's scope execution of the sub-process,
 *     the id its first inner token runs as; else null
 */
public record ExecutionRow(
    String id,
    String processInstanceId,
    String parentId,
    String activityId,
    String activityInstanceId,
    ExecutionState state,
    Instant createTime,
    Integer loopCounter,
    String outerId,
    String scopeExecutionId) {}
