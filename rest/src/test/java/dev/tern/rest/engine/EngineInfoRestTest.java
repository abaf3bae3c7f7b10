package dev.tern.rest.engine;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@DatabaseTest
class EngineInfoRestTest {

  private final RestTestServer server;

  EngineInfoRestTest(TestDatabase db) {
    this.server = RestTestServer.start(db);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void versionIsTheCamundaApiVersionTernImplements() {
    server
        .given()
        .when()
        .get("/version")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("version", equalTo("7.24.0"));
  }

  @Test
  void engineListNamesTheDefaultEngine() {
    server
        .given()
        .when()
        .get("/engine")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].name", equalTo("default"));
  }
}
