package dev.tern.engine.statistics;

import dev.tern.engine.deployment.ProcessDefinition;
import java.util.List;

/**
 * The running instances of one process definition, and (when asked for) its failed jobs and open
 * incidents by type.
 */
public record ProcessDefinitionStatistics(
    ProcessDefinition definition, int instances, int failedJobs, List<IncidentCount> incidents) {}
