package dev.tern.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.batch.BatchQuery;
import dev.tern.engine.deployment.ProcessDefinition;
import dev.tern.engine.deployment.ProcessDefinitionQuery;
import dev.tern.engine.identity.User;
import dev.tern.engine.job.Job;
import dev.tern.engine.query.Page;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The browse pages and their actions over plain HTTP, signed in: definitions with their activity
 * counts, an instance with its variables, history, jobs and incidents, job and batch actions, the
 * drill into a group, retry by filter with a due date, failed external tasks, and a user without
 * permissions who sees and changes nothing.
 */
@DatabaseTest
class ConsoleBrowseTest {

  private final TestDatabase db;
  private Outage outage;
  private ConsoleClient client;

  ConsoleBrowseTest(TestDatabase db) {
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
  void definitionsShowTheirCountsAndADefinitionPageCarriesItsDiagramAndActivityCounts()
      throws Exception {
    outage.failOrders(3);
    client.signIn(Outage.ADMIN, Outage.PASSWORD);
    String id = orderSync().id();

    HttpResponse<String> list = client.get("/console/definitions");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains("<a href=\"/console/definitions/" + id + "\">orderSync</a>")
        .contains(
            "<td class=\"num instances\">3</td>",
            "<td class=\"num incidents\">3 (3 failedJob)</td>");

    HttpResponse<String> page = client.get("/console/definitions/" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<div id=\"diagram\" data-xml=\"/console/definitions/" + id + "/xml\">")
        .contains("/console/assets/bpmn-viewer.min.js", "/console/assets/diagram.js")
        .contains(
            "<tr class=\"activity-counts\" data-activity=\"callDownstream\" data-running=\"3\""
                + " data-incidents=\"3\">")
        .contains("<span id=\"instance-count\">3</span>");
    assertThat(page.body().split("<tr class=\"instance\">")).hasSize(4);

    HttpResponse<String> xml = client.get("/console/definitions/" + id + "/xml");
    assertThat(xml.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/xml");
    assertThat(xml.body()).contains("<bpmn:process id=\"orderSync\"", "bpmndi:BPMNShape");

    assertThat(client.get("/console/definitions/no-such-definition").statusCode()).isEqualTo(404);
  }

  @Test
  void anInstancePageShowsItsPartsAndItsJobIsSuspendedActivatedAndRetried() throws Exception {
    outage.failOrders(1);
    outage.engine().jobExecutor().pause();
    HttpResponse<String> signedIn = client.signIn(Outage.ADMIN, Outage.PASSWORD);
    assertThat(signedIn.statusCode()).isEqualTo(303);
    Job job = failedJob();
    String instance = "/console/instances/" + job.processInstanceId();

    HttpResponse<String> page = client.get(instance);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<strong id=\"instance-state\">running</strong>")
        .contains("<tr class=\"variable\"><td>orderId</td><td>String</td><td>order-0</td></tr>")
        .contains("<table id=\"activity-history\">", "<table id=\"incidents\">")
        .contains("<tr class=\"job\" data-job=\"" + job.id() + "\">")
        .contains("/console/jobs/" + job.id() + "/stacktrace")
        .contains("data-activity=\"callDownstream\" data-running=\"1\" data-incidents=\"1\"");
    String csrf = ConsoleClient.csrf(page);

    HttpResponse<String> stacktrace = client.get("/console/jobs/" + job.id() + "/stacktrace");
    assertThat(stacktrace.statusCode()).isEqualTo(200);
    assertThat(stacktrace.body()).contains("<pre class=\"stacktrace\" id=\"stacktrace\">", "503");

    assertThat(
            client
                .post("/console/jobs/" + job.id() + "/suspend", Map.of("back", instance))
                .statusCode())
        .isEqualTo(403);
    assertThat(outage.engine().jobService().getJob(job.id()).suspended()).isFalse();

    HttpResponse<String> suspended =
        action("/console/jobs/" + job.id() + "/suspend", csrf, instance);
    assertThat(suspended.statusCode()).isEqualTo(303);
    assertThat(suspended.headers().firstValue("Location")).hasValue(instance);
    assertThat(outage.engine().jobService().getJob(job.id()).suspended()).isTrue();
    assertThat(client.get(instance).body()).contains("class=\"job-activate\"");

    action("/console/jobs/" + job.id() + "/activate", csrf, "https://elsewhere.example/");
    assertThat(outage.engine().jobService().getJob(job.id()).suspended()).isFalse();

    HttpResponse<String> retried = action("/console/jobs/" + job.id() + "/retry", csrf, instance);
    assertThat(retried.statusCode()).isEqualTo(303);
    assertThat(outage.engine().jobService().getJob(job.id()).retries()).isEqualTo(1);
    assertThat(outage.openIncidents()).isZero();

    assertThat(action("/console/jobs/no-such-job/suspend", csrf, instance).statusCode())
        .isEqualTo(404);
    assertThat(client.get("/console/instances/no-such-instance").statusCode()).isEqualTo(404);
  }

  @Test
  void anEndedInstanceShowsWhatHistoryKept() throws Exception {
    String id = outage.completedCharge();
    client.signIn(Outage.ADMIN, Outage.PASSWORD);

    HttpResponse<String> page = client.get("/console/instances/" + id);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<strong id=\"instance-state\">ended ")
        .contains("<tr class=\"variable\"><td>amount</td><td>Integer</td><td>42</td></tr>")
        .contains("<tr class=\"variable\"><td>receipt</td><td>String</td><td>R-1</td></tr>")
        .contains("<td>Charge card</td>", "id=\"no-jobs\"", "id=\"no-incident-rows\"");
  }

