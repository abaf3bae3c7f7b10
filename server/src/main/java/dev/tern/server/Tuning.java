package dev.tern.server;

import dev.tern.engine.EngineSettings;
import dev.tern.engine.job.JobExecutorSettings;
import dev.tern.engine.batch.BatchSettings;
import dev.tern.engine.cleanup.HistoryCleanupSettings;
import dev.tern.engine.history.RemovalTimeStrategy;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The job executor's and the engine's knobs beyond the basic server settings, each with its
 * environment key (see the README's configuration table).
 *
 * @param jobLockDuration {@code TERN_JOB_LOCK_DURATION}: how long a claim holds a job before another
 *     node may take it over; running jobs renew it every third of it
 * @param jobAcquisitionBatchSize {@code TERN_JOB_ACQUISITION_BATCH_SIZE}: most jobs one claim takes
 * @param jobIdleDelayMax {@code TERN_JOB_IDLE_DELAY_MAX}: longest wait between claims when no job is
 *     due (also the longest back-off while the database is unreachable)
 * @param jobShutdownTimeout {@code TERN_JOB_SHUTDOWN_TIMEOUT}: how long a stopping node lets running
 *     jobs finish before it releases their locks
 * @param maxActivitiesPerTransaction {@code TERN_MAX_ACTIVITIES_PER_TRANSACTION}: a process that
 *     loops without a wait state fails on reaching it
 * @param historyCleanup Camunda's history cleanup settings: {@code
 *     TERN_HISTORY_CLEANUP_BATCH_WINDOW_START_TIME} / {@code …_END_TIME} ({@code HH:mm}, UTC),
 *     {@code TERN_HISTORY_CLEANUP_BATCH_SIZE}, {@code TERN_HISTORY_CLEANUP_BATCH_THRESHOLD},
 *     {@code TERN_HISTORY_CLEANUP_ENABLED}
 * @param historyRemovalTimeStrategy {@code TERN_HISTORY_REMOVAL_TIME_STRATEGY}: Camunda's {@code
 *     historyRemovalTimeStrategy}, {@code start}, {@code end} (the default) or {@code none}
 * @param batch how batches are cut into jobs: {@code TERN_BATCH_JOBS_PER_SEED} and {@code
 *     TERN_BATCH_INVOCATIONS_PER_JOB}, each also per batch type with the type as suffix (e.g.
 *     {@code TERN_BATCH_INVOCATIONS_PER_JOB_SET_JOB_RETRIES} for {@code set-job-retries})
 */
