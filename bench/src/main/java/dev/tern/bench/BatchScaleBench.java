package dev.tern.bench;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.batch.Batch;
import dev.tern.engine.batch.JobRetries;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.DatabaseConfig;
import dev.tern.engine.persistence.Dialect;
import dev.tern.engine.runtime.ProcessInstanceQuery;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tern-bench batch-scale -n 1000000 --jdbc-url …}: Set Job Retries Async at a size where
 * starting the instances over HTTP would take hours. N process instances, each with one failed
 * job (retries 0) and an open failedJob incident, are written set-based straight into an empty
 * Tern database; then an engine in this JVM (this JVM is the "server": run it with a small
 * {@code -Xmx} to prove memory stays flat) creates one batch for all of them by a
 * process-instance query, and its job executor applies it. Prints creation latency, heap growth
 * during creation (sampled every 2 ms, no GC forced in between) and the time until the historic
 * batch has its end time. The jobs are due a year later, so only the batch's own jobs run.
 */
@Command(
    name = "batch-scale",
    mixinStandardHelpOptions = true,
    description = "Set-retries batch over N failed jobs seeded with SQL (engine in this JVM).")
final class BatchScaleBench implements Callable<Integer> {

  @Option(names = {"-n", "--jobs"}, defaultValue = "1000000", description = "failed jobs (default: ${DEFAULT-VALUE})")
  int jobs;

  @Option(names = "--jdbc-url", required = true, description = "an empty Tern database (PostgreSQL or H2)")
  String jdbcUrl;

  @Option(names = "--jdbc-user", defaultValue = "", description = "database user")
  String jdbcUser;

  @Option(names = "--jdbc-password", defaultValue = "", description = "database password")
  String jdbcPassword;

  @Option(names = "--creation-only", description = "stop after the batch is created")
  boolean creationOnly;

  @Option(
      names = "--repeat",
      defaultValue = "1",
      description =
          "batches created one after another over the same jobs (default: ${DEFAULT-VALUE}); the"
              + " first call runs in a cold JVM, the later ones show the creation warm")
  int repeat;

  @Override
  public Integer call() throws Exception {
    String key = "batchScale_" + Long.toString(System.currentTimeMillis(), 36);
    Instant now = Instant.now();
    try (Database database = Database.open(DatabaseConfig.of(jdbcUrl, jdbcUser, jdbcPassword))) {
      long seeding = System.nanoTime();
      seed(database, key, now);
      System.out.printf(Locale.ROOT, "seeded %,d failed jobs with incidents in %.1f s%n", jobs, seconds(seeding));
      try (ProcessEngine engine = ProcessEngine.builder().database(database).build()) {
        engine.jobExecutor().pause();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Batch> batches = new ArrayList<>();
        for (int round = 1; round <= repeat; round++) {
          batches.add(create(engine, key, memory, round));
        }
        if (creationOnly) {
          return 0;
        }
        long resumed = System.nanoTime();
        try (HeapSampler sampler = new HeapSampler(memory)) {
          engine.jobExecutor().resume();
          for (Batch batch : batches) {
            while (engine.historicBatchService().find(batch.id()).orElseThrow().endTime() == null) {
              if (System.nanoTime() - resumed > Duration.ofMinutes(30).toNanos()) {
                throw new BenchFailure("the batch did not finish within 30 minutes");
              }
              Thread.sleep(100);
            }
          }
          System.out.printf(
              Locale.ROOT,
              "batch finished %.1f s after the executor resumed (%,.0f jobs/s); peak heap used %.1f MB%n",
              seconds(resumed),
              (long) jobs * batches.size() / seconds(resumed),
              mb(sampler.peak()));
        }
      }
    }
    return 0;
  }