  @Test
  void aForeignBackFieldReturnsToTheConsole() throws Exception {
    outage.failOrders(1);
    client.signIn(Outage.ADMIN, Outage.PASSWORD);
    Job job = failedJob();
    String csrf = ConsoleClient.csrf(client.get("/console/instances/" + job.processInstanceId()));

    HttpResponse<String> answer =
        action("/console/jobs/" + job.id() + "/suspend", csrf, "//elsewhere.example/console");

    assertThat(answer.headers().firstValue("Location")).hasValue("/console");
  }

  @Test
  void aGroupDrillsIntoItsIncidentsAndAFilterRetriesWithADueDate() throws Exception {
    outage.failOrders(3);
    client.signIn(Outage.ADMIN, Outage.PASSWORD);

    HttpResponse<String> home = client.get("/console");
    assertThat(home.body())
        .contains(
            "class=\"drill\" href=\"/console/incidents?type=failedJob&amp;definition=orderSync");

    HttpResponse<String> drill =
        client.get("/console/incidents?type=failedJob&definition=orderSync&text=503");
    assertThat(drill.statusCode()).isEqualTo(200);
    assertThat(drill.body()).contains("<strong id=\"incident-count\">3</strong>");
    assertThat(drill.body().split("<tr class=\"incident\">")).hasSize(4);

    String filter =
        "/console/retry?definition=orderSync&text=503&from=2026-03-01T07:00&to=2099-01-01T00:00";
    HttpResponse<String> confirm = client.get(filter);
    assertThat(confirm.statusCode()).isEqualTo(200);
    assertThat(confirm.body())
        .contains("<strong id=\"dry-run-count\">3</strong>", "id=\"due-date\"");
    assertThat(client.get("/console/retry?definition=orderSync&to=2026-03-01T07:00").statusCode())
        .isEqualTo(404);
    assertThat(client.get("/console/retry?definition=orderSync&text=no+such+text").statusCode())
        .isEqualTo(404);

    Map<String, String> form =
        form(
            "csrf", ConsoleClient.csrf(confirm),
            "definition", "orderSync",
            "text", "503",
            "from", "2026-03-01T07:00:00Z",
            "retries", "2",
            "dueDate", "2030-01-01T00:00");
    HttpResponse<String> created = client.post("/console/retry", form);
    assertThat(created.statusCode()).isEqualTo(303);
    assertThat(created.headers().firstValue("Location").orElseThrow())
        .startsWith("/console/batches/");

    String batch = created.headers().firstValue("Location").orElseThrow().split("[/?]")[3];
    // due in 2030, the retried jobs wait: their retries and due date are what the batch wrote
    await().atMost(Duration.ofMinutes(1)).until(() -> outage.failedJobs() == 0);
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> client.get("/console/batches").body().contains("<tr class=\"ended-batch\">"));
    assertThat(client.get("/console/batches").body())
        .contains("<a href=\"/console/batches/" + batch + "\">" + batch + "</a>")
        .contains("id=\"no-batches\"");
    List<Job> jobs =
        outage
            .engine()
            .jobService()
            .listJobs(
                outage.engine().jobService().createJobQuery().processDefinitionKey("orderSync"),
                0,
                10);
    assertThat(jobs)
        .hasSize(3)
        .allSatisfy(
            job -> {
              assertThat(job.retries()).isEqualTo(2);
              assertThat(job.dueDate()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
            });
  }

