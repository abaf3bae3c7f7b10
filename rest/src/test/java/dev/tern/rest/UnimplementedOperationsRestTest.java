package dev.tern.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Operations of Camunda's API that Tern lacks answer 501 naming the operation; openapi.json
 * documents no 501, so these exchanges are not validated against it.
 */
@DatabaseTest
class UnimplementedOperationsRestTest {

  private final RestTestServer server;

  UnimplementedOperationsRestTest(TestDatabase db) {
    this.server = RestTestServer.start(db);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void camundaOperationTernLacksIs501NamingTheOperation() {
    server
        .givenWithoutContract()
        .when()
        .get("/decision-definition")
        .then()
        .statusCode(501)
        .contentType(ContentType.JSON)
        .body("type", equalTo("RestException"))
        .body("message", equalTo("Tern does not implement GET /decision-definition"))
        .body("code", nullValue());
    server
        .givenWithoutContract()
        .contentType(ContentType.JSON)
        .body("{\"migrationPlan\":{},\"processInstanceIds\":[\"pi-1\"]}")
        .when()
        .post("/migration/execute")
        .then()
        .statusCode(501)
        .body("message", equalTo("Tern does not implement POST /migration/execute"));
  }

  @Test
  void operationIsNamedWithItsPathTemplateLiteralSegmentsFirst() {
    server
        .givenWithoutContract()
        .when()
        .post("/decision-definition/{id}/evaluate", "dd-1")
        .then()
        .statusCode(501)
        .body("message", equalTo("Tern does not implement POST /decision-definition/{id}/evaluate"));
    server
        .givenWithoutContract()
        .when()
        .get("/decision-definition/count")
        .then()
        .statusCode(501)
        .body("message", equalTo("Tern does not implement GET /decision-definition/count"));
  }

  @Test
  void missingMethodOnAPathTernServesIs501WhenCamundaHasIt() {
    // Tern serves GET /process-definition/{id}; Camunda also has DELETE on it
    server
        .givenWithoutContract()
        .when()
        .delete("/process-definition/{id}", "pd-1")
        .then()
        .statusCode(501)
        .body("type", equalTo("RestException"))
        .body("message", equalTo("Tern does not implement DELETE /process-definition/{id}"));
  }

  @Test
  void pathsCamundaDoesNotHaveStay404() {
    server
        .givenWithoutContract()
        .when()
        .get("/no-such-thing/x")
        .then()
        .statusCode(404)
        .body("type", equalTo("NotFoundException"));
  }
}
