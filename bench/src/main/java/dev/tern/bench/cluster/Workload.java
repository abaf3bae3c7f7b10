package dev.tern.bench.cluster;

import java.time.Duration;

/**
 * The instances of the run: {@code instances} started evenly over {@code feedTime} by {@code
 * clients} HTTP clients, spread over the live nodes; each call to the stub takes {@code stubDelay}.
 */
public record Workload(int instances, Duration feedTime, int clients, Duration stubDelay) {

  public Workload {
    if (instances < 1 || clients < 1) {
      throw new IllegalArgumentException("instances and clients must be at least 1");
    }
  }
}
