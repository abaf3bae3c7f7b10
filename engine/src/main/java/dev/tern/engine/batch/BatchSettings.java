package dev.tern.engine.batch;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How batches are cut into jobs, globally and per batch type.
 *
 * <p>Tern's defaults differ from Camunda's (100 batch jobs per seed run, 1 invocation per batch
 * job): a Tern batch job applies its chunk with a handful of set-based statements, so its cost
 * barely grows with the chunk size, while every batch job costs a job row, an acquisition and a
 * transaction. Measured on PostgreSQL with 100,000 failed jobs ({@code SetJobRetriesScaleTest}, see
 * the README): chunks of 100 took 69 s, of 1,000 13–33 s, of 2,000 8 s, of 5,000 7–14 s; 2,000 is
 * the default, keeping each batch job's transaction short. With {@code
 * invocationsPerBatchJob} 1 and {@code batchJobsPerSeed} 100 Tern counts jobs exactly as Camunda.
 *
 * @param batchJobsPerSeed batch jobs one seed job run creates, overridden by batch type
 * @param invocationsPerBatchJob items (e.g. jobs whose retries are set) one batch job applies,
 *     overridden by batch type
 * @param monitorPollInterval how long the monitor job waits between checks (Camunda: 30 s)
 */
public record BatchSettings(
    PerType batchJobsPerSeed, PerType invocationsPerBatchJob, Duration monitorPollInterval) {

  public static final int DEFAULT_BATCH_JOBS_PER_SEED = 100;
  public static final int DEFAULT_INVOCATIONS_PER_BATCH_JOB = 2000;
  public static final Duration DEFAULT_MONITOR_POLL_INTERVAL = Duration.ofSeconds(30);
  /** A batch job's items are one array in {@code tern_batch_chunk}; H2 holds at most this many. */
  public static final int MAX_INVOCATIONS_PER_BATCH_JOB = 65_536;

  /**
   * A count (at least 1) and its overrides by batch type.
   *
   * @param name the setting's name, for the message when a value is below 1
   */
  public record PerType(String name, int value, Map<String, Integer> byType) {

    public PerType {
      requirePositive(value, name);
      byType = Map.copyOf(byType);
      byType.values().forEach(v -> requirePositive(v, name));
    }

    /** The value in force for a batch type. */
    public int of(String batchType) {
      return byType.getOrDefault(batchType, value);
    }

    PerType with(int other) {
      return new PerType(name, other, byType);
    }

    PerType with(String batchType, int other) {
      var copy = new java.util.HashMap<>(byType);
      copy.put(Objects.requireNonNull(batchType, "batchType"), other);
      return new PerType(name, value, copy);
    }
  }

  public BatchSettings {
    Objects.requireNonNull(batchJobsPerSeed, "batchJobsPerSeed");
    Objects.requireNonNull(invocationsPerBatchJob, "invocationsPerBatchJob");
    Objects.requireNonNull(monitorPollInterval, "monitorPollInterval");
    requireAtMost(invocationsPerBatchJob, MAX_INVOCATIONS_PER_BATCH_JOB);
  }

  public static BatchSettings defaults() {
    return new BatchSettings(
        new PerType("batchJobsPerSeed", DEFAULT_BATCH_JOBS_PER_SEED, Map.of()),
        new PerType("invocationsPerBatchJob", DEFAULT_INVOCATIONS_PER_BATCH_JOB, Map.of()),
        DEFAULT_MONITOR_POLL_INTERVAL);
  }

  /** Camunda 7's values: 100 batch jobs per seed run, one invocation per batch job. */
  public static BatchSettings camundaDefaults() {
    return defaults().withBatchJobsPerSeed(100).withInvocationsPerBatchJob(1);
  }

  public BatchSettings withBatchJobsPerSeed(int value) {
    return new BatchSettings(batchJobsPerSeed.with(value), invocationsPerBatchJob, monitorPollInterval);
  }

  public BatchSettings withInvocationsPerBatchJob(int value) {
    return new BatchSettings(batchJobsPerSeed, invocationsPerBatchJob.with(value), monitorPollInterval);
  }

  public BatchSettings withBatchJobsPerSeed(String batchType, int value) {
    return new BatchSettings(
        batchJobsPerSeed.with(batchType, value), invocationsPerBatchJob, monitorPollInterval);
  }

  public BatchSettings withInvocationsPerBatchJob(String batchType, int value) {
    return new BatchSettings(
        batchJobsPerSeed, invocationsPerBatchJob.with(batchType, value), monitorPollInterval);
  }

  public BatchSettings withMonitorPollInterval(Duration value) {
    return new BatchSettings(batchJobsPerSeed, invocationsPerBatchJob, value);
  }

  /** The batch jobs per seed run in force for a batch type. */
  public int batchJobsPerSeed(String batchType) {
    return batchJobsPerSeed.of(batchType);
  }

  /** The invocations per batch job in force for a batch type. */
  public int invocationsPerBatchJob(String batchType) {
    return invocationsPerBatchJob.of(batchType);
  }

  private static void requireAtMost(PerType counts, int max) {
    if (counts.value() > max || counts.byType().values().stream().anyMatch(v -> v > max)) {
      throw new IllegalArgumentException(counts.name() + " must be at most " + max + ", was " + counts);
    }
  }

  private static void requirePositive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }
}
