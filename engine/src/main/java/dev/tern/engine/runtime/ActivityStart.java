package dev.tern.engine.runtime;

import java.time.Instant;

/**
 * A token entering an activity: the activity instance's history row as it starts.
 *
 * @param parentActivityInstanceId the enclosing scope's activity instance (the process instance's
 *     id at the top level, a sub-process's or a multi-instance body's activity instance inside)
 */
record ActivityStart(
    String id,
    RuntimeProcessInstance instance,
    String parentActivityInstanceId,
    String executionId,
    String activityId,
    String activityName,
    String activityType,
    Instant startTime) {}
