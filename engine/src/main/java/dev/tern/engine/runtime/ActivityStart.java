package dev.tern.engine.runtime;

import java.time.Instant;

/** A token entering an activity: the activity instance's history row as it starts. */
record ActivityStart(
    String id,
    RuntimeProcessInstance instance,
    String executionId,
    String activityId,
    String activityName,
    String activityType,
    Instant startTime) {}
