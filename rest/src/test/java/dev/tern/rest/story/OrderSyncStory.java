package dev.tern.rest.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.engine.testing.MutableClock;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The steps of the outage story that every story test shares, all over HTTP: deploy
 * {@code order-sync.bpmn} pointed at the downstream stub, start orders, and let the retry waits pass
 * until every job is out of retries.
 */
final class OrderSyncStory {

  static final Duration RETRY_WAIT = Duration.ofSeconds(10);

  private final RestTestServer server;
  private final DownstreamStub downstream;
  private final MutableClock clock;
  private final PlainHttpClient http;

  OrderSyncStory(RestTestServer server, DownstreamStub downstream, MutableClock clock) {
    this.server = server;
    this.http = new PlainHttpClient(server.baseUrl());
    this.downstream = downstream;
    this.clock = clock;
  }

  void deploy() throws IOException {
    String bpmn;
    try (InputStream in = getClass().getResourceAsStream("/story/order-sync.bpmn")) {
      bpmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    bpmn = bpmn.replace("http://127.0.0.1:9090", downstream.baseUrl());
    server.given()
        .contentType("multipart/form-data")
        .multiPart("deployment-name", "order-sync")
        .multiPart("deployment-source", "outage story")
        .multiPart(
            "order-sync.bpmn",
            "order-sync.bpmn",
            bpmn.getBytes(StandardCharsets.UTF_8),
            "application/octet-stream")
        .post("/deployment/create")
        .then()
        .statusCode(200)
        .body("deployedProcessDefinitions.size()", equalTo(1));
  }

  /**
   * Starts {@code count} small orders (amount ≤ 1000, so no review) and returns their ids. The first
   * start goes through RestAssured and the contract validator; the rest repeat the same request on
   * a plain HTTP client, because RestAssured and the validator cost far more CPU per call than
   * the engine spends on a start.
   */
  List<String> startOrders(int count) {
    List<String> ids = new ArrayList<>();
    JsonPath first =
        server.given().contentType(ContentType.JSON).body(startBody(0))
            .post("/process-definition/key/orderSync/start")
            .then().statusCode(200).extract().jsonPath();
    assertThat(first.getBoolean("ended")).isFalse();
    ids.add(first.getString("id"));
    for (int i = 1; i < count; i++) {
      JsonNode started = http.postJson("/process-definition/key/orderSync/start", startBody(i));
      assertThat(started.get("ended").asBoolean()).isFalse();
      ids.add(started.get("id").asText());
    }
    return ids;
  }

  private static Map<String, Object> startBody(int i) {
    return Map.of(
        "businessKey", "order-" + i,
        "variables",
        Map.of(
            "orderId", Map.of("value", "order-" + i, "type", "String"),
            "amount", Map.of("value", 100 + (i % 900), "type", "Integer")));
  }

  /** Lets the retry waits pass on the engine's clock until {@code count} jobs have no retries left. */
  void awaitJobsOutOfRetries(int count, Duration atMost) {
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              clock.advance(RETRY_WAIT);
              return count("/job/count", Map.of("noRetriesLeft", true)) == count;
            });
  }

  /** A {@code …/count} answer; polled often, so on the plain client. */
  int count(String path, Map<String, ?> query) {
    return http.getJson(path, query).get("count").asInt();
  }

  /** A JSON answer of a GET that a test polls often, on the plain client. */
  JsonNode get(String path, Map<String, ?> query) {
    return http.getJson(path, query);
  }
}
