package dev.tern.rest.engine;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Camunda serves every operation again under {@code /engine-rest/engine/{name}/…} for each process
 * engine. Tern has one engine, {@code default}: its name serves what the plain paths serve, any
 * other name is refused as Camunda refuses an engine it does not know, 400 {@code
 * InvalidRequestException} "No process engine available" (Camunda's {@code
 * AbstractRestProcessEngineAware}). openapi.json describes these paths only as a second server
 * URL, so the exchanges are not validated against it.
 */
@DatabaseTest
class NamedEngineRestTest {

  private final RestTestServer server;

  NamedEngineRestTest(TestDatabase db) {
    this.server = RestTestServer.start(db);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theDefaultEngineServesWhatThePlainPathsServe() {
    get("/engine/default/process-definition/count").statusCode(200).body("count", equalTo(0));
    get("/engine/default/incident/count").statusCode(200).body("count", equalTo(0));
  }

  @Test
  void anUnknownEngineIsABadRequestOnOperationsTernImplements() {
    refusedAsUnknownEngine(get("/engine/other/process-definition/count"));
    refusedAsUnknownEngine(get("/engine/other/job/{id}", "j-1"));
    refusedAsUnknownEngine(
        server.givenWithoutContract()
            .contentType(ContentType.JSON)
            .body("{\"retries\":1,\"processInstanceIds\":[\"p-1\"]}")
            .post("/engine/other/process-instance/job-retries")
            .then());
  }

  @Test
  void anUnknownEngineIsABadRequestOnCamundaOperationsTernLacks() {
    refusedAsUnknownEngine(get("/engine/other/decision-definition"));
    refusedAsUnknownEngine(
        server.givenWithoutContract().post("/engine/other/decision-definition/{id}/evaluate", "dd-1").then());
  }

  @Test
  void theDefaultEngineNamesCamundaOperationsTernLacks() {
    get("/engine/default/decision-definition")
        .statusCode(501)
        .body("type", equalTo("RestException"))
        .body("message", equalTo("Tern does not implement GET /decision-definition"));
    server.givenWithoutContract().delete("/engine/default/process-definition/{id}", "pd-1").then()
        .statusCode(501)
        .body("message", equalTo("Tern does not implement DELETE /process-definition/{id}"));
  }

  @Test
  void pathsCamundaDoesNotHaveAreNotFoundUnderAnyEngineName() {
    for (String engine : new String[] {"default", "other"}) {
      get("/engine/" + engine + "/no-such-resource")
          .statusCode(404)
          .contentType(ContentType.JSON)
          .body("type", equalTo("NotFoundException"));
    }
  }

  private ValidatableResponse get(String path, Object... params) {
    return server.givenWithoutContract().get(path, params).then();
  }

  private static void refusedAsUnknownEngine(ValidatableResponse response) {
    response
        .statusCode(400)
        .contentType(ContentType.JSON)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("No process engine available"))
        .body("code", nullValue());
  }
}
