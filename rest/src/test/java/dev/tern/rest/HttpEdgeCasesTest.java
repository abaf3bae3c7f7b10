package dev.tern.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import dev.tern.rest.support.JsonBodies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** HTTP behaviour of the server itself; no database involved. */
class HttpEdgeCasesTest {

  private final RestServer server =
      new RestServer(
              "default",
              List.of(
                  routes -> {
                    routes
                        .get("/version", ctx -> ctx.json(Map.of("version", "x")))
                        .post("/echo", ctx -> ctx.result(String.valueOf(ctx.body().length())))
                        .post("/job", ctx -> ctx.json(JsonBodies.readObject(ctx)))
                        .get("/job/{id}", ctx -> ctx.result("job " + ctx.pathParam("id")));
                    routes.root().get("/admin/ping", ctx -> ctx.result("pong"));
                  }))
          .start(0);
  private final HttpClient client = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    server.stop();
  }

  private HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
            .method(method, body)
            .header("Content-Type", "application/json")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    return send(method, path, HttpRequest.BodyPublishers.noBody());
  }

  @Test
  void headAnswersLikeGetWithoutABody() throws Exception {
    HttpResponse<String> head = send("HEAD", "/engine-rest/version");

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(head.body()).isEmpty();
  }

  @Test
  void optionsListsTheAllowedMethods() throws Exception {
    HttpResponse<String> options = send("OPTIONS", "/engine-rest/version");

    assertThat(options.statusCode()).isEqualTo(204);
    assertThat(options.headers().firstValue("Allow")).contains("GET, HEAD, OPTIONS");
  }

  @Test
  void wrongMethodNamesTheAllowedOnes() throws Exception {
    HttpResponse<String> response = send("DELETE", "/engine-rest/version");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD, OPTIONS");
    assertThat(response.body())
        .contains("\"type\":\"NotAllowedException\"")
        .contains("\"message\":\"HTTP 405 Method Not Allowed\"")
        .contains("\"code\":null");
  }

  @Test
  void aJsonBodyWithoutContentTypeIsReadAsJson() throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/engine-rest/job"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"jobId\":\"j1\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"jobId\":\"j1\"}");
  }

  @Test
  void trailingSlashIsIgnored() throws Exception {
    assertThat(send("GET", "/engine-rest/version/").statusCode()).isEqualTo(200);
  }

  @Test
  void routesOutsideTheBasePathAreServedAtTheirAbsolutePath() throws Exception {
    assertThat(send("GET", "/admin/ping").body()).isEqualTo("pong");
    assertThat(send("GET", "/engine-rest/admin/ping").statusCode()).isEqualTo(404);
  }

  @Test
  void routesAreAlsoServedForTheNamedEngine() throws Exception {
    assertThat(send("GET", "/engine-rest/engine/default/job/j1").body()).isEqualTo("job j1");
    assertThat(send("GET", "/engine-rest/engine/default/version").statusCode()).isEqualTo(404);

    HttpResponse<String> other = send("GET", "/engine-rest/engine/other/job/j1");
    assertThat(other.statusCode()).isEqualTo(400);
    assertThat(other.body())
        .isEqualTo(
            "{\"type\":\"InvalidRequestException\",\"message\":\"No process engine available\",\"code\":null}");
  }

  @Test
  void bodyOverTheLimitIs413InCamundaFormat() throws Exception {
    String tooLarge = "x".repeat((int) RestServer.MAX_REQUEST_BYTES + 1);

    HttpResponse<String> response =
        send("POST", "/engine-rest/echo", HttpRequest.BodyPublishers.ofString(tooLarge));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body())
        .isEqualTo(
            "{\"type\":\"InvalidRequestException\",\"message\":\"The request body is too large\",\"code\":null}");
  }

  @Test
  void malformedUriIs400InCamundaFormat() throws IOException {
    String response = rawRequest("GET /engine-rest/job/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 400");
    assertThat(response).contains("Content-Type: application/json");
    assertThat(response).contains("{\"type\":\"InvalidRequestException\",\"message\":\"HTTP 400 Bad Request");
  }

  private String rawRequest(String request) throws IOException {
    try (Socket socket = new Socket("localhost", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
