package dev.tern.rest.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.RestSettings;
import dev.tern.rest.testing.RestTestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests a hostile web page or client sends: foreign origins, oversized and malformed uploads.
 * Each is answered in Camunda's error format and writes nothing.
 */
@DatabaseTest
class HostileRequestsRestTest {

  private static final long MAX_UPLOAD = 20_000;
  private static final String BOUNDARY = "----tern" + UUID.randomUUID().toString().replace("-", "");

  private final TestDatabase db;
  private final RestTestServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final String key = "k" + UUID.randomUUID().toString().substring(0, 8);

  HostileRequestsRestTest(TestDatabase db) {
    this.db = db;
    this.server =
        RestTestServer.builder(db)
            .rest(
                RestSettings.defaults()
                    .withAllowedOrigins(Set.of("https://modeler.example.com"))
                    .withMaxDeploymentBytes(MAX_UPLOAD)
                    .withMaxFormParts(5))
            .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private long deployments() {
    return db.database()
        .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM tern_deployment").mapTo(Long.class).one());
  }

  private String bpmn() {
    return "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\">"
        + "<process id=\"" + key + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"30\">"
        + "<startEvent id=\"s\"/></process></definitions>";
  }

  /** A multipart body with the BPMN and {@code extraFields} more text fields. */
  private String form(int extraFields) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < extraFields; i++) {
      body.append("--").append(BOUNDARY).append("\r\n")
          .append("Content-Disposition: form-data; name=\"field").append(i).append("\"\r\n\r\nv\r\n");
    }
    body.append("--").append(BOUNDARY).append("\r\n")
        .append("Content-Disposition: form-data; name=\"data\"; filename=\"p.bpmn\"\r\n")
        .append("Content-Type: application/octet-stream\r\n\r\n")
        .append(bpmn()).append("\r\n--").append(BOUNDARY).append("--\r\n");
    return body.toString();
  }

  private HttpResponse<String> deploy(String body, String origin) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/deployment/create"))
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aWriteFromAForeignOriginIs403AndWritesNothing() throws Exception {
    long before = deployments();

    HttpResponse<String> response = deploy(form(0), "https://evil.example.org");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body())
        .startsWith("{\"type\":\"ForbiddenException\",\"message\":\"HTTP 403 Forbidden: a POST from origin 'https://evil.example.org' is refused")
        .endsWith(",\"code\":null}");
    assertThat(deployments()).isEqualTo(before);
  }

  @Test
  void aBodylessPostFromAForeignOriginIs403() throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/job/nope/execute"))
                .header("Origin", "null")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void listedSameOriginAndOriginlessWritesPassAndForeignReadsToo() throws Exception {
    assertThat(deploy(form(0), "https://modeler.example.com/").statusCode()).isEqualTo(200);
    assertThat(deploy(form(0), "http://localhost:" + server.port()).statusCode()).isEqualTo(200);
    assertThat(deploy(form(0), null).statusCode()).isEqualTo(200);
    HttpResponse<String> read =
        client.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/deployment/count"))
                .header("Origin", "https://evil.example.org")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(read.statusCode()).isEqualTo(200);
  }

  @Test
  void anUploadAnnouncedOverTheLimitIs413BeforeItsBodyIsSent() throws IOException {
    long before = deployments();
    String head =
        "POST /engine-rest/deployment/create HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
            + "Content-Length: 5000000000\r\n\r\n";

    // only the head is sent: an answer proves the server did not wait for the 5 GB
    String response = exchange(head);

    assertThat(response).startsWith("HTTP/1.1 413");
    assertThat(response).contains("{\"type\":\"InvalidRequestException\",\"message\":\"The upload is larger than the limit of 20000 bytes\",\"code\":null}");
    assertThat(deployments()).isEqualTo(before);
  }

  @Test
  void aStreamedUploadOverTheLimitIs413() throws Exception {
    long before = deployments();
    String padding = "x".repeat((int) MAX_UPLOAD);
    String body =
        "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"big.bpmn\"\r\n\r\n"
            + padding + "\r\n--" + BOUNDARY + "--\r\n";

    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                // a publisher of unknown length: sent chunked, without Content-Length
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("\"type\":\"InvalidRequestException\"");
    assertThat(deployments()).isEqualTo(before);
  }

  @Test
  void tooManyFormPartsIs400() throws Exception {
    long before = deployments();

    HttpResponse<String> response = deploy(form(10), null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"type\":\"InvalidRequestException\"").contains("parts");
    assertThat(deployments()).isEqualTo(before);
  }

  @Test
  void aMalformedMultipartBodyIs400() throws Exception {
    long before = deployments();

    HttpResponse<String> response = deploy("--" + BOUNDARY + "\r\nthis is no part header", null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"type\":\"InvalidRequestException\"");
    assertThat(deployments()).isEqualTo(before);
  }

  private String exchange(String request) throws IOException {
    try (Socket socket = new Socket("localhost", server.port())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      int n;
      try {
        while ((n = in.read(buffer)) > 0) {
          received.write(buffer, 0, n);
          if (received.toString(StandardCharsets.UTF_8).contains("\"code\":null}")) {
            break;
          }
        }
      } catch (java.net.SocketTimeoutException e) {
        // whatever arrived is the answer
      }
      return received.toString(StandardCharsets.UTF_8);
    }
  }
}
