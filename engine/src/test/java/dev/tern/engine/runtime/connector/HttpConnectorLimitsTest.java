package dev.tern.engine.runtime.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector's bounds: response size and redirects to this machine. */
class HttpConnectorLimitsTest {

  private HttpServer server;
  private final AtomicInteger targetHits = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/big",
        exchange -> {
          byte[] body = "x".repeat(5000).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.createContext(
        "/redirect",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port() + "/target");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    server.createContext(
        "/target",
        exchange -> {
          targetHits.incrementAndGet();
          byte[] body = "reached".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private int port() {
    return server.getAddress().getPort();
  }

  private Map<String, Object> get(HttpConnector connector, String path) {
    return connector.execute(Map.of("url", "http://127.0.0.1:" + port() + path, "method", "GET"));
  }

  @Test
  void aResponseOverTheLimitFailsTheRequest() {
    HttpConnector connector = new HttpConnector(new HttpConnector.Settings(1000, false));

    assertThatThrownBy(() -> get(connector, "/big"))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("the response is larger than 1000 bytes");
    assertThat(get(new HttpConnector(), "/big").get("response").toString()).hasSize(5000);
  }

  @Test
  void aRedirectToALoopbackAddressIsNotFollowedUnlessAllowed() {
    assertThatThrownBy(() -> get(new HttpConnector(), "/redirect"))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("refused to follow a redirect to the local address 127.0.0.1");
    assertThat(targetHits).hasValue(0);

    Map<String, Object> followed =
        get(new HttpConnector(new HttpConnector.Settings(1000, true)), "/redirect");

    assertThat(followed.get("statusCode")).isEqualTo(200);
    assertThat(followed.get("response")).isEqualTo("reached");
    assertThat(targetHits).hasValue(1);
  }
}
