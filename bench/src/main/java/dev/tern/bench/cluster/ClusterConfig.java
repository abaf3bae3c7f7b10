package dev.tern.bench.cluster;

import java.time.Duration;

/**
 * A cluster fault run: {@code nodes} nodes (at least 3: one is killed, one frozen for {@code
 * freezeFor}, longer than the lock duration), the workload, and the longest wait for every
 * instance to finish after the last start.
 */
public record ClusterConfig(int nodes, NodeSetup node, Workload load, Duration freezeFor, Duration timeout) {

  public ClusterConfig {
    if (nodes < 3) {
      throw new IllegalArgumentException("a cluster fault run needs at least 3 nodes");
    }
    if (freezeFor.compareTo(node.lockDuration()) <= 0) {
      throw new IllegalArgumentException("the freeze must outlast the lock duration " + node.lockDuration());
    }
  }
}
