package dev.tern.engine.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.history.HistoricBatch;
import dev.tern.engine.history.HistoricBatchService;
import dev.tern.engine.history.UserOperationLogEntry;
import dev.tern.engine.history.UserOperationLogQuery;
import dev.tern.engine.history.UserOperationLogService;
import dev.tern.engine.history.HistoryModule;
import dev.tern.engine.incident.IncidentStore;
import dev.tern.engine.job.JobFixture;
import dev.tern.engine.job.JobModule;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.Ids;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MigrationScript;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.engine.testing.WrittenStatements;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DatabaseTest
class SetJobRetriesBatchTest {

  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

  private final Database database;
  private final MutableClock clock = MutableClock.startingAt(T0);
  private final String prefix = "t" + System.nanoTime() + "-";

  SetJobRetriesBatchTest(TestDatabase db) {
    this.database = db.database();
  }

  private BatchService service(BatchSettings settings) {
    HistoryModule history = new HistoryModule(clock, database.dialect(), "test");
    IncidentStore incidents = JobFixture.incidents(clock, history);
    JobModule jobs = new JobModule(database, clock, history.jobLog(), incidents);
    return new BatchService(
        database,
        clock,
        new Ids(clock),
        settings,
        jobs.jobs(),
        jobs.jobDefinitions(),
        incidents,
        null,
        history.batches(),
        history.operationLog(),
        history.instanceHistory(),
        null);
  }

  private BatchJobDriver driver(BatchService service) {
    return new BatchJobDriver(database, clock, service.jobHandlers());
  }

  private List<String> processInstances(int count) {
    FailedJobs.create(database, prefix, count, T0);
    return java.util.stream.IntStream.rangeClosed(1, count)
        .mapToObj(n -> prefix + "pi-" + n)
        .toList();
  }

  @BeforeEach
  void startEmpty() {
    database.useTransaction(
        h -> {
          for (String table :
              List.of("tern_job", "tern_job_definition", "tern_batch", "tern_batch_chunk",
                  "tern_hi_batch", "tern_incident", "tern_hi_incident", "tern_process_instance",
                  "tern_hi_op_log", "tern_hi_job_log")) {
            h.execute("DELETE FROM " + table);
          }
        });
  }

  private long count(String sql) {
    return database.withHandle(
        h -> {
          var query = h.createQuery(sql);
          if (sql.contains(":p")) {
            query.bind("p", prefix + "%");
          }
          return query.mapTo(Long.class).one();
        });
  }

  @Test
  void camundaSettingsCountBatchJobsAsCamundaDoes() {
    BatchService service = service(BatchSettings.camundaDefaults());
    List<String> instances = processInstances(250);

    Batch batch =
        service.setJobRetriesByProcessAsync(instances, null, null, JobRetries.of(3), null);

    assertThat(batch.type()).isEqualTo("set-job-retries");
    assertThat(batch.totalJobs()).isEqualTo(250);
    assertThat(batch.jobsCreated()).isZero();
    assertThat(batch.batchJobsPerSeed()).isEqualTo(100);
    assertThat(batch.invocationsPerBatchJob()).isEqualTo(1);
    assertThat(batch.startTime()).isEqualTo(T0);
    BatchJobDriver driver = driver(service);

    driver.runNext("batch-seed-job");
    assertThat(service.find(batch.id()).orElseThrow().jobsCreated()).isEqualTo(100);
    driver.runNext("batch-seed-job");
    driver.runNext("batch-seed-job");
    assertThat(service.find(batch.id()).orElseThrow().jobsCreated()).isEqualTo(250);
    assertThat(driver.runNext("batch-seed-job")).isFalse();
    BatchStatistics stats = service.statistics(BatchQuery.all().set("batchId", batch.id()), 0, 10).get(0);
    assertThat(stats.remainingJobs()).isEqualTo(250);
    assertThat(stats.completedJobs()).isZero();

    driver.runNext("set-job-retries");
    stats = service.statistics(BatchQuery.all().set("batchId", batch.id()), 0, 10).get(0);
    assertThat(stats.remainingJobs()).isEqualTo(249);
    assertThat(stats.completedJobs()).isEqualTo(1);
    assertThat(service.find(batch.id()).orElseThrow().executionStartTime()).isEqualTo(T0);
  }

