package dev.tern.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CountingStubTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void refusesTheFirstCallOfEachPathAndCountsEveryLaterOne() throws Exception {
    try (CountingStub stub = CountingStub.start(Duration.ZERO)) {
      assertThat(post(stub, "/callA/order-1")).isEqualTo(503);
      assertThat(post(stub, "/callA/order-1")).isEqualTo(200);
      assertThat(post(stub, "/callA/order-1")).isEqualTo(200);
      assertThat(post(stub, "/callB/order-1")).isEqualTo(503);

      assertThat(stub.refusedCalls()).isEqualTo(2);
      assertThat(stub.acceptedCalls()).containsOnlyKeys("callA/order-1");
      assertThat(stub.acceptedCalls().get("callA/order-1")).hasSize(2);
    }
  }

  private int post(CountingStub stub, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(stub.baseUrl() + path)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
