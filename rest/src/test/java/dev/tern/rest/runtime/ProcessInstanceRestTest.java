package dev.tern.rest.runtime;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DatabaseTest
class ProcessInstanceRestTest {

  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05.678Z"));
  private final RestTestServer server;
  /** Unique per test: the tests of one class run share a database. */
  private final String key = "k" + UUID.randomUUID().toString().substring(0, 8);

  private String definitionId;

  ProcessInstanceRestTest(TestDatabase db) {
    this.server = RestTestServer.start(db, clock);
  }

  @BeforeEach
  void deploy() {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="KEY" isExecutable="true" camunda:historyTimeToLive="30">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
            <userTask id="wait"/>
            <sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """
            .replace("KEY", key);
    definitionId =
        server
            .engine()
            .deploymentService()
            .deploy(NewDeployment.of(Map.of(key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8))))
            .deployedProcessDefinitions()
            .get(0)
            .id();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String start(String businessKey, Map<String, Object> variables) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("businessKey", businessKey);
    body.put("variables", variables);
    return server
        .given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/process-definition/key/{key}/start", key)
        .then()
        .statusCode(200)
        .extract()
        .path("id");
  }

  private static Map<String, Object> typed(Object value, String type) {
    Map<String, Object> dto = new LinkedHashMap<>();
    dto.put("value", value);
    dto.put("type", type);
    return dto;
  }

  @Test
  void startByKeyReturnsTheInstanceWithItsTypedVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("s", typed("text", "string"));
    variables.put("b", typed(true, "Boolean"));
    variables.put("i", typed("42", "Integer"));
    variables.put("sh", typed(7, "Short"));
    variables.put("l", typed(5, "Long"));
    variables.put("d", typed(2, "Double"));
    variables.put("date", typed("2026-03-04T05:06:07.890+0000", "Date"));
    variables.put("json", typed("{\"a\":[1,2]}", "Json"));
    variables.put("n", typed(null, "Null"));
    variables.put("untyped", Map.of("value", 12));

    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("businessKey", "bk", "variables", variables, "withVariablesInReturn", true))
        .post("/process-definition/key/{key}/start", key)
        .then()
        .statusCode(200)
        .body(
            "keySet()",
            contains(
                "links", "id", "definitionId", "definitionKey", "businessKey", "caseInstanceId",
                "ended", "suspended", "tenantId", "variables"))
        .body("definitionId", equalTo(definitionId))
        .body("definitionKey", equalTo(key))
        .body("businessKey", equalTo("bk"))
        .body("ended", equalTo(false))
        .body("suspended", equalTo(false))
        .body("links[0].rel", equalTo("self"))
        .body("links[0].method", equalTo("GET"))
        .body("links[0].href", org.hamcrest.Matchers.containsString("/engine-rest/process-instance/"))
        .body("variables.s.type", equalTo("String"))
        .body("variables.s.value", equalTo("text"))
        .body("variables.b.value", equalTo(true))
        .body("variables.i.type", equalTo("Integer"))
        .body("variables.i.value", equalTo(42))
        .body("variables.sh.type", equalTo("Short"))
        .body("variables.l.type", equalTo("Long"))
        .body("variables.d.type", equalTo("Double"))
        .body("variables.d.value", equalTo(2.0f))
        .body("variables.date.type", equalTo("Date"))
        .body("variables.date.value", equalTo("2026-03-04T05:06:07.890+0000"))
        .body("variables.json.type", equalTo("Json"))
        .body("variables.json.value", equalTo("{\"a\":[1,2]}"))
        .body("variables.n.type", equalTo("Null"))
        .body("variables.untyped.type", equalTo("Integer"));
  }

  @Test
  void startByIdAndByTenantKeyAndTheirNotFoundMessages() {
    server
        .given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/process-definition/{id}/start", definitionId)
        .then()
        .statusCode(200)
        .body("definitionId", equalTo(definitionId))
        .body("variables", nullValue());
    // Camunda answers 404 here, but its openapi.json documents only 200, 400 and 500
    server
        .givenWithoutContract()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/process-definition/key/{key}/start", "nope" + key)
        .then()
        .statusCode(404)
        .body("type", equalTo("RestException"))
        .body("message", equalTo("No matching process definition with key: nope" + key + " and no tenant-id"));
    server
        .givenWithoutContract()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/process-definition/key/{key}/tenant-id/{tenant}/start", key, "t1")
        .then()
        .statusCode(404)
        .body("message", equalTo("No matching process definition with key: " + key + " and tenant-id: t1"));
    // the unknown definition answers before its variables are judged, as in Camunda
    server
        .givenWithoutContract()
        .contentType(ContentType.JSON)
        .body(Map.of("variables", Map.of("x", typed("v", "foo"))))
        .post("/process-definition/key/{key}/start", "nope" + key)
        .then()
        .statusCode(404)
        .body("message", equalTo("No matching process definition with key: nope" + key + " and no tenant-id"));
  }

  @Test
  void startWithVariablesThatDoNotFitTheirTypeIsRejectedAndStartsNothing() {
    server
        .givenInvalidRequest()
        .contentType(ContentType.JSON)
        .body(Map.of("variables", Map.of("x", typed("v", "foo"))))
        .post("/process-definition/key/{key}/start", key)
        .then()
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"))
        .body(
            "message",
            equalTo(
                "Cannot instantiate process definition " + definitionId + ": Unsupported value type 'foo'"));
    server
        .givenInvalidRequest()
        .contentType(ContentType.JSON)
        .body(Map.of("variables", Map.of("x", typed("abc", "Integer"))))
        .post("/process-definition/key/{key}/start", key)
        .then()
        .statusCode(400)
        .body(
            "message",
            equalTo(
                "Cannot instantiate process definition "
                    + definitionId
                    + ": Cannot convert value 'abc' of type 'Integer' to java type java.lang.Integer"));
    server
        .givenInvalidRequest()
        .contentType(ContentType.JSON)
        .body(Map.of("variables", Map.of("x", typed(Map.of("a", 1), "Json"))))
        .post("/process-definition/key/{key}/start", key)
        .then()
        .statusCode(400)
        .body(
            "message",
            equalTo(
                "Cannot instantiate process definition "
                    + definitionId
                    + ": Must provide 'null' or String value for value of SerializableValue type 'Json'."));
    server
        .given()
        .queryParam("processDefinitionKey", key)
        .get("/process-instance/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(0));
  }

  @Test
  void getListAndCountWithQueryStringAndBodyAlike() {
    String a = start("bk-a", Map.of("amount", typed(10, "Long"), "name", typed("Ann", "String")));
    String b = start("bk-b", Map.of("amount", typed(3, "Integer")));
    start("other", Map.of());

    server
        .given()
        .get("/process-instance/{id}", a)
        .then()
        .statusCode(200)
        .body("id", equalTo(a))
        .body("definitionKey", equalTo(key))
        .body("businessKey", equalTo("bk-a"))
        .body("links", hasSize(0))
        .body("$", hasKey("tenantId"));
    server
        .given()
        .queryParam("processDefinitionKey", key)
        .queryParam("businessKeyLike", "bk-%")
        .queryParam("sortBy", "businessKey")
        .queryParam("sortOrder", "desc")
        .get("/process-instance")
        .then()
        .statusCode(200)
        .body("id", contains(b, a));
    server
        .given()
        .queryParam("processDefinitionKey", key)
        // query-string values are strings, matched against the text form of numbers (as Camunda)
        .queryParam("variables", "amount_eq_10")
        .get("/process-instance")
        .then()
        .statusCode(200)
        .body("id", contains(a));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "processDefinitionKey", key,
                "variables", List.of(Map.of("name", "amount", "operator", "gt", "value", 5)),
                "sorting", List.of(Map.of("sortBy", "instanceId", "sortOrder", "asc"))))
        .post("/process-instance")
        .then()
        .statusCode(200)
        .body("id", contains(a));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "processDefinitionKey",
                key,
                "orQueries",
                List.of(Map.of("businessKey", "bk-b", "variables", List.of(Map.of("name", "name", "operator", "eq", "value", "Ann"))))))
        .post("/process-instance/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(2));
    server
        .given()
        .queryParam("processDefinitionKey", key)
        .queryParam("firstResult", 1)
        .queryParam("maxResults", 1)
        .queryParam("sortBy", "businessKey")
        .queryParam("sortOrder", "asc")
        .get("/process-instance")
        .then()
        .statusCode(200)
        .body("businessKey", contains("bk-b"));
    server
        .given()
        .queryParam("processInstanceIds", a + "," + b)
        .get("/process-instance/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(2));
  }

  @Test
  void invalidQueriesAnswer400WithCamundasMessages() {
    server
        .givenInvalidRequest()
        .queryParam("sortBy", "bogus")
        .queryParam("sortOrder", "asc")
        .get("/process-instance")
        .then()
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("Cannot set query parameter 'sortBy' to value 'bogus'"));
    server
        .givenInvalidRequest()
        .queryParam("sortBy", "instanceId")
        .queryParam("sortOrder", "up")
        .get("/process-instance")
        .then()
        .statusCode(400)
        .body("message", equalTo("Cannot set query parameter 'sortOrder' to value 'up'"));
    server
        .givenInvalidRequest()
        .queryParam("variables", "amount_bogus_5")
        .get("/process-instance")
        .then()
        .statusCode(400)
        .body("message", equalTo("Invalid variable comparator specified: bogus"));
    server
        .givenInvalidRequest()
        .contentType(ContentType.JSON)
        .body(Map.of("variables", List.of(Map.of("name", "x", "operator", "notLike", "value", "a%"))))
        .post("/process-instance")
        .then()
        .statusCode(400)
        .body("message", equalTo("Invalid variable comparator specified: notLike"));
    server
        .givenInvalidRequest()
        .queryParam("variables", "nounderscores")
        .get("/process-instance/count")
        .then()
        .statusCode(400)
        .body("message", equalTo("variable query parameter has to have format KEY_OPERATOR_VALUE."));
    server
        .givenInvalidRequest()
        .contentType(ContentType.JSON)
        .body(Map.of("sorting", List.of(Map.of("sortBy", "nope", "sortOrder", "asc"))))
        .post("/process-instance")
        .then()
        .statusCode(400)
        .body("message", equalTo("sortBy parameter has invalid value: nope"));
    server
        .givenInvalidRequest()
        .contentType(ContentType.JSON)
        .body(Map.of("variables", List.of(Map.of("name", "x", "operator", "gt", "value", true))))
        .post("/process-instance/count")
        .then()
        .statusCode(400)
        .body("message", equalTo("Booleans and null cannot be used in 'greater than' condition"));
  }

  @Test
  void variablesCanBeReadWrittenModifiedAndDeleted() {
    String id = start("v", Map.of("a", typed("x", "String")));

    server
        .given()
        .contentType(ContentType.JSON)
        .body(typed("2026-01-01T00:00:00.000+0000", "Date"))
        .put("/process-instance/{id}/variables/{name}", id, "when")
        .then()
        .statusCode(204);
    server
        .given()
        .queryParam("deserializeValue", false)
        .get("/process-instance/{id}/variables/{name}", id, "when")
        .then()
        .statusCode(200)
        .body("type", equalTo("Date"))
        .body("value", equalTo("2026-01-01T00:00:00.000+0000"))
        .body("valueInfo", equalTo(Map.of()));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("modifications", Map.of("b", typed(1.5, "Double")), "deletions", List.of("a")))
        .post("/process-instance/{id}/variables", id)
        .then()
        .statusCode(204);
    server
        .given()
        .get("/process-instance/{id}/variables", id)
        .then()
        .statusCode(200)
        .body("keySet()", containsInAnyOrder("b", "when"))
        .body("b.value", equalTo(1.5f));
    server
        .given()
        .delete("/process-instance/{id}/variables/{name}", id, "b")
        .then()
        .statusCode(204);
    // Camunda answers 404 for a missing variable; its openapi.json documents only 200 and 400
    server
        .givenWithoutContract()
        .get("/process-instance/{id}/variables/{name}", id, "b")
        .then()
        .statusCode(404)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("process instance variable with name b does not exist"));
    server
        .givenInvalidRequest()
        .contentType(ContentType.JSON)
        .body(typed("v", "foo"))
        .put("/process-instance/{id}/variables/{name}", id, "x")
        .then()
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("Cannot put process instance variable x: Unsupported value type 'foo'"));
    server
        .givenInvalidRequest()
        .contentType(ContentType.JSON)
        .body(Map.of("modifications", Map.of("y", typed("1.5", "Long"))))
        .post("/process-instance/{id}/variables", id)
        .then()
        .statusCode(400)
        .body(
            "message",
            equalTo(
                "Cannot modify variables for process instance: Cannot convert value '1.5' of type"
                    + " 'Long' to java type java.lang.Long"));
    // Camunda answers 500 for the variables (or one variable) of an unknown instance; a 404 here
    server
        .givenWithoutContract()
        .get("/process-instance/{id}/variables", "nope")
        .then()
        .statusCode(404)
        .body("message", equalTo("Process instance with id nope does not exist"));
    server
        .givenWithoutContract()
        .get("/process-instance/{id}/variables/{name}", "nope", "x")
        .then()
        .statusCode(404)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("Process instance with id nope does not exist"));
  }

  @Test
  void suspendAndActivate() {
    String id = start("s", Map.of());

    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("suspended", true))
        .put("/process-instance/{id}/suspended", id)
        .then()
        .statusCode(204);
    server.given().get("/process-instance/{id}", id).then().body("suspended", equalTo(true));
    server
        .given()
        .queryParam("processDefinitionKey", key)
        .queryParam("suspended", true)
        .get("/process-instance/count")
        .then()
        .body("count", equalTo(1));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("suspended", false))
        .put("/process-instance/{id}/suspended", id)
        .then()
        .statusCode(204);
    server.given().get("/process-instance/{id}", id).then().body("suspended", equalTo(false));
    server
        .givenWithoutContract()
        .contentType(ContentType.JSON)
        .body(Map.of("suspended", true))
        .put("/process-instance/{id}/suspended", "nope")
        .then()
        .statusCode(404);
  }

  @Test
  void deleteEndsTheInstanceInHistory() {
    String id = start("d", Map.of());

    server
        .given()
        .queryParam("skipCustomListeners", true)
        .queryParam("skipIoMappings", true)
        .delete("/process-instance/{id}", id)
        .then()
        .statusCode(204);
    server
        .given()
        .get("/process-instance/{id}", id)
        .then()
        .statusCode(404)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("Process instance with id " + id + " does not exist"))
        .body("code", nullValue());
    // Camunda's REST layer wraps the engine's miss here and keeps its code 0
    server
        .given()
        .delete("/process-instance/{id}", id)
        .then()
        .statusCode(404)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("No process instance found for id '" + id + "': processInstance is null"))
        .body("code", equalTo(0));
    server
        .given()
        .queryParam("failIfNotExists", false)
        .delete("/process-instance/{id}", id)
        .then()
        .statusCode(204);
    server
        .given()
        .get("/history/process-instance/{id}", id)
        .then()
        .statusCode(200)
        .body("state", equalTo("EXTERNALLY_TERMINATED"))
        .body("processDefinitionKey", equalTo(key))
        .body("endTime", equalTo("2026-01-02T03:04:05.678+0000"));
  }

  @Test
  void historyQueriesOverGetAndPost() {
    String running = start("h-run", Map.of("n", typed(1, "Integer")));
    String deleted = start("h-del", Map.of());
    server.given().delete("/process-instance/{id}", deleted).then().statusCode(204);

    server
        .given()
        .queryParam("processDefinitionKey", key)
        .queryParam("unfinished", true)
        .get("/history/process-instance")
        .then()
        .statusCode(200)
        .body("id", contains(running))
        .body("[0].startTime", equalTo("2026-01-02T03:04:05.678+0000"))
        .body("[0].state", equalTo("ACTIVE"));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("processDefinitionKey", key, "finished", true))
        .post("/history/process-instance")
        .then()
        .statusCode(200)
        .body("id", contains(deleted));
    server
        .given()
        .queryParam("processDefinitionKey", key)
        .queryParam("variables", "n_eq_1")
        .get("/history/process-instance/count")
        .then()
        .body("count", equalTo(1));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("processDefinitionKey", key, "externallyTerminated", true))
        .post("/history/process-instance/count")
        .then()
        .body("count", equalTo(1));
    server
        .given()
        .queryParam("processDefinitionKey", key)
        .queryParam("startedBefore", "2026-01-02T03:04:05.000+0000")
        .get("/history/process-instance/count")
        .then()
        .body("count", equalTo(0));
    server
        .givenInvalidRequest()
        .queryParam("sortBy", "bogus")
        .queryParam("sortOrder", "asc")
        .get("/history/process-instance")
        .then()
        .statusCode(400)
        .body("message", equalTo("Cannot set query parameter 'sortBy' to value 'bogus'"));
    server
        .given()
        .get("/history/process-instance/{id}", "nope")
        .then()
        .statusCode(404)
        .body("message", equalTo("Historic process instance with id nope does not exist"));
  }
}