  @Test
  void batchSetsRetriesResolvesIncidentsAndCompletesWithoutMonitorTick() {
    BatchService service = service(BatchSettings.defaults().withInvocationsPerBatchJob(7));
    List<String> instances = processInstances(50);

    Batch batch =
        service.setJobRetriesByProcessAsync(instances, null, null, JobRetries.of(2), null);
    assertThat(batch.totalJobs()).isEqualTo(8);
    assertThat(count("SELECT COUNT(*) FROM tern_job_definition WHERE job_configuration = '" + batch.id() + "'"))
        .isEqualTo(3);
    clock.advance(Duration.ofSeconds(1));
    driver(service).runAll();

    assertThat(service.find(batch.id())).isEmpty();
    HistoricBatch historic =
        new HistoricBatchService(database).find(batch.id()).orElseThrow();
    assertThat(historic.endTime()).isEqualTo(T0.plusSeconds(1));
    assertThat(historic.executionStartTime()).isEqualTo(T0.plusSeconds(1));
    assertThat(count("SELECT COUNT(*) FROM tern_job WHERE id LIKE :p AND retries = 2")).isEqualTo(50);
    assertThat(count("SELECT COUNT(*) FROM tern_incident WHERE id LIKE :p")).isZero();
    assertThat(count("SELECT COUNT(*) FROM tern_hi_incident WHERE id LIKE :p AND incident_state = 1 AND end_time IS NOT NULL"))
        .isEqualTo(50);
    assertThat(count("SELECT COUNT(*) FROM tern_job WHERE batch_id = '" + batch.id() + "'")).isZero();
    assertThat(count("SELECT COUNT(*) FROM tern_job_definition WHERE job_configuration = '" + batch.id() + "'"))
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM tern_batch_chunk WHERE batch_id = '" + batch.id() + "'")).isZero();
  }

  @Test
  void zeroRetriesOnJobsWithRetriesCreatesIncidents() {
    BatchService service = service(BatchSettings.defaults());
    List<String> instances = processInstances(5);
    database.useTransaction(
        h -> h.createUpdate("UPDATE tern_job SET retries = 3 WHERE id LIKE :p").bind("p", prefix + "%").execute());
    database.useTransaction(
        h -> h.createUpdate("DELETE FROM tern_incident WHERE id LIKE :p").bind("p", prefix + "%").execute());

    service.setJobRetriesByProcessAsync(instances, null, null, JobRetries.of(0), null);
    driver(service).runAll();

    assertThat(count("SELECT COUNT(*) FROM tern_job WHERE id LIKE :p AND retries = 0")).isEqualTo(5);
    assertThat(count("SELECT COUNT(*) FROM tern_incident WHERE configuration LIKE :p AND incident_type = 'failedJob'"))
        .isEqualTo(5);
    assertThat(count("SELECT COUNT(*) FROM tern_hi_incident WHERE configuration LIKE :p AND incident_state = 0 AND id LIKE '%-job-%'"))
        .isEqualTo(5);
  }

  @Test
  void dueDateIsKeptSetOrClearedAsRequested() {
    BatchService service = service(BatchSettings.defaults());
    processInstances(3);
    Instant due = T0.plus(Duration.ofDays(1));

    service.setJobRetriesAsync(List.of(prefix + "job-1"), null, JobRetries.of(1), null);
    service.setJobRetriesAsync(List.of(prefix + "job-2"), null, JobRetries.withDueDate(1, due), null);
    service.setJobRetriesAsync(List.of(prefix + "job-3"), null, JobRetries.withDueDate(1, null), null);
    driver(service).runAll();

    assertThat(dueDateOf("job-1")).isEqualTo(T0);
    assertThat(dueDateOf("job-2")).isEqualTo(due);
    assertThat(dueDateOf("job-3")).isNull();
  }

  private Instant dueDateOf(String job) {
    return database.withHandle(
        h -> h.createQuery("SELECT due_date FROM tern_job WHERE id = :id")
            .bind("id", prefix + job)
            .mapTo(Instant.class)
            .one());
  }

  @Test
  void jobsThatVanishedAfterTheSnapshotAreSkipped() {
    BatchService service = service(BatchSettings.defaults());
    List<String> instances = processInstances(4);
    Batch batch = service.setJobRetriesByProcessAsync(instances, null, null, JobRetries.of(1), null);
    database.useTransaction(h -> h.execute("DELETE FROM tern_job WHERE id = ?", prefix + "job-2"));

    driver(service).runAll();

    assertThat(service.find(batch.id())).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM tern_job WHERE id LIKE :p AND retries = 1")).isEqualTo(3);
  }

