package dev.tern.engine.statistics;

/**
 * What a statistics query counts besides running instances: failed jobs (no retries left) and
 * open incidents, all of them, only root incidents, or only those of one type.
 *
 * @param incidentType only incidents of this type (Camunda's {@code incidentsForType}), or null
 */
public record StatisticsOptions(
    boolean failedJobs, boolean incidents, boolean rootIncidentsOnly, String incidentType) {

  public static StatisticsOptions instancesOnly() {
    return new StatisticsOptions(false, false, false, null);
  }

  boolean countsIncidents() {
    return incidents || rootIncidentsOnly || incidentType != null;
  }
}
