package dev.tern.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code /health/live}, {@code /health/ready} and {@code /metrics} of a server started as {@code
 * tern.jar} starts it, on each database: what an operator's probes and Prometheus read.
 */
@DatabaseTest
class OperationsEndpointsTest {

  private static final String PROCESS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="tern">
        <process id="metered" isExecutable="true" camunda:historyTimeToLive="P1D">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
          <serviceTask id="work" camunda:asyncBefore="true" camunda:expression="${true}"/>
          <sequenceFlow id="f2" sourceRef="work" targetRef="end"/>
          <endEvent id="end"/>
        </process>
      </definitions>
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestDatabase db;
  private final HttpClient http = HttpClient.newHttpClient();
  private Main.Running running;
  private String base;
  private String authorization;

  OperationsEndpointsTest(TestDatabase db) {
    this.db = db;
  }

  @AfterEach
  void stop() throws SQLException {
    if (running != null) {
      if (db.name().equals("PostgreSQL")) {
        allowConnections(true);
      }
      running.close();
    }
  }

  @Test
  void probesReportTheDatabaseAndTheJobExecutor() throws Exception {
    start(Map.of(ServerConfig.JOB_EXECUTOR_ACTIVE, "false"));

    HttpResponse<String> live = get("/health/live");
    HttpResponse<String> ready = get("/health/ready");

    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(live.body()).path("status").asText()).isEqualTo("UP");
    assertThat(ready.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(ready.body());
    assertThat(body.path("status").asText()).isEqualTo("UP");
    assertThat(body.at("/database/status").asText()).isEqualTo("UP");
    assertThat(body.at("/database/schemaVersion").asText()).matches("\\d+(\\.\\d+)?");
    assertThat(body.at("/jobExecutor/status").asText()).isEqualTo("UP");
    assertThat(body.at("/jobExecutor/active").asBoolean(true)).isFalse();
  }

