package dev.tern.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void startedServerAnswersVersionAndClosesCleanly() throws Exception {
    ServerConfig config =
        new ServerConfig(
            0, "jdbc:h2:mem:main-test-" + UUID.randomUUID(), "sa", "", false, 2, 4);
    Main.Running running = Main.start(config);
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://localhost:" + running.server().port() + "/engine-rest/version"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("{\"version\":\"7.24.0\"}");
    } finally {
      running.close();
    }
  }

  @Test
  void listensOnlyOnTheConfiguredAddress() throws Exception {
    ServerConfig config =
        new ServerConfig(0, "jdbc:h2:mem:main-test-" + UUID.randomUUID(), "sa", "", false, 2, 4);
    try (Main.Running running = Main.start(config)) {
      String otherAddress = nonLoopbackAddress();
      org.junit.jupiter.api.Assumptions.assumeTrue(otherAddress != null, "no non-loopback address");
      HttpClient client = HttpClient.newHttpClient();
      URI uri = URI.create("http://" + otherAddress + ":" + running.server().port() + "/engine-rest/version");

      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(java.net.ConnectException.class);
    }
  }

  @Test
  void withBasicAuthenticationTheConfiguredAdministratorGetsIn() throws Exception {
    ServerConfig config =
        ServerConfig.load(
            java.util.Map.of(
                ServerConfig.PORT, "0",
                ServerConfig.DB_URL, "jdbc:h2:mem:main-test-" + UUID.randomUUID(),
                ServerConfig.AUTH, "basic",
                ServerConfig.ADMIN_USER, "admin",
                ServerConfig.ADMIN_PASSWORD, "start-up-secret"),
            null);
    try (Main.Running running = Main.start(config)) {
      HttpClient client = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + running.server().port() + "/engine-rest";
      String basic =
          "Basic "
              + java.util.Base64.getEncoder()
                  .encodeToString("admin:start-up-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));

      HttpResponse<String> anonymous =
          client.send(HttpRequest.newBuilder(URI.create(base + "/job/count")).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> admin =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/job/count")).header("Authorization", basic).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(admin.statusCode()).isEqualTo(200);
      assertThat(admin.body()).isEqualTo("{\"count\":0}");
    }
  }

  @Test
  void theConsoleIsServedAndSignsInOnItsOwnWhenAuthenticationIsOn() throws Exception {
    ServerConfig config =
        ServerConfig.load(
            java.util.Map.of(
                ServerConfig.PORT, "0",
                ServerConfig.DB_URL, "jdbc:h2:mem:main-test-" + UUID.randomUUID(),
                ServerConfig.AUTH, "basic"),
            null);
    try (Main.Running running = Main.start(config)) {
      HttpClient client = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + running.server().port() + "/console";

      HttpResponse<String> console =
          client.send(HttpRequest.newBuilder(URI.create(base)).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> htmx =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/assets/htmx.min.js")).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(console.statusCode()).isEqualTo(303);
      assertThat(console.headers().firstValue("Location")).hasValue("/console/sign-in");
      assertThat(htmx.statusCode()).isEqualTo(200);
    }
  }

  private static String nonLoopbackAddress() throws Exception {
    for (java.net.NetworkInterface nic :
        java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
      for (java.net.InetAddress address : java.util.Collections.list(nic.getInetAddresses())) {
        if (address instanceof java.net.Inet4Address && !address.isLoopbackAddress()) {
          return address.getHostAddress();
        }
      }
    }
    return null;
  }
}
