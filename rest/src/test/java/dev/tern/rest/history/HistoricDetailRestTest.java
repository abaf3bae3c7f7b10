package dev.tern.rest.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.engine.runtime.ValueType;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /history/detail}: every write of a process variable as Camunda 7.24's variable updates
 * (initial ones at the start, revisions counted from 0, a removal as a null value), over HTTP.
 */
@DatabaseTest
class HistoricDetailRestTest {

  private static final String WAIT =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <process id="detailHistory" isExecutable="true" camunda:historyTimeToLive="P5D">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
          <userTask id="review"/>
          <sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
          <endEvent id="end"/>
        </process>
        <process id="detailAsync" isExecutable="true" camunda:historyTimeToLive="P5D">
          <startEvent id="asyncStart"/>
          <sequenceFlow id="a1" sourceRef="asyncStart" targetRef="charge"/>
          <serviceTask id="charge" camunda:asyncBefore="true" camunda:expression="${true}"/>
          <sequenceFlow id="a2" sourceRef="charge" targetRef="asyncEnd"/>
          <endEvent id="asyncEnd"/>
        </process>
      </definitions>
      """;

  private static final Instant START = Instant.parse("2026-01-02T03:04:05.678Z");

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(START);
  private RestTestServer server;

  HistoricDetailRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    db.database()
        .useTransaction(
            h -> {
              for (String table :
                  List.of("tern_hi_detail", "tern_hi_variable", "tern_task", "tern_process_instance")) {
                h.execute("DELETE FROM " + table);
              }
            });
    server = RestTestServer.builder(db).clock(clock).engine(b -> b.startJobExecutor(false)).start();
    server
        .engine()
        .deploymentService()
        .deploy(
            NewDeployment.of(Map.of("detailHistory.bpmn", WAIT.getBytes(StandardCharsets.UTF_8)))
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
        .startProcessInstanceByKey("detailHistory", null, null, Map.of("customer", "ACME", "amount", 120))
        .id();
  }

  /** Starts an instance, then (a minute later) updates, adds and removes variables over REST. */
  private String startAndChange() {
    String instance = startInstance();
    clock.advance(Duration.ofMinutes(1));
    server.given().contentType(ContentType.JSON).body(Map.of("value", "Initech", "type", "String"))
        .put("/process-instance/{id}/variables/customer", instance).then().statusCode(204);
    server.given().contentType(ContentType.JSON).body(Map.of("value", "AQID", "type", "Bytes"))
        .put("/process-instance/{id}/variables/blob", instance).then().statusCode(204);
    server.given().delete("/process-instance/{id}/variables/amount", instance).then().statusCode(204);
    return instance;
  }

  @Test
  void recordsEveryWriteAsAVariableUpdateWithCamundasRevisionsAndInitialFlag() {
    String instance = startAndChange();
    String review =
        server.given().queryParam("processInstanceId", instance).queryParam("activityId", "review")
            .get("/history/activity-instance").then().statusCode(200).extract().path("[0].id");

    server
        .given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "processInstanceId", instance,
                "sorting",
                List.of(
                    Map.of("sortBy", "variableName", "sortOrder", "asc"),
                    Map.of("sortBy", "variableRevision", "sortOrder", "asc"))))
        .post("/history/detail")
        .then()
        .statusCode(200)
        .body("variableName", contains("amount", "amount", "blob", "customer", "customer"))
        .body("type", everyItem(equalTo("variableUpdate")))
        .body("variableType", contains("Integer", "Integer", "Bytes", "String", "String"))
        // the removal: a null value of the old type; queries leave byte arrays out
        .body("value", contains(120, null, null, "ACME", "Initech"))
        .body("revision", contains(0, 1, 0, 0, 1))
        .body("initial", contains(true, false, false, true, false))
        .body("time", contains(
            "2026-01-02T03:04:05.678+0000", "2026-01-02T03:05:05.678+0000",
            "2026-01-02T03:05:05.678+0000", "2026-01-02T03:04:05.678+0000",
            "2026-01-02T03:05:05.678+0000"))
        .body("processInstanceId", everyItem(equalTo(instance)))
        .body("executionId", everyItem(equalTo(instance)))
        // as in Camunda: the instance's own for the start, the activity it rests at afterwards
        .body("activityInstanceId", contains(instance, review, review, instance, review))
        .body("rootProcessInstanceId", everyItem(equalTo(instance)))
        .body("processDefinitionKey", everyItem(equalTo("detailHistory")))
        .body("removalTime", everyItem(nullValue()))
        .body("userOperationId", everyItem(nullValue()))
        .body("errorMessage", everyItem(nullValue()))
        .body("[0].valueInfo", equalTo(Map.of()));
    String customer =
        server.given().queryParam("processInstanceId", instance).queryParam("variableName", "customer")
            .get("/history/variable-instance").then().extract().path("[0].id");
    server.given().queryParam("variableInstanceId", customer).get("/history/detail/count")
        .then().statusCode(200).body("count", equalTo(2));
  }

  @Test
  void aWriteWhileAJobIsToContinueTheInstanceBelongsToNoActivityInstance() {
    String instance =
        server.engine().runtimeService()
            .startProcessInstanceByKey("detailAsync", null, null, Map.of("ok", false)).id();
    server.given().contentType(ContentType.JSON).body(Map.of("value", true, "type", "Boolean"))
        .put("/process-instance/{id}/variables/ok", instance).then().statusCode(204);

    server.given().queryParam("processInstanceId", instance).queryParam("sortBy", "variableRevision")
        .queryParam("sortOrder", "asc").get("/history/detail").then().statusCode(200)
        .body("value", contains(false, true))
        .body("activityInstanceId", contains(instance, null));
  }

  @Test
  void filtersAndSortsAsCamundaDoes() {
    String instance = startAndChange();
    String other = startInstance();

    server.given().queryParam("processInstanceId", instance).queryParam("initial", true)
        .get("/history/detail/count").then().statusCode(200).body("count", equalTo(2));
    // types and name patterns match whatever their case
    server.given().queryParam("variableTypeIn", "integer,BYTES").queryParam("processInstanceId", instance)
        .get("/history/detail/count").then().body("count", equalTo(3));
    server.given().queryParam("variableNameLike", "CUST%").queryParam("processInstanceIdIn", instance + "," + other)
        .queryParam("sortBy", "variableRevision").queryParam("sortOrder", "desc")
        .get("/history/detail").then().statusCode(200)
        .body("value", contains("Initech", "ACME", "ACME"));
    // bounds are inclusive
    server.given().queryParam("occurredAfter", "2026-01-02T03:05:05.678+0000")
        .get("/history/detail/count").then().body("count", equalTo(3 + 2));
    server.given().queryParam("occurredBefore", "2026-01-02T03:04:05.678+0000")
        .get("/history/detail/count").then().body("count", equalTo(2));
    server.given().queryParam("variableUpdates", true).queryParam("excludeTaskDetails", true)
        .queryParam("withoutTenantId", true).queryParam("processInstanceId", instance)
        .get("/history/detail/count").then().body("count", equalTo(5));
    // Tern submits no forms: no form fields
    server.given().queryParam("formFields", true).get("/history/detail/count")
        .then().body("count", equalTo(0));
    server.given().queryParam("executionId", other).queryParam("activityInstanceId", other)
        .get("/history/detail/count").then().body("count", equalTo(2));
    server.given().queryParam("tenantIdIn", "acme").get("/history/detail/count")
        .then().body("count", equalTo(0));
    server.given().queryParam("processInstanceId", instance).queryParam("sortBy", "occurrence")
        .queryParam("sortOrder", "asc").queryParam("firstResult", 2).queryParam("maxResults", 2)
        .get("/history/detail").then().statusCode(200)
        .body("variableName", contains("customer", "blob"));
    server.givenInvalidRequest().queryParam("sortBy", "nonsense").queryParam("sortOrder", "asc")
        .get("/history/detail").then().statusCode(400)
        .body("type", equalTo("InvalidRequestException"));
  }

  @Test
  void getsOneDetailAndTheBytesOfABinaryOne() {
    String instance = startAndChange();
    String blob = detailId(instance, "blob");
    String customer = detailId(instance, "customer");

    server.given().get("/history/detail/{id}", blob).then().statusCode(200)
        .body("variableName", equalTo("blob"))
        .body("variableType", equalTo("Bytes"))
        .body("value", nullValue());
    byte[] data = server.given().get("/history/detail/{id}/data", blob).then().statusCode(200)
        .contentType("application/octet-stream").extract().asByteArray();
    assertThat(data).containsExactly(1, 2, 3);
    server.given().get("/history/detail/{id}/data", customer).then().statusCode(400)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("Value of variable with id " + customer + " is not a binary value."));
    for (String path : List.of("/history/detail/{id}", "/history/detail/{id}/data")) {
      server.given().get(path, "nope").then().statusCode(404)
          .body("type", equalTo("InvalidRequestException"))
          .body("message", equalTo("Historic detail with Id 'nope' does not exist."))
          .body("code", nullValue());
    }
  }

  @Test
  void deserializeValuesDecidesWhetherAnObjectIsItsDocumentOrItsText() {
    String instance = startInstance();
    server
        .engine()
        .processInstances()
        .setVariable(
            instance,
            "order",
            new TypedValue(
                ValueType.OBJECT,
                "{\"id\":7}",
                Map.of("objectTypeName", "com.acme.Order", "serializationDataFormat", "application/json")));
    String order = detailId(instance, "order");

    server.given().queryParam("variableNameLike", "order").get("/history/detail").then().statusCode(200)
        .body("[0].value.id", equalTo(7))
        .body("[0].valueInfo.objectTypeName", equalTo("com.acme.Order"));
    server.given().queryParam("variableNameLike", "order").queryParam("deserializeValues", false)
        .get("/history/detail").then().body("[0].value", equalTo("{\"id\":7}"));
    server.given().queryParam("deserializeValue", false).get("/history/detail/{id}", order)
        .then().statusCode(200).body("value", equalTo("{\"id\":7}"));
  }

  @Test
  void deletingTheHistoricInstanceDeletesItsDetails() {
    String instance = startAndChange();
    server.given().delete("/process-instance/{id}", instance).then().statusCode(204);

    server.given().delete("/history/process-instance/{id}", instance).then().statusCode(204);

    server.given().queryParam("processInstanceId", instance).get("/history/detail/count")
        .then().body("count", equalTo(0));
    long rows = db.database().withHandle(h -> h.createQuery(
        "SELECT COUNT(*) FROM tern_hi_detail WHERE process_instance_id = :id")
        .bind("id", instance).mapTo(Long.class).one());
    assertThat(rows).isZero();
  }

  @Test
  void withAuthenticationACallerSeesOnlyDetailsOfDefinitionsItMayReadHistoryOf() {
    server.close();
    server = RestTestServer.builder(db).clock(clock).basicAuthentication().start();
    server.engine().identityService().ensureAdministrator("admin", "admin-pw");
    String instance = startInstance();
    server.givenAs("admin", "admin-pw").contentType(ContentType.JSON)
        .body(Map.of("profile", Map.of("id", "auditor"), "credentials", Map.of("password", "auditor-pw")))
        .post("/user/create").then().statusCode(204);

    server.givenAs("auditor", "auditor-pw").queryParam("processInstanceId", instance)
        .get("/history/detail").then().statusCode(200).body("$", hasSize(0));
    server.givenAs("admin", "admin-pw").contentType(ContentType.JSON)
        .body(Map.of("type", 1, "userId", "auditor", "resourceType", 6,
            "resourceId", "detailHistory", "permissions", List.of("READ_HISTORY")))
        .post("/authorization/create").then().statusCode(200);
    server.givenAs("auditor", "auditor-pw").queryParam("processInstanceId", instance)
        .get("/history/detail/count").then().body("count", equalTo(2));
  }

  private String detailId(String instance, String name) {
    return server.given().queryParam("processInstanceId", instance).queryParam("variableNameLike", name)
        .queryParam("sortBy", "variableRevision").queryParam("sortOrder", "asc")
        .get("/history/detail").then().statusCode(200).extract().path("[0].id");
  }
}
