package dev.tern.engine.incident;

import java.time.Instant;

/**
 * Open incidents that share type, process definition key, activity and message: how many, and
 * when the first and the last of them opened. What an operator looks at first in an outage.
 *
 * @param incidentMessage the shared message, or null for incidents without one
 */
public record IncidentGroup(
    String incidentType,
    String processDefinitionKey,
    String activityId,
    String incidentMessage,
    long count,
    Instant oldest,
    Instant newest) {}
