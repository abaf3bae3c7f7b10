package dev.tern.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.persistence.DatabaseConfig;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The benchmark's smoke mode: the whole outage story (and the executor benchmark) with N = 200 against Tern started in-process,
 * on H2 and on PostgreSQL, so the driver and the endpoints it needs cannot drift apart.
 */
@DatabaseTest
class OutageSmokeTest {

  private static final int INSTANCES = 200;

  private final TestDatabase db;

  OutageSmokeTest(TestDatabase db) {
    this.db = db;
  }

  @Test
  void driverTalksToTernInProcess() {
    try (RestTestServer server = RestTestServer.start(db)) {
      assertThat(new EngineRestClient(server.baseUrl()).engineVersion()).isNotEqualTo("unknown");
    }
  }

  @Test
  void outageStoryRecoversEveryInstanceWithOneBatchCall() {
    try (RestTestServer server = RestTestServer.start(db)) {
      StoryConfig config =
          new StoryConfig(
              INSTANCES,
              4,
              "R2/PT1S",
              1,
              Duration.ofMinutes(2),
              Duration.ofMillis(100),
              Optional.of(ProcessHandle.current().pid()),
              Optional.of(floorOn(db.config())),
              1,
              false);

      StoryResult result =
          new OutageStory(new EngineRestClient(server.baseUrl()), config, ProgressBar.silent(), System.out)
              .run("tern-" + db.name());

      assertThat(result.failedCalls()).as("two executions per job with R2").isEqualTo(2L * INSTANCES);
      assertThat(result.floorJobsUpdated()).isEqualTo(INSTANCES);
      assertThat(result.floorIncidentsDeleted()).isEqualTo(INSTANCES);
      assertThat(result.batchId()).isNotBlank();
      assertThat(result.retriesAppliedServerSeconds()).isNotNull().isPositive();
      assertThat(result.batchEndServerSeconds()).isNotNull().isPositive();
      assertThat(result.allCompletedServerSeconds()).isNotNull().isPositive();
      assertThat(result.successfulCalls()).isEqualTo(INSTANCES);
      assertThat(result.startP50Millis()).isNotNull().isPositive();
      assertThat(result.startP99Millis()).isGreaterThanOrEqualTo(result.startP50Millis());
      assertThat(result.peakHeapMb()).isNotNull().isPositive();
    }
  }

  @Test
  void executorBenchmarkRunsEveryTrivialJob() {
    try (RestTestServer server = RestTestServer.start(db)) {
      int exitCode =
          new CommandLine(new OutageBench())
              .execute("executor", "--base-url", server.baseUrl(), "-n", "50", "--clients", "2");

      assertThat(exitCode).isZero();
      assertThat(new EngineRestClient(server.baseUrl()).count("/history/process-instance/count?finished=true"))
          .isEqualTo(50);
    }
  }

  @Test
  void externalTaskBenchmarkCompletesFailsAndRetriesEveryTask() throws Exception {
    try (RestTestServer server = RestTestServer.start(db)) {
      EngineRestClient rest = new EngineRestClient(server.baseUrl());
      String finished = "/history/process-instance/count?finished=true";
      long finishedBefore = rest.count(finished); // the class's other tests share the database
      java.io.File json = java.io.File.createTempFile("external-tasks", ".json");
      json.deleteOnExit();
      int exitCode =
          new CommandLine(new OutageBench())
              .execute(
                  "external-tasks", "--base-url", server.baseUrl(), "-n", "40", "--workers", "2",
                  "--max-tasks", "7", "--clients", "2", "--wakeups", "3", "--phase-timeout", "PT2M",
                  "--json", json.getPath());

      assertThat(exitCode).isZero();
      var figures = OutageBench.mapper().readTree(json);
      assertThat(figures.path("throughputTasksPerSecond").asDouble()).isPositive();
      assertThat(figures.path("wakeUpMaxMs").asDouble()).isPositive();
      assertThat(figures.path("retriesAsyncBatchId").asText()).isNotBlank();
      assertThat(rest.count(finished) - finishedBefore).as("40 completed, 3 woken").isEqualTo(43);
      assertThat(rest.count("/external-task/count?noRetriesLeft=true")).isZero();
      assertThat(rest.count("/external-task/count?withRetriesLeft=true")).isEqualTo(40);
    }
  }

  private static SqlFloor.Target floorOn(DatabaseConfig config) {
    return new SqlFloor.Target(config.jdbcUrl(), config.user(), config.password(), SqlFloor.Schema.TERN);
  }
}
