package dev.tern.rest.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.tern.engine.batch.BatchSettings;
import dev.tern.engine.batch.FailedJobs;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The process instance queries of the job-retries endpoints are the bodies of {@code POST
 * /process-instance} and {@code POST /history/process-instance}: every filter of those queries
 * decides which jobs get retries, with the same validation.
 */
@DatabaseTest
class JobRetriesSelectorsRestTest {

  static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
  static final Instant LATER = T0.plus(Duration.ofDays(365));

  private final MutableClock clock = MutableClock.startingAt(T0);
  private final Database database;
  private final RestTestServer server;
  private final String prefix = "s" + System.nanoTime() + "-";

  JobRetriesSelectorsRestTest(TestDatabase db) {
    this.database = db.database();
    BatchRestFixtures.clear(database);
    database.useTransaction(
        h -> {
          h.execute("DELETE FROM tern_variable");
          h.execute("DELETE FROM tern_hi_variable");
        });
    this.server =
        RestTestServer.builder(db)
            .clock(clock)
            .engine(
                b ->
                    b.startJobExecutor(false)
                        .batchSettings(BatchSettings.defaults().withInvocationsPerBatchJob(10)))
            .start();
    // instances pi-1..pi-6, each with one failed job (no retries left) and a failedJob incident
    FailedJobs.create(database, prefix, 6, T0, LATER);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String pi(int n) {
    return prefix + "pi-" + n;
  }

  /** The instance numbers whose job got {@code retries}. */
  private List<Integer> retried(int retries) {
    server.engine().jobExecutor().executeDueJobs();
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT process_instance_id FROM tern_job WHERE id LIKE :p AND retries = :r"
                        + " ORDER BY process_instance_id")
                .bind("p", prefix + "%")
                .bind("r", retries)
                .mapTo(String.class)
                .map(id -> Integer.parseInt(id.substring((prefix + "pi-").length())))
                .list());
  }

  private void setVariable(int instance, String name, Object value, String type) {
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("value", value, "type", type))
        .when()
        .put("/process-instance/" + pi(instance) + "/variables/" + name)
        .then()
        .statusCode(204);
  }

  private void sql(String sql) {
    database.useTransaction(
        h -> {
          var update = h.createUpdate(sql);
          if (sql.contains(":p")) {
            update.bind("p", prefix);
          }
          update.execute();
        });
  }

  private void setRetries(String path, Map<String, Object> body, int totalJobs) {
    server
        .given()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post(path)
        .then()
        .statusCode(200)
        .body("type", equalTo("set-job-retries"))
        .body("totalJobs", equalTo(totalJobs));
  }

  private void byRuntimeQuery(Map<String, Object> query) {
    setRetries(
        "/process-instance/job-retries", Map.of("processInstanceQuery", query, "retries", 3), 1);
  }

  @Test
  void variableFiltersSelectTheInstances() {
    setVariable(1, "region", "eu", "String");
    setVariable(2, "region", "us", "String");
    setVariable(3, "region", "eu", "String");
    setVariable(4, "amount", 150, "Integer");
    setVariable(5, "amount", 50, "Integer");

    byRuntimeQuery(
        Map.of("variables", List.of(Map.of("name", "region", "operator", "eq", "value", "eu"))));
    assertThat(retried(3)).containsExactly(1, 3);

    setRetries(
        "/process-instance/job-retries",
        Map.of(
            "processInstanceQuery",
            Map.of("variables", List.of(Map.of("name", "amount", "operator", "gt", "value", 100))),
            "retries",
            4),
        1);
    assertThat(retried(4)).containsExactly(4);

    setRetries(
        "/process-instance/job-retries",
        Map.of(
            "processInstanceQuery",
            Map.of(
                "variables", List.of(Map.of("name", "REGION", "operator", "eq", "value", "US")),
                "variableNamesIgnoreCase", true,
                "variableValuesIgnoreCase", true),
            "retries",
            5),
        1);
    assertThat(retried(5)).containsExactly(2);
  }

  @Test
  void businessKeyLikeSelectsTheInstances() {
    sql("UPDATE tern_process_instance SET business_key = 'order-' || id WHERE id IN ("
        + "'" + pi(2) + "', '" + pi(5) + "')");
    sql("UPDATE tern_process_instance SET business_key = 'invoice-1' WHERE id = '" + pi(3) + "'");

    byRuntimeQuery(Map.of("businessKeyLike", "order-%"));

    assertThat(retried(3)).containsExactly(2, 5);
  }

  @Test
  void incidentFiltersSelectTheInstances() {
    sql("UPDATE tern_incident SET incident_message = 'timeout after 30s'"
        + " WHERE process_instance_id IN ('" + pi(1) + "', '" + pi(4) + "')");
    sql("DELETE FROM tern_incident WHERE process_instance_id = '" + pi(6) + "'");

    byRuntimeQuery(Map.of("incidentMessageLike", "timeout%"));
    assertThat(retried(3)).containsExactly(1, 4);

    setRetries(
        "/process-instance/job-retries",
        Map.of(
            "processInstanceQuery", Map.of("withIncident", true, "incidentMessage", "stub down"),
            "retries", 7),
        1);
    assertThat(retried(7)).containsExactly(2, 3, 5);
  }

  @Test
  void orQueriesSelectEitherBranch() {
    sql("UPDATE tern_process_instance SET business_key = 'vip' WHERE id = '" + pi(2) + "'");
    setVariable(4, "region", "eu", "String");

    byRuntimeQuery(
        Map.of(
            "orQueries",
            List.of(
                Map.of(
                    "businessKey", "vip",
                    "variables",
                        List.of(Map.of("name", "region", "operator", "eq", "value", "eu"))))));

    assertThat(retried(3)).containsExactly(2, 4);
  }

  @Test
  void idsAndQueryAreUnitedAndUnknownPropertiesIgnored() {
    setVariable(3, "region", "eu", "String");

    setRetries(
        "/process-instance/job-retries",
        Map.of(
            "processInstances", List.of(pi(1), "no-such-instance"),
            "processInstanceQuery",
                Map.of(
                    "variables", List.of(Map.of("name", "region", "operator", "eq", "value", "eu")),
                    "unknownProperty", true),
            "retries", 3),
        1);

    assertThat(retried(3)).containsExactly(1, 3);
  }

  @Test
  void aQueryMatchingNoInstanceSelectsNoJob() {
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("processInstanceQuery", Map.of("businessKeyLike", "nothing%"), "retries", 3))
        .when()
        .post("/process-instance/job-retries")
        .then()
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("jobIds is empty"));
    assertThat(retried(3)).isEmpty();
  }

  @Test
  void historicQueryFiltersSelectTheInstances() {
    sql("INSERT INTO tern_hi_process_instance (id, business_key, proc_def_id, proc_def_key,"
        + " start_time, state) SELECT id, 'order-' || id, proc_def_id, proc_def_key, start_time,"
        + " 'ACTIVE' FROM tern_process_instance WHERE id LIKE :p || '%'");
    sql("UPDATE tern_hi_process_instance SET business_key = 'invoice' WHERE id = '" + pi(6) + "'");
    sql("INSERT INTO tern_hi_variable (id, process_instance_id, name, var_type, text_value,"
        + " create_time, state) SELECT 'v-' || id, id, 'region',  'string',"
        + " CASE WHEN id IN ('" + pi(2) + "', '" + pi(3) + "', '" + pi(6) + "') THEN 'eu' ELSE 'us' END,"
        + " start_time, 'CREATED' FROM tern_process_instance WHERE id LIKE :p || '%'");
    sql("UPDATE tern_hi_incident SET incident_state = 1 WHERE process_instance_id = '" + pi(3) + "'");

    setRetries(
        "/process-instance/job-retries-historic-query-based",
        Map.of(
            "historicProcessInstanceQuery",
            Map.of(
                "processInstanceBusinessKeyLike", "order-%",
                "variables", List.of(Map.of("name", "region", "operator", "eq", "value", "eu"))),
            "retries", 3),
        1);
    assertThat(retried(3)).containsExactly(2, 3);

    setRetries(
        "/process-instance/job-retries-historic-query-based",
        Map.of(
            "historicProcessInstanceQuery",
            Map.of(
                "incidentStatus", "open",
                "orQueries",
                    List.of(Map.of("processInstanceBusinessKey", "invoice", "processInstanceIds",
                        List.of(pi(1), pi(3))))),
            "retries", 6),
        1);
    assertThat(retried(6)).containsExactly(1, 6);
  }

  @Test
  void invalidQueriesAreRefusedWithTheInstanceQueryMessages() {
    List<Map<String, Object>> runtime =
        List.of(
            Map.of("variables", List.of(Map.of("name", "a", "operator", "bogus", "value", 1))),
            Map.of("sorting", List.of(Map.of("sortBy", "bogus", "sortOrder", "asc"))),
            Map.of("sorting", List.of(Map.of("sortBy", "instanceId", "sortOrder", "up"))),
            Map.of("processInstanceIds", List.of()),
            Map.of("orQueries", List.of(Map.of("orQueries", List.of(Map.of())))));
    for (Map<String, Object> query : runtime) {
      String expected = refusal("/process-instance", query);
      assertThat(
              refusal(
                  "/process-instance/job-retries",
                  Map.of("processInstanceQuery", query, "retries", 1)))
          .isEqualTo(expected);
    }
    assertThat(refusal("/process-instance", runtime.get(0)))
        .isEqualTo("Invalid variable comparator specified: bogus");

    List<Map<String, Object>> historic =
        List.of(
            Map.of("variables", List.of(Map.of("name", "a", "operator", "bogus", "value", 1))),
            Map.of("sorting", List.of(Map.of("sortBy", "bogus", "sortOrder", "asc"))),
            Map.of("sorting", List.of(Map.of("sortBy", "startTime", "sortOrder", "up"))));
    for (Map<String, Object> query : historic) {
      String expected = refusal("/history/process-instance", query);
      assertThat(
              refusal(
                  "/process-instance/job-retries-historic-query-based",
                  Map.of("historicProcessInstanceQuery", query, "retries", 1)))
          .isEqualTo(expected);
    }
    assertThat(retried(1)).isEmpty();
    assertThat(BatchRestFixtures.count(database, "SELECT COUNT(*) FROM tern_batch", prefix)).isZero();
  }

  @Test
  void jobQuerySelectsTheJobsPostJobLists() {
    sql("UPDATE tern_job SET priority = 10 WHERE id IN ('" + job(2) + "', '" + job(4) + "', '"
        + job(5) + "')");
    sql("UPDATE tern_job SET tenant_id = 't1' WHERE id IN ('" + job(4) + "', '" + job(5) + "', '"
        + job(6) + "')");
    sql("UPDATE tern_job SET exception_message = 'timeout' WHERE id = '" + job(5) + "'");
    Map<String, Object> byPriorityAndTenant =
        Map.of(
            "priorityHigherThanOrEquals", 10,
            "tenantIdIn", List.of("t1"),
            "processInstanceIds", List.of(pi(2), pi(3), pi(4), pi(5), pi(6)));
    Map<String, Object> byMessageDueDateAndTenantOrNone =
        Map.of(
            "exceptionMessage", "stub down",
            "dueDates", List.of(Map.of("operator", "gt", "value", "2026-01-02T03:04:05.000+0000")),
            "tenantIdIn", List.of("t1"),
            "includeJobsWithoutTenantId", true,
            "jobIds", List.of(job(1), job(3), job(5), job(6)),
            "sorting", List.of(Map.of("sortBy", "jobPriority", "sortOrder", "desc")));

    assertThat(listedInstances(byPriorityAndTenant)).containsExactly(4, 5);
    setRetries("/job/retries", Map.of("jobQuery", byPriorityAndTenant, "retries", 3), 1);
    assertThat(retried(3)).containsExactly(4, 5);

    assertThat(listedInstances(byMessageDueDateAndTenantOrNone)).containsExactly(1, 3, 6);
    setRetries("/job/retries", Map.of("jobQuery", byMessageDueDateAndTenantOrNone, "retries", 4), 1);
    assertThat(retried(4)).containsExactly(1, 3, 6);
  }

  @Test
  void invalidJobQueriesAreRefusedAsPostJobRefusesThemAndCreateNoBatch() {
    List<Map<String, Object>> queries =
        List.of(
            Map.of("sorting", List.of(Map.of("sortBy", "jobDefinitionId", "sortOrder", "asc"))),
            Map.of("sorting", List.of(Map.of("sortBy", "jobId", "sortOrder", "up"))),
            Map.of("dueDates", List.of(Map.of("operator", "eq", "value", "2026-01-02T03:04:05.000+0000"))),
            Map.of("createTimes", List.of(Map.of("operator", "gt", "value", "yesterday"))),
            Map.of("jobIds", job(1)),
            Map.of("priorityHigherThanOrEquals", "high"));
    for (Map<String, Object> query : queries) {
      String expected = refusal("/job", query);
      assertThat(refusal("/job/retries", Map.of("jobQuery", query, "retries", 1)))
          .as("jobQuery %s", query)
          .isEqualTo(expected);
    }
    assertThat(refusal("/job", queries.get(0)))
        .isEqualTo("sortBy parameter has invalid value: jobDefinitionId");
    assertThat(retried(1)).isEmpty();
    assertThat(BatchRestFixtures.count(database, "SELECT COUNT(*) FROM tern_batch", prefix)).isZero();
  }

  private String job(int n) {
    return prefix + "job-" + n;
  }

  /** The instance numbers of the jobs {@code POST /job} lists for a query. */
  private List<Integer> listedInstances(Map<String, Object> query) {
    List<String> ids =
        server
            .given()
            .contentType(ContentType.JSON)
            .body(query)
            .when()
            .post("/job")
            .then()
            .statusCode(200)
            .extract()
            .path("processInstanceId");
    return ids.stream()
        .map(id -> Integer.parseInt(id.substring((prefix + "pi-").length())))
        .sorted()
        .toList();
  }

  /** The message of the 400 {@code InvalidRequestException} a POST answers. */
  private String refusal(String path, Map<String, Object> body) {
    return server
        .givenInvalidRequest()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post(path)
        .then()
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"))
        .extract()
        .path("message");
  }
}
