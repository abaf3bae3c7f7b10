package dev.tern.engine.statistics;

import java.util.List;

/**
 * The tokens resting at one activity of a process definition, and (when asked for) the failed
 * jobs and open incidents there.
 */
public record ActivityStatistics(
    String activityId, int instances, int failedJobs, List<IncidentCount> incidents) {}
