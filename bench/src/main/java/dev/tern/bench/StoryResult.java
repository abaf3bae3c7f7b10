package dev.tern.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one run. Times are seconds; "server" figures come from the server's own timestamps
 * (historic incident, batch and process instance end times, millisecond precision), "observed" ones
 * from the driver's polling (precision: the poll interval). A figure the server could not give is
 * {@code null}; with {@code --creation-only} every figure after the batch call is {@code null}.
 * Start latencies are each start request's round trip as the client saw it.
 */
public record StoryResult(
    String label,
    String engineVersion,
    String baseUrl,
    int instances,
    int clients,
    String retryCycle,
    String processKey,
    double startSeconds,
    double startPerSecond,
    Double startP50Millis,
    Double startP99Millis,
    double failureSeconds,
    long failedCalls,
    double failureJobsPerSecond,
    Double floorMillis,
    Integer floorJobsUpdated,
    Integer floorIncidentsDeleted,
    double batchCreationMillis,
    String batchId,
    Double retriesAppliedServerSeconds,
    Double retriesAppliedObservedSeconds,
    Double batchEndServerSeconds,
    Double batchEndObservedSeconds,
    Double allCompletedServerSeconds,
    Double allCompletedObservedSeconds,
    long successfulCalls,
    String memoryMethod,
    Double baselineHeapMb,
    Double peakHeapMb,
    Double peakRssMb) {

  /** Key figures in a stable order, for printing and for JSON. */
  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("label", label);
    map.put("engineVersion", engineVersion);
    map.put("baseUrl", baseUrl);
    map.put("instances", instances);
    map.put("clients", clients);
    map.put("retryCycle", retryCycle);
    map.put("processKey", processKey);
    map.put("startSeconds", startSeconds);
    map.put("startPerSecond", startPerSecond);
    map.put("startP50Millis", startP50Millis);
    map.put("startP99Millis", startP99Millis);
    map.put("failureSeconds", failureSeconds);
    map.put("failedCalls", failedCalls);
    map.put("failureJobsPerSecond", failureJobsPerSecond);
    map.put("floorMillis", floorMillis);
    map.put("floorJobsUpdated", floorJobsUpdated);
    map.put("floorIncidentsDeleted", floorIncidentsDeleted);
    map.put("batchCreationMillis", batchCreationMillis);
    map.put("batchId", batchId);
    map.put("retriesAppliedServerSeconds", retriesAppliedServerSeconds);
    map.put("retriesAppliedObservedSeconds", retriesAppliedObservedSeconds);
    map.put("batchEndServerSeconds", batchEndServerSeconds);
    map.put("batchEndObservedSeconds", batchEndObservedSeconds);
    map.put("allCompletedServerSeconds", allCompletedServerSeconds);
    map.put("allCompletedObservedSeconds", allCompletedObservedSeconds);
    map.put("successfulCalls", successfulCalls);
    map.put("memoryMethod", memoryMethod);
    map.put("baselineHeapMb", baselineHeapMb);
    map.put("peakHeapMb", peakHeapMb);
    map.put("peakRssMb", peakRssMb);
    return map;
  }
}
