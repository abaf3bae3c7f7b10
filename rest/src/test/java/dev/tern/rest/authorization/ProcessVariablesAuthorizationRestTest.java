package dev.tern.rest.authorization;

import static dev.tern.rest.authorization.AuthorizationFixture.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Process-instance variables with authentication on: reading needs {@code READ} on the instance
 * or {@code READ_INSTANCE} on its definition; changing them {@code UPDATE} or {@code
 * UPDATE_VARIABLE} on the instance, or {@code UPDATE_INSTANCE} or {@code
 * UPDATE_INSTANCE_VARIABLE} on the definition — as Camunda checks them.
 */
@DatabaseTest
class ProcessVariablesAuthorizationRestTest {

  private static final int PROCESS_INSTANCE = 8;
  private static final int PROCESS_DEFINITION = 6;

  private final TestDatabase db;
  private AuthorizationFixture fx;
  private String worker;
  private String instance;

  ProcessVariablesAuthorizationRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    fx = new AuthorizationFixture(db);
    worker = fx.worker;
    instance = fx.start();
    fx.as("admin")
        .body(Map.of("value", "secret", "type", "String"))
        .put("/process-instance/" + instance + "/variables/token")
        .then()
        .statusCode(204);
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private String token() {
    return fx.as("admin").get("/process-instance/" + instance + "/variables/token").then().extract().path("value");
  }

  @Test
  void readingVariablesNeedsReadOnTheInstanceOrReadInstanceOnTheDefinition() {
    fx.refused(fx.offContractAs(worker), "GET", "/process-instance/" + instance + "/variables");
    fx.refused(fx.offContractAs(worker), "GET", "/process-instance/" + instance + "/variables/token");

    fx.grant(PROCESS_DEFINITION, KEY, "READ_INSTANCE");

    fx.as(worker).get("/process-instance/" + instance + "/variables").then().statusCode(200)
        .body("token.value", equalTo("secret"));
    fx.as(worker).get("/process-instance/" + instance + "/variables/token").then().statusCode(200)
        .body("value", equalTo("secret"));
  }

  @Test
  void changingVariablesNeedsAnUpdatePermissionAndChangesNothingWithout() {
    fx.grant(PROCESS_INSTANCE, instance, "READ");
    fx.refused(
        fx.offContractAs(worker).body(Map.of("value", "stolen", "type", "String")),
        "PUT",
        "/process-instance/" + instance + "/variables/token");
    fx.refused(
        fx.offContractAs(worker).body(Map.of("deletions", List.of("token"))),
        "POST",
        "/process-instance/" + instance + "/variables");
    fx.refused(fx.offContractAs(worker), "DELETE", "/process-instance/" + instance + "/variables/token");
    assertThat(token()).isEqualTo("secret");

    fx.grant(PROCESS_INSTANCE, instance, "UPDATE_VARIABLE");

    fx.as(worker)
        .body(Map.of("value", "rotated", "type", "String"))
        .put("/process-instance/" + instance + "/variables/token")
        .then()
        .statusCode(204);
    assertThat(token()).isEqualTo("rotated");
  }
}