  @Test
  void failedBatchJobCountsAsFailedAndKeepsTheBatch() {
    BatchService service = service(BatchSettings.defaults());
    List<String> instances = processInstances(2);
    Batch batch = service.setJobRetriesByProcessAsync(instances, null, null, JobRetries.of(1), null);
    BatchJobDriver driver = driver(service);
    driver.runNext("batch-seed-job");
    database.useTransaction(
        h -> h.execute("UPDATE tern_batch SET configuration = 'broken' WHERE id = ?", batch.id()));

    driver.runAll();

    BatchStatistics stats = service.statistics(BatchQuery.all().set("batchId", batch.id()), 0, 1).get(0);
    assertThat(stats.failedJobs()).isEqualTo(1);
    assertThat(stats.remainingJobs()).isEqualTo(1);
    assertThat(stats.completedJobs()).isZero();
    clock.advance(Duration.ofMinutes(5));
    driver.runAll();
    assertThat(service.find(batch.id())).isPresent();
  }

  @Test
  void monitorJobEndsABatchWhoseJobsAreGone() {
    BatchService service = service(BatchSettings.defaults());
    List<String> instances = processInstances(2);
    Batch batch = service.setJobRetriesByProcessAsync(instances, null, null, JobRetries.of(1), null);
    BatchJobDriver driver = driver(service);
    driver.runNext("batch-seed-job");
    database.useTransaction(
        h -> h.execute("DELETE FROM tern_job WHERE handler_type = 'set-job-retries' AND batch_id = ?", batch.id()));

    driver.runNext("batch-monitor-job");

    assertThat(service.find(batch.id())).isEmpty();
    assertThat(new HistoricBatchService(database).find(batch.id()).orElseThrow().endTime()).isNotNull();
  }

  @Test
  void monitorJobPollsAgainAfterThirtySecondsWhileBatchJobsRemain() {
    BatchService service = service(BatchSettings.defaults());
    Batch batch =
        service.setJobRetriesByProcessAsync(processInstances(2), null, null, JobRetries.of(1), null);
    BatchJobDriver driver = driver(service);
    driver.runNext("batch-seed-job");

    driver.runNext("batch-monitor-job");

    Instant due =
        database.withHandle(
            h -> h.createQuery("SELECT due_date FROM tern_job WHERE handler_type = 'batch-monitor-job' AND batch_id = :b")
                .bind("b", batch.id())
                .mapTo(Instant.class)
                .one());
    assertThat(due).isEqualTo(T0.plusSeconds(30));
    assertThat(service.find(batch.id())).isPresent();
  }

  @Test
  void suspendingABatchSuspendsItsJobsAndDefinitions() {
    BatchService service = service(BatchSettings.defaults());
    Batch batch =
        service.setJobRetriesByProcessAsync(processInstances(2), null, null, JobRetries.of(1), null);

    service.setSuspended(batch.id(), true);
    assertThat(service.find(batch.id()).orElseThrow().suspended()).isTrue();
    assertThat(driver(service).runAll()).isZero();
    assertThat(count("SELECT COUNT(*) FROM tern_job_definition WHERE suspended = TRUE AND job_configuration = '" + batch.id() + "'"))
        .isEqualTo(3);

    service.setSuspended(batch.id(), false);
    assertThat(driver(service).runAll()).isPositive();
    assertThat(service.find(batch.id())).isEmpty();
  }

  @Test
  void deletingABatchKeepsOrRemovesItsHistory() {
    BatchService service = service(BatchSettings.defaults());
    HistoricBatchService history = new HistoricBatchService(database);
    Batch kept = service.setJobRetriesByProcessAsync(processInstances(2), null, null, JobRetries.of(1), null);
    Batch removed = service.setJobRetriesAsync(List.of(prefix + "job-1"), null, JobRetries.of(1), null);

    service.delete(kept.id(), false);
    service.delete(removed.id(), true);

    assertThat(service.find(kept.id())).isEmpty();
    assertThat(history.find(kept.id()).orElseThrow().endTime()).isEqualTo(T0);
    assertThat(history.find(removed.id())).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM tern_job WHERE batch_id IS NOT NULL AND batch_id IN ('" + kept.id() + "', '" + removed.id() + "')"))
        .isZero();
  }

