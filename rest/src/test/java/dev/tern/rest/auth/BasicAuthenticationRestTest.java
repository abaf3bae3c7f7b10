package dev.tern.rest.auth;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With authentication on, every path but {@code GET /version} needs valid HTTP Basic credentials. */
@DatabaseTest
class BasicAuthenticationRestTest {

  private final TestDatabase db;
  private RestTestServer server;

  BasicAuthenticationRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    server =
        RestTestServer.builder(db)
            .engine(b -> b.startJobExecutor(false))
            .basicAuthentication()
            .start();
    server.engine().identityService().ensureAdministrator("admin", "admin-secret");
    // wrong passwords go to another user: failed logins delay that user's next login
    server.engine().identityService().ensureAdministrator("victim", "victim-secret");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static final String[] REQUESTS = {
        "GET /job",
        "GET /process-instance/count",
        "POST /process-instance/job-retries",
        "POST /deployment/create",
        "GET /user",
        "GET /authorization",
        "GET /engine/default/job",
        "GET /no-such-path",
        "OPTIONS /job",
        "GET /admin/job-executor",
        "PUT /admin/job-executor"
      };

  @Test
  void requestsWithoutCredentialsAreRefused() {
    for (String request : REQUESTS) {
      refusedWithoutCredentials(request);
    }
  }

  private void refusedWithoutCredentials(String request) {
    String method = request.substring(0, request.indexOf(' '));
    String path = request.substring(request.indexOf(' ') + 1);
    var spec = path.startsWith("/admin") ? server.givenWithoutContract().basePath("") : server.givenWithoutContract();
    spec.request(method, path)
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Basic realm=\"tern\"")
        .body("type", equalTo("NotAuthorizedException"))
        .body("message", equalTo("HTTP 401 Unauthorized: authentication required"));
  }

  @Test
  void wrongCredentialsAreRefusedAndNotEchoed() {
    for (String credentials :
        new String[] {
          "victim:wrong", "nobody:admin-secret", "admin", ":admin-secret", "victim:victim-secretX"
        }) {
      refusedAndNotEchoed(credentials);
    }
  }

  private void refusedAndNotEchoed(String credentials) {
    String header = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes());
    server
        .givenWithoutContract()
        .header("Authorization", header)
        .get("/job/count")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Basic realm=\"tern\"")
        .body(not(containsString("secret")));
  }

  @Test
  void malformedAuthorizationHeadersAreRefused() {
    for (String header : new String[] {"Basic !!!", "Bearer abc", "Basic", "Digest x"}) {
      server.givenWithoutContract().header("Authorization", header).get("/job/count").then().statusCode(401);
    }
  }

  @Test
  void validCredentialsPass() {
    server.givenAs("admin", "admin-secret").get("/job/count").then().statusCode(200).body("count", equalTo(0));
    server
        .givenWithoutContract()
        .auth()
        .preemptive()
        .basic("admin", "admin-secret")
        .basePath("")
        .get("/admin/job-executor")
        .then()
        .statusCode(200);
  }

  @Test
  void adminPathsNeedAnAdministrator() {
    server
        .givenAs("admin", "admin-secret")
        .contentType("application/json")
        .body("{\"profile\":{\"id\":\"plain\"},\"credentials\":{\"password\":\"plain-secret\"}}")
        .post("/user/create")
        .then()
        .statusCode(204);
    server
        .givenWithoutContract()
        .auth()
        .preemptive()
        .basic("plain", "plain-secret")
        .basePath("")
        .get("/admin/job-executor")
        .then()
        .statusCode(403)
        .body("type", equalTo("AuthorizationException"))
        .body("message", equalTo("Required admin authenticated group or user."));
  }

  @Test
  void versionStaysOpenForHealthProbes() {
    server.given().get("/version").then().statusCode(200).body("version", equalTo("7.24.0"));
    server.givenWithoutContract().head("/version").then().statusCode(200);
  }

  @Test
  void consolePathsAreLeftToTheConsolesOwnSignIn() {
    // this server has no console: its paths are simply unknown, not behind HTTP Basic
    server.givenWithoutContract().basePath("").get("/console").then().statusCode(404);
    server.givenWithoutContract().basePath("").get("/console/retry").then().statusCode(404);
    server.givenWithoutContract().basePath("").get("/consoles").then().statusCode(401);
  }
}
