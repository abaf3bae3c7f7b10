package dev.tern.rest.runtime;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /condition} over HTTP, as the Camunda 7.24 reference answers it: each conditional
 * start event whose condition holds with the variables starts an instance (listed without links);
 * none holding answers an empty list; mistakes answer 400 in Camunda's words (ENGINE-13043, which
 * Camunda answers with 500) and start nothing.
 */
@DatabaseTest
class ConditionRestTest {

  private final RestTestServer server;
  private final String key = "c" + UUID.randomUUID().toString().substring(0, 8);

  ConditionRestTest(TestDatabase db) {
    this.server =
        RestTestServer.start(db, MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05.678Z")));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private io.restassured.response.ValidatableResponse evaluate(Map<String, ?> body) {
    return server.given().contentType(ContentType.JSON).body(body).post("/condition").then();
  }

  /** Deploys the process with a conditional start event; returns its definition id. */
  private String deployHot() {
    server.deployProcess(
        key,
        "",
        """
        <startEvent id="hot">
          <conditionalEventDefinition><condition>${temp > 10}</condition></conditionalEventDefinition>
        </startEvent>
        <sequenceFlow id="f1" sourceRef="hot" targetRef="cool"/>
        <userTask id="cool"/>
        """);
    return server.given().get("/process-definition/key/{key}", key).then().statusCode(200).extract().path("id");
  }

  @Test
  void aConditionThatHoldsStartsAnInstanceWithTheVariablesAndBusinessKey() {
    // the test methods share the database: the definition id keeps other tests' start events out
    String definition = deployHot();

    evaluate(Map.of("variables", Map.of("temp", Map.of("value", 5)), "processDefinitionId", definition))
        .statusCode(200)
        .body("$", empty());
    String instance =
        evaluate(
                Map.of(
                    "variables", Map.of("temp", Map.of("value", 20)),
                    "businessKey", "bk",
                    "processDefinitionId", definition))
            .statusCode(200)
            .body("$", hasSize(1))
            .body(
                "[0].keySet()",
                containsInAnyOrder(
                    "links", "id", "definitionId", "definitionKey", "businessKey",
                    "caseInstanceId", "ended", "suspended", "tenantId"))
            .body("[0].definitionId", equalTo(definition))
            .body("[0].definitionKey", equalTo(key))
            .body("[0].suspended", equalTo(false))
            .body("[0].businessKey", equalTo("bk"))
            .body("[0].links", empty())
            .body("[0].ended", equalTo(false))
            .extract()
            .path("[0].id");

    server
        .given()
        .get("/process-instance/{id}/variables/temp", instance)
        .then()
        .statusCode(200)
        .body("value", equalTo(20));
    server
        .given()
        .queryParam("eventType", "conditional")
        .get("/event-subscription")
        .then()
        .statusCode(200)
        .body("activityId", hasItem("hot"));
  }

  @Test
  void mistakesAnswer400AndStartNothing() {
    // a tenant nobody deploys for: no conditional start event
    evaluate(Map.of("variables", Map.of("temp", Map.of("value", 20)), "tenantId", key))
        .statusCode(400)
        .body("type", equalTo("ProcessEngineException"))
        .body(
            "message",
            equalTo("ENGINE-13043 No subscriptions were found during evaluation of the conditional start events."));
    deployHot();
    evaluate(Map.of("tenantId", "t1", "withoutTenantId", true))
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("Parameter 'tenantId' cannot be used together with parameter 'withoutTenantId'."));
    evaluate(Map.of("processDefinitionId", "nope"))
        .statusCode(400)
        .body("type", equalTo("NotFoundException"))
        .body("message", equalTo("no deployed process definition found with id 'nope': processDefinition is null"));

    server.given().queryParam("processDefinitionKey", key).get("/process-instance").then().statusCode(200).body("$", empty());
  }
}
