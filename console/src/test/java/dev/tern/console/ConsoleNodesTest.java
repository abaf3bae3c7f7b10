package dev.tern.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one database behind a load balancer without sticky sessions: a browser signed in on
 * one node is signed in on the other when both share the console's secret, and not otherwise.
 */
@DatabaseTest
class ConsoleNodesTest {

  private final TestDatabase db;
  private Outage outage;

  ConsoleNodesTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() throws Exception {
    outage = new Outage(db);
  }

  @AfterEach
  void stop() {
    outage.close();
  }

  @Test
  void aSessionFromOneNodeWorksOnAnotherSharingTheSecret() throws Exception {
    try (RestTestServer other = outage.anotherNode(db, Outage.CONSOLE_SECRET)) {
      ConsoleClient onFirst = new ConsoleClient(outage.server.port());
      assertThat(onFirst.signIn(Outage.ADMIN, Outage.PASSWORD).statusCode()).isEqualTo(303);
      String csrf = ConsoleClient.csrf(onFirst.get("/console/deployments"));
      ConsoleClient onSecond = onFirst.onPort(other.port());

      HttpResponse<String> page = onSecond.get("/console/definitions");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<span class=\"who\">" + Outage.ADMIN);

      // a form from the first node is accepted by the second: the CSRF token is the session's
      HttpResponse<String> signedOut = onSecond.post("/console/sign-out", Map.of("csrf", csrf));
      assertThat(signedOut.statusCode()).isEqualTo(303);
      assertThat(signedOut.headers().firstValue("Location")).hasValue("/console/sign-in");
      assertThat(onFirst.get("/console").statusCode()).isEqualTo(303);
    }
  }

  @Test
  void aNodeWithAnotherSecretDoesNotKnowTheSession() throws Exception {
    try (RestTestServer other =
        outage.anotherNode(db, "a different secret that is long enough, not shared")) {
      ConsoleClient onFirst = new ConsoleClient(outage.server.port());
      onFirst.signIn(Outage.ADMIN, Outage.PASSWORD);

      HttpResponse<String> page = onFirst.onPort(other.port()).get("/console/definitions");

      assertThat(page.statusCode()).isEqualTo(303);
      assertThat(page.headers().firstValue("Location")).hasValue("/console/sign-in");
    }
  }
}
