package dev.tern.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

class StubServerTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void answers503WhileDownAnd200OnceUpAndCountsEach() throws Exception {
    try (StubServer stub = StubServer.startDown(2)) {
      assertThat(stub.baseUrl()).startsWith("http://127.0.0.1:");

      assertThat(post(stub, "/orders/1").statusCode()).isEqualTo(503);
      assertThat(post(stub, "/orders/2").statusCode()).isEqualTo(503);
      stub.goUp();
      HttpResponse<String> answered = post(stub, "/orders/3");
      stub.goDown();
      assertThat(post(stub, "/orders/4").statusCode()).isEqualTo(503);

      assertThat(answered.statusCode()).isEqualTo(200);
      assertThat(answered.body()).contains("accepted");
      assertThat(stub.failedCalls()).isEqualTo(3);
      assertThat(stub.successfulCalls()).isEqualTo(1);
    }
  }

  private HttpResponse<String> post(StubServer stub, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(stub.baseUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"orderId\":\"x\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