  /**
   * The outage story as Prometheus sees it, in one server life (the gauges count the whole
   * database, so this is the only test here that creates work): a failed job shows as an incident
   * and leaves the due backlog, a retry batch shows its remaining jobs, and once the executor runs
   * everything, the runs are counted and every gauge is back to zero.
   */
  @Test
  void metricsFollowIncidentsBatchesAndJobRunsAndTimeRequestsByRoute() throws Exception {
    start(Map.of(ServerConfig.JOB_EXECUTOR_ACTIVE, "false"));
    deploy();
    startInstance();
    startInstance();
    String failedJob = firstJobId();
    assertThat(send("PUT", "/engine-rest/job/" + failedJob + "/retries", "{\"retries\":0}").statusCode())
        .isEqualTo(204);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              String metrics = metrics();
              assertThat(value(metrics, "tern_jobs_due", Map.of())).isEqualTo(1.0);
              assertThat(value(metrics, "tern_incidents_open", Map.of("type", "failedJob")))
                  .isEqualTo(1.0);
              assertThat(value(metrics, "tern_incidents_open", Map.of("type", "failedExternalTask")))
                  .isEqualTo(0.0);
            });

    HttpResponse<String> batch =
        send(
            "POST",
            "/engine-rest/process-instance/job-retries",
            "{\"processInstanceQuery\":{\"processDefinitionKey\":\"metered\"},\"retries\":5}");
    assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        value(metrics(), "tern_batch_jobs_remaining", Map.of("type", "set-job-retries")))
                    .isPositive());

    assertThat(send("PUT", "/admin/job-executor", "{\"active\":true}").statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              String metrics = metrics();
              assertThat(value(metrics, "tern_jobs_due", Map.of())).isEqualTo(0.0);
              assertThat(value(metrics, "tern_incidents_open", Map.of("type", "failedJob")))
                  .isEqualTo(0.0);
              assertThat(
                      value(metrics, "tern_batch_jobs_remaining", Map.of("type", "set-job-retries")))
                  .isEqualTo(0.0);
              assertThat(get("/engine-rest/history/process-instance/count?finished=true").body())
                  .isEqualTo("{\"count\":2}");
            });

    String metrics = metrics();
    double succeeded = sum(metrics, "tern_job_executions_seconds_count", Map.of("outcome", "succeeded"));
    assertThat(succeeded).isGreaterThanOrEqualTo(2.0);
    assertThat(value(metrics, "tern_job_claimed_total", Map.of())).isGreaterThanOrEqualTo(succeeded);
    assertThat(value(metrics, "tern_job_acquisitions_total", Map.of())).isGreaterThanOrEqualTo(1.0);
    assertThat(value(metrics, "tern_job_in_flight", Map.of())).isEqualTo(0.0);
    assertThat(
            value(
                metrics,
                "http_server_requests_seconds_count",
                Map.of("method", "PUT", "uri", "/engine-rest/job/{id}/retries", "status", "204")))
        .isEqualTo(1.0);
    assertThat(
            value(
                metrics,
                "http_server_requests_seconds_count",
                Map.of("method", "POST", "uri", "/engine-rest/process-definition/key/{key}/start")))
        .isEqualTo(2.0);
    assertThat(value(metrics, "hikaricp_connections_max", Map.of("pool", "tern"))).isPositive();
    assertThat(sum(metrics, "jvm_memory_used_bytes", Map.of("area", "heap"))).isPositive();
  }

  @Test
  void withAuthenticationMetricsNeedCredentialsButProbesDoNot() throws Exception {
    start(
        Map.of(
            ServerConfig.AUTH, "basic",
            ServerConfig.ADMIN_USER, "admin",
            ServerConfig.ADMIN_PASSWORD, "probe-secret"));

    HttpResponse<String> anonymousMetrics = get("/metrics");
    HttpResponse<String> anonymousReady = get("/health/ready");
    HttpResponse<String> anonymousLive = get("/health/live");
    authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("admin:probe-secret".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> metrics = get("/metrics");

    assertThat(anonymousMetrics.statusCode()).isEqualTo(401);
    assertThat(anonymousMetrics.body()).doesNotContain("tern_");
    assertThat(anonymousReady.statusCode()).isEqualTo(200);
    assertThat(anonymousLive.statusCode()).isEqualTo(200);
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/plain; version=0.0.4");
    assertThat(metrics.body()).contains("tern_jobs_due");
  }

  @Test
  void readinessFailsWhileTheDatabaseIsUnreachableAndRecovers() throws Exception {
    Assumptions.assumeTrue(db.name().equals("PostgreSQL"), "an outage needs a database server");
    start(Map.of());
    assertThat(get("/health/ready").statusCode()).isEqualTo(200);

    allowConnections(false);
    HttpResponse<String> down = get("/health/ready");
    HttpResponse<String> live = get("/health/live");
    String metrics = metrics();
    allowConnections(true);

    assertThat(down.statusCode()).isEqualTo(503);
    JsonNode body = JSON.readTree(down.body());
    assertThat(body.path("status").asText()).isEqualTo("DOWN");
    assertThat(body.at("/database/status").asText()).isEqualTo("DOWN");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(value(metrics, "tern_jobs_due", Map.of())).isNaN();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(get("/health/ready").statusCode()).isEqualTo(200));
  }

  private void start(Map<String, String> settings) {
    Map<String, String> values = new HashMap<>(settings);
    values.put(ServerConfig.PORT, "0");
    values.put(ServerConfig.DB_URL, db.config().jdbcUrl());
    if (db.config().user() != null) {
      values.put(ServerConfig.DB_USER, db.config().user());
    }
    if (db.config().password() != null) {
      values.put(ServerConfig.DB_PASSWORD, db.config().password());
    }
    running = Main.start(ServerConfig.load(values, null));
    base = "http://127.0.0.1:" + running.server().port();
  }

  private void deploy() throws Exception {
    String boundary = "tern-boundary";
    String body =
        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nmetered\r\n"
            + "--" + boundary
            + "\r\nContent-Disposition: form-data; name=\"metered.bpmn\"; filename=\"metered.bpmn\"\r\n"
            + "Content-Type: application/xml\r\n\r\n" + PROCESS + "\r\n--" + boundary + "--\r\n";
    HttpResponse<String> response =
        http.send(
            request("/engine-rest/deployment/create")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private void startInstance() throws Exception {
    HttpResponse<String> response =
        send("POST", "/engine-rest/process-definition/key/metered/start", "{}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private String firstJobId() throws Exception {
    return JSON.readTree(get("/engine-rest/job?maxResults=1").body()).get(0).path("id").asText();
  }

  private String metrics() throws Exception {
    HttpResponse<String> response = get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /** The value of the one series of {@code name} whose labels include {@code labels}. */
  private static double value(String scrape, String name, Map<String, String> labels) {
    List<Double> values = values(scrape, name, labels);
    assertThat(values).as("one series %s%s in:%n%s", name, labels, scrape).hasSize(1);
    return values.get(0);
  }

  /** The sum of every series of {@code name} whose labels include {@code labels} (at least one). */
  private static double sum(String scrape, String name, Map<String, String> labels) {
    List<Double> values = values(scrape, name, labels);
    assertThat(values).as("a series %s%s in:%n%s", name, labels, scrape).isNotEmpty();
    return values.stream().mapToDouble(Double::doubleValue).sum();
  }

  private static List<Double> values(String scrape, String name, Map<String, String> labels) {
    Pattern line =
        Pattern.compile("^" + Pattern.quote(name) + "(\\{(.*)\\})? (\\S+)$", Pattern.MULTILINE);
    Matcher matcher = line.matcher(scrape);
    List<Double> values = new ArrayList<>();
    while (matcher.find()) {
      String labelText = matcher.group(2) == null ? "" : matcher.group(2);
      if (labels.entrySet().stream()
          .allMatch(e -> labelText.contains(e.getKey() + "=\"" + e.getValue() + "\""))) {
        values.add(Double.valueOf(matcher.group(3)));
      }
    }
    return values;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String path, String json) throws Exception {
    return http.send(
        request(path)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private void allowConnections(boolean allow) throws SQLException {
    String url = db.config().jdbcUrl();
    String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
    try (Connection connection =
            DriverManager.getConnection(admin, db.config().user(), db.config().password());
        Statement statement = connection.createStatement()) {
      statement.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS " + allow);
      if (!allow) {
        statement.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
      }
    }
  }
}