  @Test
  void failedExternalTasksAreRetriedByTheirGroup() throws Exception {
    outage.failExternalTasks(2);
    client.signIn(Outage.ADMIN, Outage.PASSWORD);

    HttpResponse<String> home = client.get("/console");
    assertThat(home.body()).contains("failedExternalTask", "card declined", "class=\"retry\"");

    HttpResponse<String> confirm =
        client.get(
            "/console/retry?type=failedExternalTask&definition=charge&message=card+declined");
    assertThat(confirm.statusCode()).isEqualTo(200);
    assertThat(confirm.body())
        .contains("<strong id=\"dry-run-count\">2</strong>", "Retry 2 failed external tasks")
        .doesNotContain("id=\"due-date\"");

    Map<String, String> form =
        form(
            "csrf", ConsoleClient.csrf(confirm),
            "type", "failedExternalTask",
            "definition", "charge",
            "message", "card declined",
            "retries", "3");
    HttpResponse<String> created = client.post("/console/retry", form);
    assertThat(created.statusCode()).isEqualTo(303);

    await().atMost(Duration.ofMinutes(1)).until(() -> outage.openIncidents() == 0);
    assertThat(
            outage
                .engine()
                .externalTaskService()
                .list(outage.engine().externalTaskService().createQuery(), 0, 10))
        .hasSize(2)
        .allSatisfy(task -> assertThat(task.retries()).isEqualTo(3));
  }

  @Test
  void batchesAreListedSuspendedResumedAndDeleted() throws Exception {
    outage.failOrders(1);
    outage.engine().jobExecutor().pause();
    client.signIn(Outage.ADMIN, Outage.PASSWORD);
    String csrf = ConsoleClient.csrf(client.get("/console/batches"));
    assertThat(client.get("/console/batches").body()).contains("id=\"no-batches\"");
    Map<String, String> retry =
        form(
            "csrf", csrf,
            "definition", "orderSync",
            "retries", "1");
    assertThat(client.post("/console/retry", retry).statusCode()).isEqualTo(303);
    String batch = outage.engine().batchService().list(BatchQuery.all(), 0, 1).get(0).id();
    String path = "/console/batches/" + batch;

    outage.clock.advance(Duration.ofSeconds(10));
    assertThat(client.get(path).body())
        .contains("<strong id=\"batch-state\">running</strong>")
        .contains("<span id=\"rate\">0.0</span> per second");

    HttpResponse<String> list = client.get("/console/batches");
    assertThat(list.body())
        .contains("<tr class=\"batch\" data-batch=\"" + batch + "\">", "set-job-retries")
        .contains("<td class=\"batch-state\">running</td>", "class=\"batch-suspend\"");

    assertThat(action(path + "/suspend", csrf, "/console/batches").statusCode()).isEqualTo(303);
    assertThat(outage.engine().batchService().find(batch).orElseThrow().suspended()).isTrue();
    assertThat(client.get("/console/batches").body())
        .contains("<td class=\"batch-state\">suspended</td>", "class=\"batch-resume\"");

    action(path + "/activate", csrf, "/console/batches");
    assertThat(outage.engine().batchService().find(batch).orElseThrow().suspended()).isFalse();

    assertThat(client.post(path + "/delete", Map.of("back", "/console/batches")).statusCode())
        .isEqualTo(403);
    assertThat(outage.batches()).isEqualTo(1);
    assertThat(action(path + "/delete", csrf, "/console/batches").statusCode()).isEqualTo(303);
    assertThat(outage.batches()).isZero();
    assertThat(action(path + "/suspend", csrf, "/console/batches").statusCode()).isEqualTo(404);
  }