  /** Creates one batch over every job of the run's process, and prints its latency and heap. */
  private static Batch create(ProcessEngine engine, String key, MemoryMXBean memory, int round)
      throws InterruptedException {
    memory.gc();
    long baseline = memory.getHeapMemoryUsage().getUsed();
    try (HeapSampler sampler = new HeapSampler(memory)) {
      long start = System.nanoTime();
      Batch batch =
          engine
              .batchService()
              .setJobRetriesByProcessAsync(
                  null, ProcessInstanceQuery.builder().processDefinitionKey(key).build(), null, JobRetries.of(1), null);
      double created = seconds(start);
      long peak = sampler.peak();
      System.out.printf(
          Locale.ROOT,
          "batch created in %.0f ms%s: %,d batch jobs; heap used %.1f MB after a full GC before,"
              + " peak %.1f MB while creating (growth %.1f MB, garbage included), max heap %.0f MB%n",
          created * 1000,
          round == 1 ? "" : " (call " + round + ", warm)",
          batch.totalJobs(),
          mb(baseline),
          mb(peak),
          mb(peak - baseline),
          mb(memory.getHeapMemoryUsage().getMax()));
      return batch;
    }
  }

  private void seed(Database database, String key, Instant now) {
    String range =
        database.dialect() == Dialect.H2
            ? "SELECT X AS n FROM SYSTEM_RANGE(1, :count)"
            : "SELECT n FROM generate_series(1, :count) AS g(n)";
    String id = ":key || '-' || CAST(r.n AS VARCHAR(12))";
    List<String> statements =
        List.of(
            "INSERT INTO tern_process_instance (id, proc_def_id, proc_def_key, start_time,"
                + " root_process_instance_id) SELECT 'pi-' || " + id + ", :key || ':1', :key, :at,"
                + " 'pi-' || " + id + " FROM (" + range + ") r",
            "INSERT INTO tern_job (id, job_kind, handler_type, handler_config, process_instance_id,"
                + " execution_id, proc_def_id, proc_def_key, activity_id, retries, due_date,"
                + " create_time, exception_message, failed_activity_id)"
                + " SELECT 'job-' || " + id + ", 'message', 'async-continuation', 'async-before',"
                + " 'pi-' || " + id + ", 'pi-' || " + id + ", :key || ':1', :key, 'callDownstream', 0,"
                + " :due, :at, 'downstream answered 503', 'callDownstream' FROM (" + range + ") r",
            "INSERT INTO tern_incident (id, incident_type, incident_message, incident_timestamp,"
                + " process_instance_id, execution_id, proc_def_id, proc_def_key, activity_id,"
                + " failed_activity_id, root_cause_incident_id, configuration)"
                + " SELECT 'inc-' || " + id + ", 'failedJob', 'downstream answered 503', :at,"
                + " 'pi-' || " + id + ", 'pi-' || " + id + ", :key || ':1', :key, 'callDownstream',"
                + " 'callDownstream', 'inc-' || " + id + ", 'job-' || " + id + " FROM (" + range + ") r",
            "INSERT INTO tern_hi_incident (id, incident_type, incident_message, create_time,"
                + " incident_state, process_instance_id, configuration, activity_id)"
                + " SELECT id, incident_type, incident_message, incident_timestamp, 0,"
                + " process_instance_id, configuration, activity_id FROM tern_incident"
                + " WHERE proc_def_key = :key");
    database.useTransaction(
        handle -> {
          for (String sql : statements) {
            handle
                .createUpdate(sql)
                .bind("key", key)
                .bind("count", jobs)
                .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .bind("due", OffsetDateTime.ofInstant(now.plus(Duration.ofDays(365)), ZoneOffset.UTC))
                .execute();
          }
        });
    database.useTransaction(handle -> handle.execute("ANALYZE"));
  }

  private static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }

  private static double mb(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  /** The highest heap-in-use seen by a daemon thread polling every 2 ms until closed. */
  private static final class HeapSampler implements AutoCloseable {
    private final AtomicLong peak = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    HeapSampler(MemoryMXBean memory) {
      thread =
          new Thread(
              () -> {
                while (running.get()) {
                  peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                  try {
                    Thread.sleep(2);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "heap-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    long peak() {
      return peak.get();
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join();
    }
  }
}