public record Tuning(
    Duration jobLockDuration,
    int jobAcquisitionBatchSize,
    Duration jobIdleDelayMax,
    Duration jobShutdownTimeout,
    int maxActivitiesPerTransaction,
    HistoryCleanupSettings historyCleanup,
    RemovalTimeStrategy historyRemovalTimeStrategy,
    BatchSettings batch) {

  public static final String JOB_LOCK_DURATION = "TERN_JOB_LOCK_DURATION";
  public static final String JOB_ACQUISITION_BATCH_SIZE = "TERN_JOB_ACQUISITION_BATCH_SIZE";
  public static final String JOB_IDLE_DELAY_MAX = "TERN_JOB_IDLE_DELAY_MAX";
  public static final String JOB_SHUTDOWN_TIMEOUT = "TERN_JOB_SHUTDOWN_TIMEOUT";
  public static final String MAX_ACTIVITIES_PER_TRANSACTION = "TERN_MAX_ACTIVITIES_PER_TRANSACTION";
  public static final String HISTORY_CLEANUP_BATCH_WINDOW_START_TIME =
      "TERN_HISTORY_CLEANUP_BATCH_WINDOW_START_TIME";
  public static final String HISTORY_CLEANUP_BATCH_WINDOW_END_TIME =
      "TERN_HISTORY_CLEANUP_BATCH_WINDOW_END_TIME";
  public static final String HISTORY_CLEANUP_BATCH_SIZE = "TERN_HISTORY_CLEANUP_BATCH_SIZE";
  public static final String HISTORY_CLEANUP_BATCH_THRESHOLD = "TERN_HISTORY_CLEANUP_BATCH_THRESHOLD";
  public static final String HISTORY_CLEANUP_ENABLED = "TERN_HISTORY_CLEANUP_ENABLED";
  public static final String HISTORY_REMOVAL_TIME_STRATEGY = "TERN_HISTORY_REMOVAL_TIME_STRATEGY";
  public static final String BATCH_JOBS_PER_SEED = "TERN_BATCH_JOBS_PER_SEED";
  public static final String BATCH_INVOCATIONS_PER_JOB = "TERN_BATCH_INVOCATIONS_PER_JOB";

  public Tuning {
    // The same rules the engine applies, reported with the setting's name.
    positive(JOB_LOCK_DURATION, jobLockDuration);
    positive(JOB_IDLE_DELAY_MAX, jobIdleDelayMax);
    if (jobShutdownTimeout.isNegative()) {
      throw new IllegalArgumentException(JOB_SHUTDOWN_TIMEOUT + " must not be negative");
    }
    if (jobAcquisitionBatchSize < 1) {
      throw new IllegalArgumentException(JOB_ACQUISITION_BATCH_SIZE + " must be at least 1");
    }
    if (maxActivitiesPerTransaction < 1) {
      throw new IllegalArgumentException(MAX_ACTIVITIES_PER_TRANSACTION + " must be at least 1");
    }
  }

  public static Tuning defaults() {
    JobExecutorSettings executor = JobExecutorSettings.defaults();
    return new Tuning(
        executor.lockDuration(),
        executor.acquisitionBatchSize(),
        executor.idleDelayMax(),
        executor.shutdownTimeout(),
        EngineSettings.DEFAULT_MAX_ACTIVITIES_PER_TRANSACTION,
        HistoryCleanupSettings.defaults(),
        RemovalTimeStrategy.END,
        BatchSettings.defaults());
  }

  static Tuning from(Map<String, String> values) {
    Tuning defaults = defaults();
    return new Tuning(
        duration(JOB_LOCK_DURATION, values.get(JOB_LOCK_DURATION), defaults.jobLockDuration()),
        number(JOB_ACQUISITION_BATCH_SIZE, values.get(JOB_ACQUISITION_BATCH_SIZE), defaults.jobAcquisitionBatchSize()),
        duration(JOB_IDLE_DELAY_MAX, values.get(JOB_IDLE_DELAY_MAX), defaults.jobIdleDelayMax()),
        duration(JOB_SHUTDOWN_TIMEOUT, values.get(JOB_SHUTDOWN_TIMEOUT), defaults.jobShutdownTimeout()),
        number(
            MAX_ACTIVITIES_PER_TRANSACTION,
            values.get(MAX_ACTIVITIES_PER_TRANSACTION),
            defaults.maxActivitiesPerTransaction()),
        historyCleanup(values),
        removalTimeStrategy(values.get(HISTORY_REMOVAL_TIME_STRATEGY)),
        batch(values));
  }

  private static RemovalTimeStrategy removalTimeStrategy(String value) {
    if (value == null) {
      return RemovalTimeStrategy.END;
    }
    try {
      return RemovalTimeStrategy.of(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(HISTORY_REMOVAL_TIME_STRATEGY + ": " + e.getMessage(), e);
    }
  }

  /** Tern's batch defaults, overridden globally or per type (the key's suffix names the type). */
  private static BatchSettings batch(Map<String, String> values) {
    BatchSettings settings = BatchSettings.defaults();
    for (Map.Entry<String, String> entry : new java.util.TreeMap<>(values).entrySet()) {
      String key = entry.getKey();
      int value;
      if (key.equals(BATCH_JOBS_PER_SEED) || key.startsWith(BATCH_JOBS_PER_SEED + "_")) {
        value = atLeastOne(key, entry.getValue());
        settings =
            key.equals(BATCH_JOBS_PER_SEED)
                ? settings.withBatchJobsPerSeed(value)
                : settings.withBatchJobsPerSeed(batchType(key, BATCH_JOBS_PER_SEED), value);
      } else if (key.equals(BATCH_INVOCATIONS_PER_JOB)
          || key.startsWith(BATCH_INVOCATIONS_PER_JOB + "_")) {
        value = atLeastOne(key, entry.getValue());
        if (value > BatchSettings.MAX_INVOCATIONS_PER_BATCH_JOB) {
          throw new IllegalArgumentException(
              key + " must be at most " + BatchSettings.MAX_INVOCATIONS_PER_BATCH_JOB + ", was " + value);
        }
        settings =
            key.equals(BATCH_INVOCATIONS_PER_JOB)
                ? settings.withInvocationsPerBatchJob(value)
                : settings.withInvocationsPerBatchJob(
                    batchType(key, BATCH_INVOCATIONS_PER_JOB), value);
      }
    }
    return settings;
  }

  /** {@code TERN_BATCH_JOBS_PER_SEED_SET_JOB_RETRIES} names the type {@code set-job-retries}. */
  private static String batchType(String key, String prefix) {
    return key.substring(prefix.length() + 1).toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  private static int atLeastOne(String key, String value) {
    int number = number(key, value, 0);
    if (number < 1) {
      throw new IllegalArgumentException(key + " must be at least 1, was " + number);
    }
    return number;
  }

  private static HistoryCleanupSettings historyCleanup(Map<String, String> values) {
    HistoryCleanupSettings defaults = HistoryCleanupSettings.defaults();
    String enabled = values.get(HISTORY_CLEANUP_ENABLED);
    if (enabled != null && !enabled.trim().matches("(?i)true|false")) {
      throw new IllegalArgumentException(
          HISTORY_CLEANUP_ENABLED + " must be true or false, was '" + enabled + "'");
    }
    try {
      return new HistoryCleanupSettings(
          time(HISTORY_CLEANUP_BATCH_WINDOW_START_TIME, values.get(HISTORY_CLEANUP_BATCH_WINDOW_START_TIME)),
          time(HISTORY_CLEANUP_BATCH_WINDOW_END_TIME, values.get(HISTORY_CLEANUP_BATCH_WINDOW_END_TIME)),
          number(HISTORY_CLEANUP_BATCH_SIZE, values.get(HISTORY_CLEANUP_BATCH_SIZE), defaults.batchSize()),
          number(
              HISTORY_CLEANUP_BATCH_THRESHOLD,
              values.get(HISTORY_CLEANUP_BATCH_THRESHOLD),
              defaults.batchThreshold()),
          enabled == null ? defaults.enabled() : Boolean.parseBoolean(enabled.trim()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("TERN_HISTORY_CLEANUP_*: " + e.getMessage(), e);
    }
  }

  /** Camunda's batch window times: {@code HH:mm} (read as UTC). */
  private static LocalTime time(String key, String value) {
    if (value == null) {
      return null;
    }
    try {
      return LocalTime.parse(value.trim(), DateTimeFormatter.ofPattern("HH:mm"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + " must be a time of day HH:mm, was '" + value + "'");
    }
  }

  /** The executor settings of a node with {@code workers} worker threads. */
  public JobExecutorSettings jobExecutorSettings(int workers) {
    JobExecutorSettings defaults = JobExecutorSettings.defaults();
    Duration idleMin =
        defaults.idleDelayMin().compareTo(jobIdleDelayMax) > 0 ? jobIdleDelayMax : defaults.idleDelayMin();
    return defaults
        .withWorkerThreads(workers)
        .withAcquisitionBatchSize(jobAcquisitionBatchSize)
        .withLockDuration(jobLockDuration)
        .withIdleDelays(idleMin, jobIdleDelayMax)
        .withShutdownTimeout(jobShutdownTimeout);
  }

  public EngineSettings engineSettings(boolean jobExecutorActive) {
    return EngineSettings.defaults()
        .withJobExecutorActive(jobExecutorActive)
        .withMaxActivitiesPerTransaction(maxActivitiesPerTransaction);
  }

  private static void positive(String key, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + " must be a positive duration");
    }
  }

  private static Duration duration(String key, String value, Duration fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return Duration.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          key + " must be an ISO-8601 duration such as PT5M, was '" + value + "'");
    }
  }

  private static int number(String key, String value, int fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, was '" + value + "'");
    }
  }
}
