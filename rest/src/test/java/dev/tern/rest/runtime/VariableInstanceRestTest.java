package dev.tern.rest.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.tern.engine.runtime.TypedValue;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /variable-instance}: runtime variables across instances, over HTTP. */
@DatabaseTest
class VariableInstanceRestTest {

  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05.678Z"));
  private final RestTestServer server;
  private WaitingProcess process;

  VariableInstanceRestTest(TestDatabase db) {
    this.server = RestTestServer.start(db, clock);
  }

  @BeforeEach
  void deploy() {
    process = WaitingProcess.deploy(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String start(Map<String, Object> variables) {
    return process.start(variables);
  }

  private String idOf(String instance, String name) {
    return server
        .given()
        .queryParam("processInstanceIdIn", instance)
        .queryParam("variableName", name)
        .get("/variable-instance")
        .then()
        .statusCode(200)
        .extract()
        .path("[0].id");
  }

  @Test
  void listsVariablesWithTheirInstanceAndTypedValues() {
    String instance = start(Map.of("customer", "ACME", "amount", 120, "approved", true));

    server
        .given()
        .queryParam("processInstanceIdIn", instance)
        .queryParam("sortBy", "variableName")
        .queryParam("sortOrder", "asc")
        .get("/variable-instance")
        .then()
        .statusCode(200)
        .body("name", contains("amount", "approved", "customer"))
        .body("type", contains("Integer", "Boolean", "String"))
        .body("value", contains(120, true, "ACME"))
        .body("processInstanceId", everyItem(equalTo(instance)))
        .body("executionId", everyItem(equalTo(instance)))
        .body("activityInstanceId", everyItem(equalTo(instance)))
        .body("taskId", everyItem(nullValue()));
    String id = idOf(instance, "customer");
    server
        .given()
        .get("/variable-instance/{id}", id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("name", equalTo("customer"))
        .body("value", equalTo("ACME"))
        .body("valueInfo.size()", equalTo(0));
  }

  @Test
  void filtersByNameValueAndScopeInQueryStringAndBody() {
    String first = start(Map.of("customer", "ACME", "amount", 120));
    String second = start(Map.of("customer", "Globex", "amount", 5));

    server
        .given()
        .queryParam("processInstanceIdIn", first + "," + second)
        .queryParam("variableValues", "customer_eq_ACME")
        .get("/variable-instance")
        .then()
        .statusCode(200)
        .body("processInstanceId", contains(first))
        .body("name", contains("customer"));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "processInstanceIdIn", List.of(first, second),
                "variableValues", List.of(Map.of("name", "amount", "operator", "gt", "value", 100))))
        .post("/variable-instance")
        .then()
        .statusCode(200)
        .body("processInstanceId", contains(first))
        .body("value", contains(120));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "processInstanceIdIn", List.of(first, second),
                "variableValues", List.of(Map.of("name", "CUSTOMER", "operator", "eq", "value", "globex")),
                "variableNamesIgnoreCase", true,
                "variableValuesIgnoreCase", true))
        .post("/variable-instance")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("processInstanceId", contains(second));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("variableNameLike", "cust%", "executionIdIn", List.of(first)))
        .post("/variable-instance/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(1));
    server
        .given()
        .queryParam("variableScopeIdIn", second)
        .queryParam("processInstanceIdIn", second)
        .get("/variable-instance/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(2));
    server
        .given()
        .queryParam("taskIdIn", "someTask")
        .queryParam("processInstanceIdIn", first)
        .get("/variable-instance/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(0));
  }

  @Test
  void bytesComeOnlyFromData() {
    String instance = start(Map.of("label", "x"));
    server
        .engine()
        .processInstances()
        .setVariable(instance, "blob", TypedValue.fromJava(new byte[] {1, 2, 3}));
    String id = idOf(instance, "blob");

    // as in Camunda, queries do not fetch byte arrays
    server.given().get("/variable-instance/{id}", id).then().statusCode(200)
        .body("type", equalTo("Bytes"))
        .body("value", nullValue());
    byte[] data =
        server
            .given()
            .get("/variable-instance/{id}/data", id)
            .then()
            .statusCode(200)
            .contentType("application/octet-stream")
            .extract()
            .asByteArray();
    assertThat(data).containsExactly(1, 2, 3);
    server
        .given()
        .get("/variable-instance/{id}/data", idOf(instance, "label"))
        .then()
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("Value of variable with id " + idOf(instance, "label") + " is not a binary value."));
  }

  @Test
  void unknownIdsAndBadQueriesAreClientErrors() {
    server
        .given()
        .get("/variable-instance/{id}", "nope")
        .then()
        .statusCode(404)
        .body("message", equalTo("Variable instance with Id 'nope' does not exist."));
    server.given().get("/variable-instance/{id}/data", "nope").then().statusCode(404);
    server
        .givenInvalidRequest()
        .queryParam("sortBy", "name")
        .queryParam("sortOrder", "asc")
        .get("/variable-instance")
        .then()
        .statusCode(400);
    server
        .given()
        .queryParam("variableValues", "amount_between_5")
        .get("/variable-instance/count")
        .then()
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"));
  }
}
