package dev.tern.rest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.anyOf;

import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Values and queries too large for the database: each a 400 naming the field, nothing written. */
@DatabaseTest
class InputLimitsRestTest {

  private final TestDatabase db;
  private final RestTestServer server;
  private final String key = "k" + UUID.randomUUID().toString().substring(0, 8);

  InputLimitsRestTest(TestDatabase db) {
    this.db = db;
    this.server = RestTestServer.start(db);
    String xml =
        "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\">"
            + "<process id=\"" + key + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"30\">"
            + "<startEvent id=\"s\"/><sequenceFlow id=\"f\" sourceRef=\"s\" targetRef=\"w\"/>"
            + "<userTask id=\"w\"/></process></definitions>";
    server
        .engine()
        .deploymentService()
        .deploy(NewDeployment.of(Map.of(key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8))));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private long count(String table) {
    return db.database()
        .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
  }

  private void startRefused(Map<String, Object> body, String message) {
    long instances = count("tern_hi_process_instance");
    server
        .given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/process-definition/key/{key}/start", key)
        .then()
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo(message));
    assertThat(count("tern_hi_process_instance")).isEqualTo(instances);
  }

  @Test
  void aBusinessKeyLongerThanItsColumnIs400() {
    startRefused(
        Map.of("businessKey", "b".repeat(300)),
        "businessKey is longer than 255 characters (300)");
  }

  @Test
  void aVariableNameLongerThanItsColumnIs400() {
    startRefused(
        Map.of("variables", Map.of("v".repeat(256), Map.of("value", 1, "type", "Integer"))),
        "variable name is longer than 255 characters (256)");
  }

  @Test
  void deploymentNamesTenantsAndResourceNamesLongerThanTheirColumnsAre400() {
    long deployments = count("tern_deployment");
    byte[] bpmn = "<definitions/>".getBytes(StandardCharsets.UTF_8);

    server
        .given()
        .contentType("multipart/form-data")
        .multiPart("deployment-name", "n".repeat(256))
        .multiPart("data", "p.bpmn", bpmn, "application/octet-stream")
        .post("/deployment/create")
        .then()
        .statusCode(400)
        .body("message", equalTo("deployment-name is longer than 255 characters (256)"));
    server
        .given()
        .contentType("multipart/form-data")
        .multiPart("tenant-id", "t".repeat(65))
        .multiPart("data", "p.bpmn", bpmn, "application/octet-stream")
        .post("/deployment/create")
        .then()
        .statusCode(400)
        .body("message", equalTo("tenant-id is longer than 64 characters (65)"));
    server
        .given()
        .contentType("multipart/form-data")
        .multiPart("data", "r".repeat(300) + ".bpmn", bpmn, "application/octet-stream")
        .post("/deployment/create")
        .then()
        .statusCode(400)
        .body("message", equalTo("resource name is longer than 255 characters (305)"));

    assertThat(count("tern_deployment")).isEqualTo(deployments);
  }

  @Test
  void anIdLongerThanAnIdColumnInAnIdListIs400() {
    long batches = count("tern_hi_batch");

    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("processInstanceIds", List.of("x".repeat(100)), "retries", 1))
        .post("/process-instance/job-retries")
        .then()
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("processInstanceIds entry is longer than 64 characters (100)"));

    assertThat(count("tern_hi_batch")).isEqualTo(batches);
  }

  @Test
  void aNulCharacterInAQueryValueIs400OnEveryDatabase() {
    // PostgreSQL refuses NUL in text (SQLSTATE 22021); found by RequestFuzzRestTest as a 500.
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("processInstanceIds", List.of("\u0000")))
        .post("/history/process-instance")
        .then()
        .statusCode(anyOf(equalTo(200), equalTo(400)));
  }

  @Test
  void tooManyOrQueriesSortEntriesOrVariableConditionsAre400() {
    List<Map<String, Object>> orQueries = new ArrayList<>();
    List<Map<String, Object>> sorting = new ArrayList<>();
    List<Map<String, Object>> variables = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      orQueries.add(Map.of("businessKey", "b" + i));
      sorting.add(Map.of("sortBy", "instanceId", "sortOrder", "asc"));
      variables.add(Map.of("name", "v" + i, "operator", "eq", "value", i));
    }

    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("orQueries", orQueries.subList(0, 21)))
        .post("/process-instance")
        .then()
        .statusCode(400)
        .body("message", equalTo("orQueries has 21 entries; at most 20 are allowed in one query"));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("sorting", sorting.subList(0, 11)))
        .post("/process-instance")
        .then()
        .statusCode(400)
        .body("message", containsString("sorting has 11 entries"));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("variables", variables.subList(0, 51)))
        .post("/process-instance/count")
        .then()
        .statusCode(400)
        .body("message", containsString("variables has 51 entries"));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("variables", variables.subList(0, 50), "orQueries", orQueries.subList(0, 20)))
        .post("/process-instance/count")
        .then()
        .statusCode(200);
  }

  @Test
  void aPathologicalLikePatternIsRefusedBeforeItReachesTheDatabase() {
    server
        .given()
        .queryParam("businessKeyLike", "%a%a%a%a%a%b")
        .get("/process-instance")
        .then()
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("businessKeyLike has 6 '%' wildcards; at most 3 are allowed in one LIKE pattern"));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("processInstanceBusinessKeyLike", "%a%a%a%a%b"))
        .post("/history/process-instance")
        .then()
        .statusCode(400);
    server.given().queryParam("businessKeyLike", "%a%b%").get("/process-instance").then().statusCode(200);
  }
}
