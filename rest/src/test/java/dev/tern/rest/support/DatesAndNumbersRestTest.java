package dev.tern.rest.support;

import static org.hamcrest.Matchers.equalTo;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Over HTTP, each claim of the "Dates and numbers" section of docs/compatibility.md: which date
 * forms and number forms Tern reads, in query parameters, JSON bodies and variable values, and how
 * it refuses the others. Requests outside openapi.json's types go through {@code
 * givenInvalidRequest()} (only the response is validated).
 */
@DatabaseTest
class DatesAndNumbersRestTest {

  /** When this test's deployments happen. */
  private static final Instant T = Instant.parse("2026-01-02T03:04:05.678Z");

  private final MutableClock clock = MutableClock.startingAt(T);
  private final RestTestServer server;
  /** Unique per test: the tests of one class run share a database. */
  private final String key = "p" + UUID.randomUUID().toString().substring(0, 8);

  DatesAndNumbersRestTest(TestDatabase db) {
    this.server = RestTestServer.start(db, clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void datesAreWrittenInCamundasFormInUtc() {
    deploy(null).body("deploymentTime", equalTo("2026-01-02T03:04:05.678+0000"));
  }

  @Test
  void queryDatesAreReadInCamundasFormAndInIsoForms() {
    deploy(null);
    // Each names T minus one second (or minus its milliseconds): the deployment is after it.
    List<String> before =
        List.of(
            "2026-01-02T03:04:04.678+0000",
            "2026-01-02T04:04:04.678+0100",
            "2026-01-02T04:04:04.678+01:00",
            "2026-01-02T04:04:04.678+01",
            "2026-01-02T03:04:04.678Z",
            "2026-01-02t03:04:04.678z",
            "2026-01-02T03:04:04.678123456Z",
            "2026-01-02T03:04:05Z",
            "2026-01-02T03:04:04.678");
    for (String text : before) {
      count("after", text).body("count", equalTo(1));
      count("before", text).body("count", equalTo(0));
    }
  }

  @Test
  void otherQueryDatesAreBadRequestsInCamundasWords() {
    for (String text : List.of("2026-01-02", "1767323045678", "2026-01-02T03:04Z", "yesterday")) {
      server.givenInvalidRequest().queryParam("after", text).get("/deployment/count")
          .then().statusCode(400)
          .body("type", equalTo("InvalidRequestException"))
          .body(
              "message",
              equalTo(
                  "Cannot set query parameter 'after' to value '" + text
                      + "': Cannot convert value \"" + text + "\" to java type java.util.Date"));
    }
  }

  @Test
  void jsonDatesAreReadInTheSameFormsAndAsEpochMilliseconds() {
    startInstance(Map.of());
    for (Object startedBefore : List.of("2026-01-02T04:04:06+01:00", "2026-01-02T03:04:06.000+0000", 1767323046000L)) {
      server.givenInvalidRequest().contentType(ContentType.JSON)
          .body(Map.of("processDefinitionKey", key, "startedBefore", startedBefore))
          .post("/history/process-instance/count")
          .then().statusCode(200).body("count", equalTo(1));
    }
    server.givenInvalidRequest().contentType(ContentType.JSON)
        .body(Map.of("processDefinitionKey", key, "startedBefore", "2026-01-02"))
        .post("/history/process-instance/count")
        .then().statusCode(400).body("type", equalTo("InvalidRequestException"));
  }

  @Test
  void dateVariablesTakeTheDateFormsAndAreWrittenInCamundasForm() {
    String id = startInstance(Map.of("due", Map.of("value", "2026-01-02T04:04:05+01:00", "type", "Date")));
    variable(id, "due").body("value", equalTo("2026-01-02T03:04:05.000+0000")).body("type", equalTo("Date"));

    startRefused(
        Map.of("value", 1767323045000L, "type", "Date"),
        "Cannot convert value '1767323045000' of type 'Date' to java type java.util.Date");
  }

  @Test
  void queryNumbersAreJavaIntegersAndBooleansAreTrueOrFalse() {
    deploy(null);
    deploy("acme");
    for (String n : List.of("1", "+1", " 1")) {
      server.givenInvalidRequest().queryParam("nameLike", key + "%").queryParam("maxResults", n).get("/deployment")
          .then().statusCode(200).body("size()", equalTo(1));
    }
    server.givenInvalidRequest().queryParam("nameLike", key + "%").queryParam("maxResults", "").get("/deployment")
        .then().statusCode(200).body("size()", equalTo(2));
    for (String n : List.of("1.0", "1e2", "0x10", "2147483648")) {
      server.givenInvalidRequest().queryParam("maxResults", n).get("/deployment")
          .then().statusCode(400)
          .body(
              "message",
              equalTo(
                  "Cannot set query parameter 'maxResults' to value '" + n
                      + "': Cannot convert value " + n + " to java type java.lang.Integer"));
    }
    server.givenInvalidRequest().queryParam("firstResult", "-1").get("/deployment")
        .then().statusCode(400)
        .body("message", equalTo("Cannot set query parameter 'firstResult' to value '-1': must not be negative"));
    server.givenInvalidRequest().queryParam("nameLike", key + "%").queryParam("withoutTenantId", "TRUE")
        .get("/deployment/count").then().statusCode(200).body("count", equalTo(1));
    // Like Camunda, anything but "true" is false, never a 400.
    server.givenInvalidRequest().queryParam("nameLike", key + "%").queryParam("withoutTenantId", "yes")
        .get("/deployment/count").then().statusCode(200).body("count", equalTo(2));
  }

  @Test
  void numberVariablesAreConvertedThroughTheirTextWithinTheirJavaType() {
    String id =
        startInstance(
            Map.of(
                "fromText", Map.of("value", "5", "type", "Integer"),
                "double", Map.of("value", "1e3", "type", "Double"),
                "small", Map.of("value", 5),
                "large", Map.of("value", 3_000_000_000L),
                "fraction", Map.of("value", 5.5)));
    variable(id, "fromText").body("value", equalTo(5)).body("type", equalTo("Integer"));
    variable(id, "double").body("value", equalTo(1000.0f)).body("type", equalTo("Double"));
    variable(id, "small").body("type", equalTo("Integer"));
    variable(id, "large").body("value", equalTo(3_000_000_000L)).body("type", equalTo("Long"));
    variable(id, "fraction").body("value", equalTo(5.5f)).body("type", equalTo("Double"));

    startRefused(
        Map.of("value", 5.0, "type", "Integer"),
        "Cannot convert value '5.0' of type 'Integer' to java type java.lang.Integer");
    startRefused(
        Map.of("value", 99999, "type", "Short"),
        "Cannot convert value '99999' of type 'Short' to java type java.lang.Short");
  }

  @Test
  void jobRetriesMustBeAJsonInteger() {
    for (Object retries : List.of("2", 1.5, 1.0)) {
      // openapi.json documents no 400 here (Camunda answers 500 for bad retries): not validated
      server.givenWithoutContract().contentType(ContentType.JSON).body(Map.of("retries", retries))
          .put("/job/{id}/retries", "no-such-job")
          .then().statusCode(400)
          .body("type", equalTo("InvalidRequestException"))
          .body(
              "message",
              equalTo(
                  "The number of job retries must be a non-negative Integer, but '" + retries
                      + "' has been provided."));
    }
  }

  private ValidatableResponse deploy(String tenantId) {
    var request =
        server.given().contentType("multipart/form-data")
            .multiPart("deployment-name", key + (tenantId == null ? "" : "-" + tenantId))
            .multiPart("data", "p.bpmn", userTaskProcess(), "application/octet-stream");
    if (tenantId != null) {
      request.multiPart("tenant-id", tenantId);
    }
    return request.post("/deployment/create").then().statusCode(200);
  }

  private ValidatableResponse count(String parameter, String date) {
    return server.givenInvalidRequest()
        .queryParam("nameLike", key + "%")
        .queryParam(parameter, date)
        .get("/deployment/count")
        .then()
        .statusCode(200);
  }

  private String startInstance(Map<String, ?> variables) {
    deploy(null);
    return server.given().contentType(ContentType.JSON).body(Map.of("variables", variables))
        .post("/process-definition/key/{key}/start", key)
        .then().statusCode(200).extract().path("id");
  }

  private void startRefused(Map<String, ?> variable, String reason) {
    server.given().contentType(ContentType.JSON).body(Map.of("variables", Map.of("v", variable)))
        .post("/process-definition/key/{key}/start", key)
        .then().statusCode(400)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", org.hamcrest.Matchers.endsWith(": " + reason));
  }

  private ValidatableResponse variable(String instanceId, String name) {
    return server.given().get("/process-instance/{id}/variables/{name}", instanceId, name)
        .then().statusCode(200);
  }

  private byte[] userTaskProcess() {
    return ("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\">"
            + "<process id=\"" + key + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
            + "<startEvent id=\"s\"/><sequenceFlow id=\"f\" sourceRef=\"s\" targetRef=\"t\"/>"
            + "<userTask id=\"t\"/></process></definitions>")
        .getBytes(StandardCharsets.UTF_8);
  }
}