  @Test
  void deploymentsAreListedNewestFirst() throws Exception {
    outage.failOrders(1);
    client.signIn(Outage.ADMIN, Outage.PASSWORD);

    HttpResponse<String> page = client.get("/console/deployments");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<table id=\"deployments\">", "<td>order-sync</td>", "id=\"file\"");
  }

  @Test
  void aUserWithoutPermissionsSeesNothingAndChangesNothing() throws Exception {
    outage.failOrders(1);
    outage
        .engine()
        .identityService()
        .createUser(Caller.SYSTEM, new User("viewer", "Vi", "Ewer", null), "viewer-secret");
    Job job = failedJob();
    assertThat(client.signIn("viewer", "viewer-secret").statusCode()).isEqualTo(303);

    assertThat(client.get("/console").body()).contains("id=\"no-incidents\"");
    assertThat(client.get("/console/definitions").body()).contains("id=\"no-definitions\"");
    assertThat(client.get("/console/definitions/" + orderSync().id()).statusCode()).isIn(403, 404);
    assertThat(client.get("/console/instances/" + job.processInstanceId()).statusCode())
        .isEqualTo(404);
    assertThat(client.get("/console/jobs/" + job.id() + "/stacktrace").statusCode()).isIn(403, 404);
    assertThat(client.get("/console/incidents?definition=orderSync").body())
        .contains("<strong id=\"incident-count\">0</strong>");
    assertThat(client.get("/console/retry?definition=orderSync").statusCode()).isEqualTo(404);

    String csrf = ConsoleClient.csrf(client.get("/console/batches"));
    assertThat(action("/console/jobs/" + job.id() + "/suspend", csrf, "/console").statusCode())
        .isEqualTo(403);
    assertThat(action("/console/jobs/" + job.id() + "/retry", csrf, "/console").statusCode())
        .isEqualTo(403);
    Map<String, String> retry =
        form(
            "csrf", csrf,
            "definition", "orderSync",
            "retries", "1");
    // the incidents it may not read select nothing: the same answer as for none at all
    assertThat(client.post("/console/retry", retry).statusCode()).isEqualTo(404);

    Job after = outage.engine().jobService().getJob(job.id());
    assertThat(after.suspended()).isFalse();
    assertThat(after.retries()).isZero();
    assertThat(outage.batches()).isZero();
  }

  /** A form's fields from name/value pairs, in order. */
  private static Map<String, String> form(String... namesAndValues) {
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      form.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return form;
  }

  private HttpResponse<String> action(String path, String csrf, String back) throws Exception {
    return client.post(path, form("csrf", csrf, "back", back));
  }

  private ProcessDefinition orderSync() {
    return outage
        .engine()
        .deploymentService()
        .queryProcessDefinitions(new ProcessDefinitionQuery().withKey(Outage.DEFINITION), Page.ALL)
        .get(0);
  }

  private Job failedJob() {
    return outage
        .engine()
        .jobService()
        .listJobs(outage.engine().jobService().createJobQuery().noRetriesLeft(), 0, 1)
        .get(0);
  }
}
