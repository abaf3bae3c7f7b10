package dev.tern.engine.job;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * How the job executor of one node works.
 *
 * @param nodeId the lock owner written on claimed jobs; unique per running engine
 * @param workerThreads how many jobs run at once; the executor never claims more than are free
 * @param acquisitionBatchSize the most jobs one claim takes
 * @param lockDuration how long a claim holds a job; running jobs renew it, a dead node's lapses
 * @param idleDelayMin first wait when no job was due; doubles while idle
 * @param idleDelayMax longest wait when idle (a job created on this node wakes it at once)
 * @param shutdownTimeout how long closing waits for running jobs
 */
public record JobExecutorSettings(
    String nodeId,
    int workerThreads,
    int acquisitionBatchSize,
    Duration lockDuration,
    Duration idleDelayMin,
    Duration idleDelayMax,
    Duration shutdownTimeout) {

  public JobExecutorSettings {
    Objects.requireNonNull(nodeId, "nodeId");
    if (workerThreads < 1) {
      throw new IllegalArgumentException("workerThreads must be at least 1");
    }
    if (acquisitionBatchSize < 1) {
      throw new IllegalArgumentException("acquisitionBatchSize must be at least 1");
    }
    if (lockDuration.isNegative() || lockDuration.isZero()) {
      throw new IllegalArgumentException("lockDuration must be positive");
    }
    if (idleDelayMin.isNegative() || idleDelayMin.isZero() || idleDelayMax.compareTo(idleDelayMin) < 0) {
      throw new IllegalArgumentException("need 0 < idleDelayMin <= idleDelayMax");
    }
  }

  /**
   * Sixteen workers (a job mostly waits: on its commit, on the services it calls), batches of ten,
   * five-minute locks, idle waits from 100 ms up to 5 s.
   */
  public static JobExecutorSettings defaults() {
    return new JobExecutorSettings(
        defaultNodeId(),
        16,
        10,
        Duration.ofMinutes(5),
        Duration.ofMillis(100),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30));
  }

  /**
   * The most jobs this node holds at once: one running per worker and as many again claimed and
   * queued, so the next jobs are at hand when workers finish. Other nodes cannot take held jobs,
   * which keeps this small.
   */
  public int heldJobsLimit() {
    return workerThreads * 2;
  }

  public JobExecutorSettings withNodeId(String nodeId) {
    return new JobExecutorSettings(
        nodeId, workerThreads, acquisitionBatchSize, lockDuration, idleDelayMin, idleDelayMax, shutdownTimeout);
  }

  public JobExecutorSettings withWorkerThreads(int threads) {
    return new JobExecutorSettings(
        nodeId, threads, acquisitionBatchSize, lockDuration, idleDelayMin, idleDelayMax, shutdownTimeout);
  }

  public JobExecutorSettings withAcquisitionBatchSize(int size) {
    return new JobExecutorSettings(
        nodeId, workerThreads, size, lockDuration, idleDelayMin, idleDelayMax, shutdownTimeout);
  }

  public JobExecutorSettings withLockDuration(Duration duration) {
    return new JobExecutorSettings(
        nodeId, workerThreads, acquisitionBatchSize, duration, idleDelayMin, idleDelayMax, shutdownTimeout);
  }

  public JobExecutorSettings withIdleDelays(Duration min, Duration max) {
    return new JobExecutorSettings(
        nodeId, workerThreads, acquisitionBatchSize, lockDuration, min, max, shutdownTimeout);
  }

  public JobExecutorSettings withShutdownTimeout(Duration timeout) {
    return new JobExecutorSettings(
        nodeId, workerThreads, acquisitionBatchSize, lockDuration, idleDelayMin, idleDelayMax, timeout);
  }

  private static String defaultNodeId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "localhost";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
