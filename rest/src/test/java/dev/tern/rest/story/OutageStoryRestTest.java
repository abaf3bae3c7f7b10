package dev.tern.rest.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.tern.engine.job.JobExecutorSettings;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outage story up to the moment an operator acts, entirely over HTTP: the downstream service is
 * down, 200 orders exhaust their retries and raise incidents; then the service is back and one job
 * retried by hand completes its instance.
 */
@DatabaseTest
class OutageStoryRestTest {

  private static final int INSTANCES = 200;

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-03-01T08:00:00Z"));
  private DownstreamStub downstream;
  private RestTestServer server;

  OutageStoryRestTest(TestDatabase db) {
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
                    engine.jobExecutorSettings(
                        JobExecutorSettings.defaults()
                            .withIdleDelays(Duration.ofMillis(10), Duration.ofMillis(100))))
            .start();
  }

  @AfterEach
  void stop() {
    server.close();
    downstream.close();
  }

  @Test
  void failedJobsRaiseIncidentsAndOneRetriedJobCompletesItsInstance() throws IOException {
    OrderSyncStory story = new OrderSyncStory(server, downstream, clock);
    story.deploy();
    List<String> instanceIds = story.startOrders(INSTANCES);

    story.awaitJobsOutOfRetries(INSTANCES, Duration.ofSeconds(120));

    List<Map<String, Object>> jobs =
        server.given().queryParam("processDefinitionKey", "orderSync").get("/job")
            .then().statusCode(200).extract().jsonPath().getList("$");
    assertThat(jobs).hasSize(INSTANCES);
    assertThat(jobs)
        .allSatisfy(
            job -> {
              assertThat(job.get("retries")).isEqualTo(0);
              assertThat((String) job.get("exceptionMessage")).contains("503");
            });
    String firstJobId = (String) jobs.get(0).get("id");
    String stacktrace =
        server.givenWithoutContract().accept(ContentType.TEXT)
            .get("/job/{id}/stacktrace", firstJobId)
            .then().statusCode(200).contentType(ContentType.TEXT).extract().asString();
    assertThat(stacktrace).contains("503").contains("\tat ");
    // Two attempts per order (R2/PT10S), every one refused by the downstream service.
    assertThat(downstream.failedCalls()).isEqualTo(2 * INSTANCES);

    server.given().queryParam("incidentType", "failedJob").get("/incident/count")
        .then().statusCode(200).body("count", equalTo(INSTANCES));
    server.given().queryParam("withIncident", true).get("/process-instance/count")
        .then().statusCode(200).body("count", equalTo(INSTANCES));

    downstream.bringUp();
    Map<String, Object> retried = jobs.get(0);
    String retriedInstance = (String) retried.get("processInstanceId");
    server.given().contentType(ContentType.JSON).body(Map.of("retries", 1))
        .put("/job/{id}/retries", retried.get("id"))
        .then().statusCode(204);

    server.given().queryParam("configuration", retried.get("id")).get("/incident/count")
        .then().statusCode(200).body("count", equalTo(0));
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () ->
                server.given().get("/history/process-instance/{id}", retriedInstance)
                    .then().statusCode(200)
                    .body("state", equalTo("COMPLETED"))
                    .body("endTime", notNullValue()));
    assertThat(instanceIds).contains(retriedInstance);
    server.given().get("/process-instance/{id}", retriedInstance).then().statusCode(404);
    server.given().queryParam("incidentType", "failedJob").get("/incident/count")
        .then().statusCode(200).body("count", equalTo(INSTANCES - 1));
    server.given().queryParam("resolved", true).get("/history/incident/count")
        .then().statusCode(200).body("count", equalTo(1));
    assertThat(downstream.ordersCalledSuccessfully()).hasSize(1);
  }

}