  @Test
  void chunkWorkTakesTheSameNumberOfStatementsForTenOrAThousandJobs() {
    assertThat(statementsForOneChunkOf(1000)).isEqualTo(statementsForOneChunkOf(10));
  }

  private int statementsForOneChunkOf(int size) {
    BatchService service = service(BatchSettings.defaults().withInvocationsPerBatchJob(size));
    String p = prefix + size + "-";
    FailedJobs.create(database, p, size, T0);
    List<String> instances =
        java.util.stream.IntStream.rangeClosed(1, size).mapToObj(n -> p + "pi-" + n).toList();
    service.setJobRetriesByProcessAsync(instances, null, null, JobRetries.of(3), null);
    BatchJobDriver driver = driver(service);
    driver.runNext("batch-seed-job");
    AtomicInteger statements = new AtomicInteger();
    SqlStatements config = database.jdbi().getConfig(SqlStatements.class);
    SqlLogger previous = config.getSqlLogger();
    config.setSqlLogger(
        new SqlLogger() {
          @Override
          public void logAfterExecution(StatementContext context) {
            statements.incrementAndGet();
          }
        });
    try {
      driver.runNext("set-job-retries");
    } finally {
      config.setSqlLogger(previous);
    }
    long updated =
        database.withHandle(
            h -> h.createQuery("SELECT COUNT(*) FROM tern_job WHERE id LIKE :p AND retries = 3")
                .bind("p", p + "%")
                .mapTo(Long.class)
                .one());
    assertThat(updated).isEqualTo(size);
    return statements.get();
  }

