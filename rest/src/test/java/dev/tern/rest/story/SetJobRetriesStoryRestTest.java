package dev.tern.rest.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.engine.batch.BatchSettings;
import dev.tern.engine.job.JobExecutorSettings;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole outage story over HTTP: the downstream service is down until 2,000 orders have used up
 * their retries; it comes back; one {@code POST /process-instance/job-retries} with a process
 * instance query starts a batch that resets every job, in visible progress; the incidents resolve
 * and every order is sent exactly once more and completes.
 */
@DatabaseTest
class SetJobRetriesStoryRestTest {

  private static final int INSTANCES = 2_000;
  // Small chunks so the batch visibly progresses: 20 batch jobs, seeded 5 per seed run.
  private static final int INVOCATIONS_PER_BATCH_JOB = 100;
  private static final int BATCH_JOBS_PER_SEED = 5;

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-03-01T08:00:00Z"));
  private DownstreamStub downstream;
  private RestTestServer server;

  SetJobRetriesStoryRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() throws IOException {
    downstream = DownstreamStub.startDown();
    server =
        RestTestServer.builder(db)
            .clock(clock)
            .engine(
                engine ->
                    engine
                        .jobExecutorSettings(
                            JobExecutorSettings.defaults()
                                .withIdleDelays(Duration.ofMillis(10), Duration.ofMillis(100)))
                        .batchSettings(
                            BatchSettings.defaults()
                                .withInvocationsPerBatchJob(INVOCATIONS_PER_BATCH_JOB)
                                .withBatchJobsPerSeed(BATCH_JOBS_PER_SEED)))
            .start();
  }

  @AfterEach
  void stop() {
    server.close();
    downstream.close();
  }

  @Test
  void oneCallRetriesEveryFailedJobAndEveryOrderCompletesOnce() throws IOException {
    OrderSyncStory story = new OrderSyncStory(server, downstream, clock);
    story.deploy();
    List<String> instanceIds = story.startOrders(INSTANCES);
    story.awaitJobsOutOfRetries(INSTANCES, Duration.ofMinutes(5));
    assertThat(story.count("/incident/count", Map.of("incidentType", "failedJob")))
        .isEqualTo(INSTANCES);

    downstream.bringUp();
    setJobExecutorActive(false);
    JsonPath batch =
        server.given().contentType(ContentType.JSON)
            .body(
                Map.of(
                    "processInstanceQuery", Map.of("processDefinitionKey", "orderSync"),
                    "retries", 1))
            .post("/process-instance/job-retries")
            .then().statusCode(200).extract().jsonPath();
    String batchId = batch.getString("id");
    assertThat(batch.getString("type")).isEqualTo("set-job-retries");
    // As in Camunda, totalJobs counts batch jobs, each covering invocationsPerBatchJob jobs.
    assertThat(batch.getInt("totalJobs")).isEqualTo(INSTANCES / INVOCATIONS_PER_BATCH_JOB);
    assertThat(batch.getInt("jobsCreated")).isZero();
    assertThat(batch.getInt("invocationsPerBatchJob")).isEqualTo(INVOCATIONS_PER_BATCH_JOB);
    assertThat(batch.getInt("batchJobsPerSeed")).isEqualTo(BATCH_JOBS_PER_SEED);
    assertThat(batch.getString("seedJobDefinitionId")).isNotNull();
    assertThat(batch.getString("monitorJobDefinitionId")).isNotNull();
    assertThat(batch.getString("batchJobDefinitionId")).isNotNull();
    assertThat(batch.getBoolean("suspended")).isFalse();
    assertThat(batch.getString("startTime")).isNotNull();

    Map<String, Object> pending = statistics(batchId);
    assertThat(pending.get("completedJobs")).isEqualTo(0);
    assertThat(pending.get("remainingJobs")).isEqualTo(INSTANCES / INVOCATIONS_PER_BATCH_JOB);
    assertThat(pending.get("failedJobs")).isEqualTo(0);

    setJobExecutorActive(true);
    List<Integer> completedSeen = new ArrayList<>();
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              JsonNode rows = story.get("/batch/statistics", Map.of("batchId", batchId));
              if (rows.isEmpty()) {
                return true;
              }
              completedSeen.add(rows.get(0).get("completedJobs").asInt());
              return false;
            });
    assertThat(completedSeen).isSorted();
    assertThat(completedSeen).as("statistics seen while the batch ran").isNotEmpty();

    server.given().get("/batch/{id}", batchId).then().statusCode(404);
    server.given().get("/history/batch/{id}", batchId)
        .then().statusCode(200).body("endTime", notNullValue());

    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                story.count(
                        "/history/process-instance/count",
                        Map.of("processDefinitionKey", "orderSync", "finished", true))
                    == INSTANCES);
    assertThat(story.count("/incident/count", Map.of())).isZero();
    assertThat(story.count("/history/incident/count", Map.of("resolved", true)))
        .isEqualTo(INSTANCES);
    assertThat(story.count("/process-instance/count", Map.of())).isZero();
    assertThat(downstream.ordersCalledSuccessfully()).hasSize(INSTANCES);
    for (int i = 0; i < INSTANCES; i++) {
      assertThat(downstream.successfulCalls("order-" + i)).as("calls for order-" + i).isEqualTo(1);
    }
    assertThat(instanceIds).hasSize(INSTANCES);
  }

  private Map<String, Object> statistics(String batchId) {
    List<Map<String, Object>> rows =
        server.given().get("/batch/statistics?batchId={id}", batchId)
            .then().statusCode(200).extract().jsonPath().getList("$");
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private void setJobExecutorActive(boolean active) {
    server.givenWithoutContract()
        .baseUri("http://localhost:" + server.port())
        .basePath("")
        .contentType(ContentType.JSON)
        .body(Map.of("active", active))
        .put("/admin/job-executor")
        .then()
        .statusCode(200)
        .body("active", equalTo(active));
  }
}
