package dev.tern.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** The few calls of Camunda 7's REST API that the outage story makes, over plain HTTP/1.1. */
public final class EngineRestClient {

  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

  private final String baseUrl;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  public EngineRestClient(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** {@code GET /version}, or "unknown" where the server does not offer it. */
  public String engineVersion() {
    Response response = send(request("/version").GET());
    return response.ok() ? response.body().path("version").asText("unknown") : "unknown";
  }

  /** Deploys one BPMN resource; returns the deployment id. */
  public String deploy(String deploymentName, String resourceName, String xml) {
    String boundary = "bench-" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    appendPart(body, boundary, "deployment-name", null, deploymentName);
    appendPart(body, boundary, "deployment-source", null, "tern-bench");
    appendPart(body, boundary, "data", resourceName, xml);
    body.append("--").append(boundary).append("--\r\n");
    Response response =
        expectOk(
            send(
                request("/deployment/create")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))),
            "deploy");
    return response.body().path("id").asText();
  }

  /** {@code POST /process-definition/key/{key}/start} with the story's two variables. */
  public void startInstance(String processKey, String orderId, int amount) {
    String body =
        "{\"variables\":{\"orderId\":{\"value\":\""
            + orderId
            + "\",\"type\":\"String\"},\"amount\":{\"value\":"
            + amount
            + ",\"type\":\"Integer\"}}}";
    expectOk(post("/process-definition/key/" + encode(processKey) + "/start", body), "start");
  }

  /**
   * {@code POST /process-definition/key/{key}/start} with {@code orderId} as business key and as
   * the one variable; returns the instance id.
   */
  public String startOrder(String processKey, String orderId) {
    String body =
        "{\"businessKey\":\"" + orderId + "\",\"variables\":{\"orderId\":{\"value\":\""
            + orderId + "\",\"type\":\"String\"}}}";
    return expectOk(post("/process-definition/key/" + encode(processKey) + "/start", body), "start")
        .body()
        .path("id")
        .asText();
  }

  /** {@code GET <path>} of a count resource. */
  public long count(String pathAndQuery) {
    return expectOk(send(request(pathAndQuery).GET()), "count").body().path("count").asLong();
  }

  /** {@code GET <path>}; empty when the server answers 404 (a resource it does not offer). */
  public Optional<JsonNode> getIfPresent(String pathAndQuery) {
    Response response = send(request(pathAndQuery).GET());
    if (response.status() == 404) {
      return Optional.empty();
    }
    return Optional.of(expectOk(response, "GET " + pathAndQuery).body());
  }

  /** What a request answered: its status and its body (JSON, or a text node when not JSON). */
  public record Answer(int status, JsonNode body) {}

  /**
   * {@code method <pathAndQuery>} with an optional JSON body, whatever the status (for comparing
   * answers, errors included).
   */
  public Answer exchange(String method, String pathAndQuery, String jsonBody) {
    HttpRequest.Builder request = request(pathAndQuery);
    if (jsonBody == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
    }
    Response response = send(request);
    return new Answer(response.status(), response.body());
  }

  /** Deploys one BPMN resource whatever the status, answering as {@link #exchange} does. */
  public Answer deployAnswer(String deploymentName, String resourceName, String xml) {
    String boundary = "bench-" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    appendPart(body, boundary, "deployment-name", null, deploymentName);
    appendPart(body, boundary, "data", resourceName, xml);
    body.append("--").append(boundary).append("--\r\n");
    Response response =
        send(
            request("/deployment/create")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    return new Answer(response.status(), response.body());
  }

  /** {@code POST <path>} with a JSON body; fails unless 2xx. */
  public JsonNode postJson(String path, String jsonBody) {
    return expectOk(post(path, jsonBody), "POST " + path).body();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private Response post(String path, String jsonBody) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
        .timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json");
  }

  private Response send(HttpRequest.Builder request) {
    HttpRequest built = request.build();
    try {
      HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
      String text = response.body();
      JsonNode body =
          text == null || text.isBlank() ? json.nullNode() : parseOrText(text);
      return new Response(built.method() + " " + built.uri(), response.statusCode(), body);
    } catch (IOException e) {
      throw new BenchFailure(built.method() + " " + built.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailure("interrupted during " + built.uri(), e);
    }
  }

  private JsonNode parseOrText(String text) {
    try {
      return json.readTree(text);
    } catch (IOException e) {
      return json.getNodeFactory().textNode(text);
    }
  }

  private static Response expectOk(Response response, String what) {
    if (!response.ok()) {
      throw new BenchFailure(
          what + ": " + response.request() + " answered " + response.status() + " " + response.body());
    }
    return response;
  }

  private static void appendPart(
      StringBuilder body, String boundary, String name, String fileName, String content) {
    body.append("--").append(boundary).append("\r\n");
    body.append("Content-Disposition: form-data; name=\"").append(name).append('"');
    if (fileName != null) {
      body.append("; filename=\"").append(fileName).append('"');
    }
    body.append("\r\n");
    if (fileName != null) {
      body.append("Content-Type: application/octet-stream\r\n");
    }
    body.append("\r\n").append(content).append("\r\n");
  }

  private record Response(String request, int status, JsonNode body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }
}
