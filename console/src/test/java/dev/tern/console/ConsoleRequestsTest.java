package dev.tern.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console over plain HTTP with authentication on: sign-in, the CSRF check, and the refusals of
 * a retry that must change nothing. Only the retry test needs failed orders; the others run on the
 * server alone.
 */
@DatabaseTest
class ConsoleRequestsTest {

  private static final int ORDERS = 3;

  private final TestDatabase db;
  private Outage outage;
  private ConsoleClient client;

  ConsoleRequestsTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() throws Exception {
    outage = new Outage(db);
    client = new ConsoleClient(outage.server.port());
  }

  @AfterEach
  void stop() {
    outage.close();
  }

  @Test
  void pagesNeedASignedInUserAndNoBasicCredentials() throws Exception {
    HttpResponse<String> home = client.get("/console");
    assertThat(home.statusCode()).isEqualTo(303);
    assertThat(home.headers().firstValue("Location")).hasValue("/console/sign-in");
    assertThat(home.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(home.headers().firstValue("Set-Cookie").orElseThrow())
        .startsWith("tern_console=")
        .contains("HttpOnly", "SameSite=Strict", "Path=/console");

    // (a wrong password for admin would delay admin's next sign-in: the engine throttles it)
    HttpResponse<String> wrong = client.signIn("nobody", "wrong");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("Unknown user or wrong password").doesNotContain("wrong\"");
    assertThat(client.get("/console").statusCode()).isEqualTo(303);

    HttpResponse<String> noCsrf =
        client.post(
            "/console/sign-in", Map.of("username", Outage.ADMIN, "password", Outage.PASSWORD));
    assertThat(noCsrf.statusCode()).isEqualTo(403);
    assertThat(client.get("/console").statusCode()).isEqualTo(303);

    HttpResponse<String> signedIn = client.signIn(Outage.ADMIN, Outage.PASSWORD);
    assertThat(signedIn.statusCode()).isEqualTo(303);
    assertThat(signedIn.headers().firstValue("Location")).hasValue("/console");
    HttpResponse<String> incidents = client.get("/console");
    assertThat(incidents.statusCode()).isEqualTo(200);
    assertThat(incidents.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/html");
    assertThat(incidents.body()).contains("id=\"no-incidents\"", "id=\"sign-out\"");

    // the REST API behind it still wants HTTP Basic
    assertThat(client.get("/engine-rest/incident/count").statusCode()).isEqualTo(401);
  }

  @Test
  void htmxIsServedFromTheClasspathWithoutSignIn() throws Exception {
    HttpResponse<String> htmx = client.get("/console/assets/htmx.min.js");

    assertThat(htmx.statusCode()).isEqualTo(200);
    assertThat(htmx.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/javascript");
    assertThat(htmx.body()).contains("htmx").hasSizeGreaterThan(40_000);
    HttpResponse<String> viewer = client.get("/console/assets/bpmn-viewer.min.js");
    assertThat(viewer.statusCode()).isEqualTo(200);
    assertThat(viewer.body()).contains("BpmnJS").hasSizeGreaterThan(100_000);
    assertThat(client.get("/console/assets/bpmn-js-LICENSE.txt").body()).contains("bpmn.io");
    assertThat(client.get("/console/assets/no-such.js").statusCode()).isEqualTo(404);
  }

  @Test
  void aRetryThatIsRefusedCreatesNoBatchAndChangesNoJob() throws Exception {
    outage.failOrders(ORDERS);
    client.signIn(Outage.ADMIN, Outage.PASSWORD);
    String message =
        outage
            .engine()
            .jobService()
            .listJobs(outage.engine().jobService().createJobQuery().noRetriesLeft(), 0, 1)
            .get(0)
            .exceptionMessage();
    HttpResponse<String> confirm =
        client.get(
            "/console/retry"
                + Html.query(
                    "definition",
                    Outage.DEFINITION,
                    "activity",
                    Outage.ACTIVITY,
                    "message",
                    message));
    assertThat(confirm.statusCode()).isEqualTo(200);
    assertThat(confirm.body()).contains("<strong id=\"dry-run-count\">" + ORDERS + "</strong>");
    String csrf = ConsoleClient.csrf(confirm);

    assertRefused(form(null, message, "1"), 403);
    assertRefused(form("forged", message, "1"), 403);
    assertRefused(form(csrf, message, "0"), 400);
    assertRefused(form(csrf, message, "101"), 400);
    assertRefused(form(csrf, message, "one"), 400);
    assertRefused(form(csrf, "no such message", "1"), 404);
    Map<String, String> badTime = form(csrf, message, "1");
    badTime.put("from", "yesterday");
    assertRefused(badTime, 400);
    Map<String, String> badDueDate = form(csrf, message, "1");
    badDueDate.put("dueDate", "soon");
    assertRefused(badDueDate, 400);
    Map<String, String> notRetryable = form(csrf, message, "1");
    notRetryable.put("type", "somethingElse");
    assertRefused(notRetryable, 400);

    assertThat(client.get("/console/retry?definition=orderSync&from=never").statusCode())
        .isEqualTo(400);
    assertThat(client.get("/console/batches/no-such-batch").statusCode()).isEqualTo(404);

    HttpResponse<String> created = client.post("/console/retry", form(csrf, message, "2"));
    assertThat(created.statusCode()).isEqualTo(303);
    assertThat(created.headers().firstValue("Location").orElseThrow())
        .startsWith("/console/batches/");
    assertThat(outage.batches()).isEqualTo(1);
  }

  private void assertRefused(Map<String, String> form, int status) throws Exception {
    HttpResponse<String> refused = client.post("/console/retry", form);
    assertThat(refused.statusCode()).as("%s", form).isEqualTo(status);
    assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(refused.body()).contains("id=\"problem\"");
    assertThat(outage.batches()).isZero();
    assertThat(outage.failedJobs()).isEqualTo(ORDERS);
  }

  private static Map<String, String> form(String csrf, String message, String retries) {
    Map<String, String> form = new LinkedHashMap<>();
    if (csrf != null) {
      form.put("csrf", csrf);
    }
    form.put("definition", Outage.DEFINITION);
    form.put("activity", Outage.ACTIVITY);
    form.put("message", message);
    form.put("retries", retries);
    return form;
  }

  @Test
  void anUploadThatIsNotAProcessOrHasNoCsrfTokenDeploysNothing() throws Exception {
    client.signIn(Outage.ADMIN, Outage.PASSWORD);
    String csrf = ConsoleClient.csrf(client.get("/console/deployments"));
    long before = deployments();

    HttpResponse<String> noToken =
        client.upload("/console/deployments", null, "p.bpmn", outage.orderSyncBpmn());
    HttpResponse<String> notBpmn =
        client.upload("/console/deployments", csrf, "p.bpmn", "<not-bpmn/>");
    HttpResponse<String> deployed =
        client.upload("/console/deployments", csrf, "order-sync.bpmn", outage.orderSyncBpmn());

    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(notBpmn.statusCode()).isEqualTo(400);
    assertThat(notBpmn.body()).contains("id=\"problem\"", "p.bpmn is not a deployable process");
    assertThat(deployed.statusCode()).isEqualTo(200);
    assertThat(deployed.body())
        .contains(
            "<li class=\"definition\"><a href=\"/console/definitions/",
            "\">orderSync</a> version 1</li>");
    assertThat(deployments()).isEqualTo(before + 1);
  }

  private long deployments() {
    return outage
        .engine()
        .deploymentService()
        .queryDeployments(
            new dev.tern.engine.deployment.DeploymentQuery(), dev.tern.engine.query.Page.ALL)
        .size();
  }
}