  @Test
  void creationIsLoggedWhenTheUserIsKnown() {
    BatchService service = service(BatchSettings.defaults());
    UserOperationLogService log = new UserOperationLogService(database);
    UserOperationLogQuery byUser = new UserOperationLogQuery().set("userId", "demo-" + prefix);
    List<String> instances = processInstances(3);

    service.setJobRetriesByProcessAsync(instances, null, null, JobRetries.of(5), null);
    assertThat(log.count(Caller.SYSTEM, byUser)).isZero();
    service.setJobRetriesByProcessAsync(instances, null, null, JobRetries.of(5), "demo-" + prefix);

    List<UserOperationLogEntry> entries = log.list(Caller.SYSTEM, byUser, 0, 10);
    assertThat(entries)
        .extracting(UserOperationLogEntry::property, UserOperationLogEntry::newValue)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("nrOfInstances", "3"),
            org.assertj.core.groups.Tuple.tuple("async", "true"),
            org.assertj.core.groups.Tuple.tuple("retries", "5"));
    assertThat(entries).allSatisfy(e -> {
      assertThat(e.entityType()).isEqualTo("Job");
      assertThat(e.operationType()).isEqualTo("SetJobRetries");
      assertThat(e.operationId()).isEqualTo(entries.get(0).operationId());
    });
  }

  @Test
  void requestsWithoutSelectorOrJobsOrWithNegativeRetriesAreRefused() {
    BatchService service = service(BatchSettings.defaults());
    processInstances(1);

    assertThatThrownBy(() -> service.setJobRetriesByProcessAsync(List.of(), null, null, JobRetries.of(1), null))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessage("ENGINE-13051 You must specify at least one of or one of processInstanceIds,"
            + " processInstanceQuery, or historicProcessInstanceQuery.");
    assertThatThrownBy(() -> service.setJobRetriesByProcessAsync(List.of("nope"), null, null, JobRetries.of(1), null))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("jobIds is empty");
    assertThatThrownBy(() -> service.setJobRetriesAsync(null, null, JobRetries.of(1), null))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("jobIds is empty");
    assertThatThrownBy(() -> service.setJobRetriesAsync(List.of(prefix + "job-1"), null, JobRetries.of(-1), null))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessage("Retries count is not greater than or equal to 0");
    assertThat(service.count(BatchQuery.all())).isZero();
  }

  @Test
  void negativeRetriesAreRefusedBeforeAnyRowIsWritten() {
    BatchService service = service(BatchSettings.defaults());
    List<String> instances = processInstances(3);
    long jobs = count("SELECT COUNT(*) FROM tern_job");

    List<String> written =
        WrittenStatements.during(
            database,
            () -> {
              assertThatThrownBy(
                      () ->
                          service.setJobRetriesByProcessAsync(
                              instances, null, null, JobRetries.of(-1), null))
                  .isInstanceOf(ProcessEngineException.class)
                  .hasMessage("Retries count is not greater than or equal to 0");
              assertThatThrownBy(
                      () -> service.setJobRetriesAsync(List.of("nope"), null, JobRetries.of(-1), null))
                  .isInstanceOf(InvalidRequestException.class)
                  .hasMessage("jobIds is empty");
              assertThatThrownBy(
                      () -> service.setJobRetriesByJobDefinition("nope", JobRetries.of(-2)))
                  .isInstanceOf(ProcessEngineException.class)
                  .hasMessageContaining("must be a non-negative Integer, but '-2'");
            });

    assertThat(written).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM tern_batch_chunk")).isZero();
    assertThat(count("SELECT COUNT(*) FROM tern_batch")).isZero();
    assertThat(count("SELECT COUNT(*) FROM tern_job")).isEqualTo(jobs);
  }
  /**
   * V51_1 turns the items of batches running at the upgrade (one row per item) into chunks (one
   * row per batch job): a half-done batch is put back into the old shape, the migration's
   * statements run again, and the batch finishes with every job's retries set.
   */
  @Test
  void theItemsOfABatchRunningAtTheUpgradeBecomeChunksThatItsBatchJobsFinish() {
    BatchService service = service(BatchSettings.defaults().withInvocationsPerBatchJob(7));
    List<String> instances = processInstances(50);
    Batch batch = service.setJobRetriesByProcessAsync(instances, null, null, JobRetries.of(2), null);
    BatchJobDriver driver = driver(service);
    driver.runNext("batch-seed-job");
    driver.runNext("set-job-retries");
    assertThat(count("SELECT COUNT(*) FROM tern_job WHERE id LIKE :p AND retries = 2")).isEqualTo(7);

    List<String> itemsBefore = toItemRows(batch.id());
    assertThat(itemsBefore).hasSize(43);
    List<String> statements = MigrationScript.statements("/db/migration/V51_1__batch_chunks.sql");
    assertThat(statements).hasSize(3);
    MigrationScript.run(database, statements);

    List<Chunk> chunks = chunks(batch.id());
    assertThat(chunks.stream().map(Chunk::seq).toList())
        .containsExactly(7L, 14L, 21L, 28L, 35L, 42L, 49L);
    assertThat(chunks.stream().flatMap(c -> Arrays.stream(c.ids())).toList())
        .containsExactlyElementsOf(itemsBefore);
    driver.runAll();
    assertThat(service.find(batch.id())).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM tern_job WHERE id LIKE :p AND retries = 2")).isEqualTo(50);
    assertThat(count("SELECT COUNT(*) FROM tern_incident WHERE id LIKE :p")).isZero();
  }

  /** Rewrites the batch's chunks as V1's items table; returns the items in seq order. */
  private List<String> toItemRows(String batchId) {
    List<Chunk> chunks = chunks(batchId);
    return database.inTransaction(
        h -> {
          List<String> items = new ArrayList<>();
          h.execute(
              "CREATE TABLE tern_batch_item (batch_id VARCHAR(64) NOT NULL, seq BIGINT NOT NULL,"
                  + " item_id VARCHAR(64) NOT NULL, PRIMARY KEY (batch_id, seq))");
          for (Chunk chunk : chunks) {
            for (int i = 0; i < chunk.ids().length; i++) {
              h.execute(
                  "INSERT INTO tern_batch_item (batch_id, seq, item_id) VALUES (?, ?, ?)",
                  batchId, chunk.seq() + i, chunk.ids()[i]);
              items.add((String) chunk.ids()[i]);
            }
          }
          h.execute("DROP TABLE tern_batch_chunk");
          return items;
        });
  }

  private record Chunk(long seq, Object[] ids) {}

  private List<Chunk> chunks(String batchId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT seq, item_ids FROM tern_batch_chunk WHERE batch_id = :b ORDER BY seq")
                .bind("b", batchId)
                .map((rs, ctx) -> new Chunk(rs.getLong(1), (Object[]) rs.getArray(2).getArray()))
                .list());
  }
}
