package dev.tern.engine.runtime;

import java.time.Instant;

/** A row of {@code tern_execution}: one resting token of a process instance. */
public record ExecutionRow(
    String id,
    String processInstanceId,
    String activityId,
    String activityInstanceId,
    ExecutionState state,
    Instant createTime) {}
