package dev.tern.rest.history;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /history/variable-instance}: the variables of running and ended instances, over HTTP. */
@DatabaseTest
class HistoricVariableInstanceRestTest {

  private static final String WAIT =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <process id="variableHistory" isExecutable="true" camunda:historyTimeToLive="P5D">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
          <userTask id="review"/>
          <sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
          <endEvent id="end"/>
        </process>
      </definitions>
      """;

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05.678Z"));
  private RestTestServer server;

  HistoricVariableInstanceRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    db.database()
        .useTransaction(
            h -> {
              for (String table : List.of("tern_hi_variable", "tern_process_instance")) {
                h.execute("DELETE FROM " + table);
              }
            });
    server = RestTestServer.start(db, clock);
    deploy();
  }

  private void deploy() {
    server
        .engine()
        .deploymentService()
        .deploy(
            NewDeployment.of(Map.of("variableHistory.bpmn", WAIT.getBytes(StandardCharsets.UTF_8)))
                .withDuplicateFiltering(true));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String startInstance() {
    return server
        .engine()
        .runtimeService()
        .startProcessInstanceByKey(
            "variableHistory", null, null, Map.of("customer", "ACME", "amount", 120, "approved", true))
        .id();
  }

  @Test
  void listsAnInstancesVariablesWithTheirTypedValues() {
    String instance = startInstance();

    server
        .given()
        .queryParam("processInstanceId", instance)
        .queryParam("sortBy", "variableName")
        .queryParam("sortOrder", "asc")
        .queryParam("deserializeValues", false)
        .get("/history/variable-instance")
        .then()
        .statusCode(200)
        .body("name", contains("amount", "approved", "customer"))
        .body("type", contains("Integer", "Boolean", "String"))
        .body("value", contains(120, true, "ACME"))
        .body("state", everyItem(equalTo("CREATED")))
        .body("activityInstanceId", everyItem(equalTo(instance)))
        .body("rootProcessInstanceId", everyItem(equalTo(instance)))
        .body("processDefinitionKey", everyItem(equalTo("variableHistory")))
        .body("[0].createTime", equalTo("2026-01-02T03:04:05.678+0000"));
  }

  @Test
  void filtersByNameValueAndTypeAsCamundaDoes() {
    String instance = startInstance();
    startInstance();

    // openapi.json types variableValue as an object (Camunda's Java type is Object), so no real
    // value fits it; Camunda's server treats it as a String, and so does Tern
    server
        .givenWithoutContract()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "variableName", "Customer",
                "variableNamesIgnoreCase", true,
                "variableValue", "acme",
                "variableValuesIgnoreCase", true,
                "processInstanceIdIn", List.of(instance)))
        .post("/history/variable-instance")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].value", equalTo("ACME"));
    server
        .given()
        .queryParam("variableName", "Customer")
        .get("/history/variable-instance/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(0));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("variableTypeIn", List.of("Integer", "boolean"), "processInstanceId", instance))
        .post("/history/variable-instance/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(2));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "variableNameLike", "a%",
                "sorting", List.of(Map.of("sortBy", "variableName", "sortOrder", "desc"))))
        .post("/history/variable-instance")
        .then()
        .statusCode(200)
        .body("name", contains("approved", "approved", "amount", "amount"));
  }

  @Test
  void aRemovedVariableIsLeftOutUnlessDeletedOnesAreAskedFor() {
    String instance = startInstance();
    server
        .given()
        .delete("/process-instance/{id}/variables/{name}", instance, "customer")
        .then()
        .statusCode(204);

    server
        .given()
        .queryParam("processInstanceId", instance)
        .get("/history/variable-instance/count")
        .then()
        .body("count", equalTo(2));
    server
        .given()
        .queryParam("processInstanceId", instance)
        .queryParam("variableName", "customer")
        .queryParam("includeDeleted", true)
        .get("/history/variable-instance")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].state", equalTo("DELETED"));
  }

  @Test
  void getsOneByIdAndAnswers404ForAnUnknownOne() {
    String instance = startInstance();
    String id =
        server
            .given()
            .queryParam("processInstanceId", instance)
            .queryParam("variableName", "amount")
            .get("/history/variable-instance")
            .then()
            .extract()
            .path("[0].id");

    server
        .given()
        .get("/history/variable-instance/{id}", id)
        .then()
        .statusCode(200)
        .body("name", equalTo("amount"))
        .body("value", equalTo(120))
        .body("type", equalTo("Integer"));
    server
        .given()
        .get("/history/variable-instance/{id}", "nope")
        .then()
        .statusCode(404)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("Historic variable instance with Id 'nope' does not exist."));
  }

  @Test
  void withAuthenticationACallerSeesOnlyVariablesOfDefinitionsItMayReadHistoryOf() {
    server.close();
    server = RestTestServer.builder(db).clock(clock).basicAuthentication().start();
    server.engine().identityService().ensureAdministrator("admin", "admin-pw");
    String instance = startInstance();
    server
        .givenAs("admin", "admin-pw")
        .contentType(ContentType.JSON)
        .body(Map.of("profile", Map.of("id", "auditor"), "credentials", Map.of("password", "auditor-pw")))
        .post("/user/create")
        .then()
        .statusCode(204);

    server
        .givenAs("auditor", "auditor-pw")
        .queryParam("processInstanceId", instance)
        .get("/history/variable-instance/count")
        .then()
        .body("count", equalTo(0));
    server
        .givenAs("admin", "admin-pw")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "type", 1,
                "userId", "auditor",
                "resourceType", 6,
                "resourceId", "variableHistory",
                "permissions", List.of("READ_HISTORY")))
        .post("/authorization/create")
        .then()
        .statusCode(200);
    server
        .givenAs("auditor", "auditor-pw")
        .queryParam("processInstanceId", instance)
        .get("/history/variable-instance/count")
        .then()
        .body("count", equalTo(3));
  }
}
