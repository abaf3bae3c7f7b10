package dev.tern.engine.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.runtime.ProcessInstanceQuery;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One batch over 100,000 failed jobs on PostgreSQL: every job gets its retries, every incident is
 * resolved, the batch completes; creation and completion times are printed. Runs in {@code mvn
 * verify} (CI); skip it in quick runs with {@code -DexcludedGroups=long,scale}.
 *
 * <p>{@code -Dtern.scale.chunks=100,1000,5000} measures several {@code invocationsPerBatchJob}
 * values (the default measures Tern's default only).
 */
@Tag("scale")
@DatabaseTest
class SetJobRetriesScaleTest {

  private static final int JOBS = Integer.getInteger("tern.scale.jobs", 100_000);
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

  private final TestDatabase db;
  private final Database database;

  SetJobRetriesScaleTest(TestDatabase db) {
    this.db = db;
    this.database = db.database();
  }

  @Test
  void oneBatchSetsTheRetriesOfOneHundredThousandJobs() {
    Assumptions.assumeTrue(db.name().equals("PostgreSQL"), "the scale test runs on PostgreSQL");
    String chunks =
        System.getProperty(
            "tern.scale.chunks", Integer.toString(BatchSettings.DEFAULT_INVOCATIONS_PER_BATCH_JOB));
    for (int chunk : Arrays.stream(chunks.split(",")).mapToInt(Integer::parseInt).toArray()) {
      run(chunk);
    }
  }

  private void run(int invocationsPerBatchJob) {
    String prefix = "s" + invocationsPerBatchJob + "-";
    MutableClock clock = MutableClock.startingAt(T0);
    // the jobs are due a year later, so the executor runs only the batch's own jobs
    FailedJobs.create(database, prefix, JOBS, T0, T0.plus(Duration.ofDays(365)));
    database.useTransaction(h -> h.execute("ANALYZE"));

    try (ProcessEngine engine =
        ProcessEngine.builder()
            .database(database)
            .clock(clock)
            .batchSettings(BatchSettings.defaults().withInvocationsPerBatchJob(invocationsPerBatchJob))
            .build()) {
      engine.jobExecutor().pause();
      long start = System.nanoTime();
      Batch batch =
          engine
              .batchService()
              .setJobRetriesByProcessAsync(
                  null,
                  ProcessInstanceQuery.builder().processDefinitionKey("orderSync").build(),
                  null,
                  JobRetries.of(3),
                  null);
      long created = System.nanoTime();
      engine.jobExecutor().resume();
      await()
          .atMost(Duration.ofMinutes(15))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> engine.historicBatchService().find(batch.id()).orElseThrow().endTime() != null);
      long completed = System.nanoTime();

      System.out.printf(
          "[scale] PostgreSQL, %,d jobs, invocationsPerBatchJob %d (%d batch jobs):"
              + " created in %,d ms, completed in %,d ms%n",
          JOBS,
          invocationsPerBatchJob,
          batch.totalJobs(),
          (created - start) / 1_000_000,
          (completed - created) / 1_000_000);
      assertThat(batch.totalJobs()).isEqualTo((JOBS + invocationsPerBatchJob - 1) / invocationsPerBatchJob);
    }
    assertThat(count("SELECT COUNT(*) FROM tern_job WHERE id LIKE :p AND retries = 3", prefix))
        .isEqualTo(JOBS);
    assertThat(count("SELECT COUNT(*) FROM tern_incident WHERE configuration LIKE :p", prefix)).isZero();
    assertThat(count("SELECT COUNT(*) FROM tern_hi_incident WHERE configuration LIKE :p AND incident_state = 1", prefix))
        .isEqualTo(JOBS);
    assertThat(count("SELECT COUNT(*) FROM tern_batch", prefix)).isZero();
    database.useTransaction(
        h -> {
          for (String table : new String[] {"tern_job", "tern_incident", "tern_hi_incident", "tern_process_instance"}) {
            h.execute("DELETE FROM " + table);
          }
        });
  }

  private long count(String sql, String prefix) {
    return database.withHandle(
        h -> {
          var query = h.createQuery(sql);
          if (sql.contains(":p")) {
            query.bind("p", prefix + "%");
          }
          return query.mapTo(Long.class).one();
        });
  }
}
