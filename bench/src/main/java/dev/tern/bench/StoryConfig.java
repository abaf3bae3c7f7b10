package dev.tern.bench;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run of the outage story does.
 *
 * @param instances how many process instances to start (N)
 * @param clients concurrent HTTP clients that start them
 * @param retryCycle the BPMN's {@code failedJobRetryTimeCycle}, e.g. {@code R2/PT1S}
 * @param retries the retries one {@code POST /process-instance/job-retries} sets
 * @param phaseTimeout the longest any waiting phase may take before the run gives up
 * @param pollInterval how often the waiting phases ask the server
 * @param serverPid the server's process id, for heap and RSS figures
 * @param floor the server's database, for the SQL floor
 * @param floorRepeats how often the floor is measured (median reported)
 * @param creationOnly end the run right after the batch call (for very large N: creation latency and
 *     heap only); the engine is left to recover on its own
 */
public record StoryConfig(
    int instances,
    int clients,
    String retryCycle,
    int retries,
    Duration phaseTimeout,
    Duration pollInterval,
    Optional<Long> serverPid,
    Optional<SqlFloor.Target> floor,
    int floorRepeats,
    boolean creationOnly) {

  public StoryConfig {
    if (instances < 1) {
      throw new IllegalArgumentException("instances must be at least 1");
    }
    if (clients < 1) {
      throw new IllegalArgumentException("clients must be at least 1");
    }
    if (retries < 1) {
      throw new IllegalArgumentException("retries must be at least 1");
    }
    if (floorRepeats < 1) {
      throw new IllegalArgumentException("floorRepeats must be at least 1");
    }
    Objects.requireNonNull(retryCycle, "retryCycle");
    Objects.requireNonNull(phaseTimeout, "phaseTimeout");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(serverPid, "serverPid");
    Objects.requireNonNull(floor, "floor");
  }
}
