package dev.tern.rest.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.query.Page;
import dev.tern.engine.task.TaskQuery;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /execution}: instances as root executions, waiting tokens as child executions, over HTTP. */
@DatabaseTest
class ExecutionRestTest {

  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05.678Z"));
  private final TestDatabase db;
  private final RestTestServer server;
  /** Unique per test: the tests of one class share a database. */
  private final String key = "x" + UUID.randomUUID().toString().substring(0, 8);

  ExecutionRestTest(TestDatabase db) {
    this.db = db;
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
            <sequenceFlow id="f1" sourceRef="start" targetRef="fork"/>
            <parallelGateway id="fork"/>
            <sequenceFlow id="f2" sourceRef="fork" targetRef="review"/>
            <sequenceFlow id="f3" sourceRef="fork" targetRef="approve"/>
            <userTask id="review"/>
            <userTask id="approve"/>
            <sequenceFlow id="f4" sourceRef="review" targetRef="join"/>
            <sequenceFlow id="f5" sourceRef="approve" targetRef="join"/>
            <parallelGateway id="join"/>
            <sequenceFlow id="f6" sourceRef="join" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """
            .replace("KEY", key);
    server
        .engine()
        .deploymentService()
        .deploy(NewDeployment.of(Map.of(key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8))));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String start(String businessKey, Map<String, Object> variables) {
    return server
        .engine()
        .runtimeService()
        .startProcessInstanceByKey(key, null, businessKey, variables)
        .id();
  }

  /** The concurrent execution of the path waiting at the activity. */
  private String pathAt(String instance, String activityId) {
    return db.database()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT id FROM tern_execution WHERE process_instance_id = :pi AND activity_id = :a")
                    .bind("pi", instance)
                    .bind("a", activityId)
                    .mapTo(String.class)
                    .one());
  }

  private String tokenActivity(String token) {
    return db.database()
        .withHandle(
            h ->
                h.createQuery("SELECT activity_id FROM tern_execution WHERE id = :id")
                    .bind("id", token)
                    .mapTo(String.class)
                    .one());
  }

  /**
   * As the Camunda 7.24 reference server answered for a fork to two user tasks: the instance and
   * one concurrent execution per path, each found by its activity, the instance by none.
   */
  @Test
  void anInstanceIsItsRootExecutionAndEachParallelPathAConcurrentChild() {
    String instance = start("order-1", Map.of("customer", "ACME"));
    String child = pathAt(instance, "review");
    String other = pathAt(instance, "approve");
    String childActivity = tokenActivity(child);

    server
        .given()
        .queryParam("processInstanceId", instance)
        .get("/execution")
        .then()
        .statusCode(200)
        .body("$", hasSize(3))
        .body("id", containsInAnyOrder(instance, child, other))
        .body("processInstanceId", everyItem(equalTo(instance)))
        .body("ended", everyItem(equalTo(false)));
    server
        .given()
        .queryParam("processInstanceId", instance)
        .queryParam("activityId", childActivity)
        .get("/execution")
        .then()
        .statusCode(200)
        .body("id", contains(child));
    server
        .given()
        .queryParam("processInstanceId", instance)
        .queryParam("activityId", "approve")
        .get("/execution")
        .then()
        .statusCode(200)
        .body("id", contains(other));
    server
        .given()
        .get("/execution/{id}", child)
        .then()
        .statusCode(200)
        .body("id", equalTo(child))
        .body("processInstanceId", equalTo(instance))
        .body("tenantId", equalTo(null));
  }

  /** As the reference answered: the path waiting at the join shows the join's activity instance. */
  @Test
  void aPathWaitingAtTheJoinShowsTheJoinsActivityInstance() {
    String instance = start("order-2", Map.of());
    String review = pathAt(instance, "review");
    completeTaskAt(instance, "review");

    server
        .given()
        .get("/process-instance/{id}/activity-instances", instance)
        .then()
        .statusCode(200)
        .body("childActivityInstances.activityId", containsInAnyOrder("approve", "join"))
        .body("childActivityInstances.find { it.activityId == 'join' }.activityType", equalTo("parallelGateway"))
        .body("childActivityInstances.find { it.activityId == 'join' }.executionIds", contains(review));
  }

  @Test
  void filtersByDefinitionBusinessKeyStateAndVariablesInBodyAndQueryString() {
    String first = start("order-1", Map.of("customer", "ACME"));
    String second = start("order-2", Map.of("customer", "Globex"));
    server.engine().processInstances().suspend(second);

    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("processDefinitionKey", key, "businessKey", "order-2"))
        .post("/execution/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(3));
    server
        .given()
        .queryParam("processDefinitionKey", key)
        .queryParam("suspended", true)
        .get("/execution/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(3));
    // local variables live on the root execution; process variables match every execution
    server
        .given()
        .queryParam("processDefinitionKey", key)
        .queryParam("variables", "customer_eq_ACME")
        .get("/execution")
        .then()
        .statusCode(200)
        .body("id", contains(first));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "processDefinitionKey", key,
                "processVariables", List.of(Map.of("name", "CUSTOMER", "operator", "eq", "value", "acme")),
                "variableNamesIgnoreCase", true,
                "variableValuesIgnoreCase", true,
                "sorting", List.of(Map.of("sortBy", "instanceId", "sortOrder", "desc"))))
        .post("/execution")
        .then()
        .statusCode(200)
        .body("$", hasSize(3))
        .body("processInstanceId", everyItem(equalTo(first)));
    server
        .given()
        .queryParam("processDefinitionKey", key)
        .queryParam("active", true)
        .queryParam("sortBy", "definitionKey")
        .queryParam("sortOrder", "asc")
        .queryParam("maxResults", 2)
        .get("/execution")
        .then()
        .statusCode(200)
        .body("$", hasSize(2))
        .body("processInstanceId", everyItem(equalTo(first)));
  }

  @Test
  void findsTheExecutionWaitingForAMessage() {
    String messageKey = key + "m";
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <message id="m1" name="NAME"/>
          <process id="KEY" isExecutable="true" camunda:historyTimeToLive="30">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="waitForPayment"/>
            <intermediateCatchEvent id="waitForPayment"><messageEventDefinition messageRef="m1"/></intermediateCatchEvent>
            <sequenceFlow id="f2" sourceRef="waitForPayment" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """
            .replace("KEY", messageKey)
            .replace("NAME", messageKey + "-paid");
    server
        .engine()
        .deploymentService()
        .deploy(NewDeployment.of(Map.of(messageKey + ".bpmn", xml.getBytes(StandardCharsets.UTF_8))));
    String instance =
        server.engine().runtimeService().startProcessInstanceByKey(messageKey, null, null, Map.of()).id();
    // the catch event waits in an execution of its own, as the Camunda 7.24 reference server answered
    String waiting = pathAt(instance, "waitForPayment");

    server
        .given()
        .queryParam("messageEventSubscriptionName", messageKey + "-paid")
        .get("/execution")
        .then()
        .statusCode(200)
        .body("id", contains(waiting));
    server
        .given()
        .queryParam("signalEventSubscriptionName", messageKey + "-paid")
        .get("/execution/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(0));
  }

  @Test
  void unknownExecutionsAndBadQueriesAreClientErrors() {
    server
        .given()
        .get("/execution/{id}", "nope")
        .then()
        .statusCode(404)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("Execution with id nope does not exist"));
    server
        .givenInvalidRequest()
        .queryParam("sortBy", "startTime")
        .queryParam("sortOrder", "asc")
        .get("/execution")
        .then()
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"));
    server
        .givenInvalidRequest()
        .queryParam("variables", "customer_is_ACME")
        .get("/execution/count")
        .then()
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"));
  }

  @Test
  void localVariablesOfTheRootExecutionAreTheProcessVariables() {
    String instance = start("order-1", Map.of("customer", "ACME"));

    server
        .given()
        .get("/execution/{id}/localVariables", instance)
        .then()
        .statusCode(200)
        .body("customer.value", equalTo("ACME"))
        .body("customer.type", equalTo("String"));
    server
        .given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "modifications", Map.of("amount", Map.of("value", 5, "type", "Long")),
                "deletions", List.of("customer")))
        .post("/execution/{id}/localVariables", instance)
        .then()
        .statusCode(204);
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("value", "yes", "type", "String"))
        .put("/execution/{id}/localVariables/{name}", instance, "approved")
        .then()
        .statusCode(204);
    server
        .given()
        .get("/execution/{id}/localVariables/{name}", instance, "amount")
        .then()
        .statusCode(200)
        .body("type", equalTo("Long"))
        .body("value", equalTo(5));
    server
        .given()
        .delete("/execution/{id}/localVariables/{name}", instance, "approved")
        .then()
        .statusCode(204);
    assertThat(server.engine().processInstances().variables(instance)).containsOnlyKeys("amount");
    server
        .given()
        .get("/execution/{id}/localVariables/{name}", instance, "customer")
        .then()
        .statusCode(404)
        .body("message", equalTo("execution variable with name customer does not exist"));
  }

  private void completeTaskAt(String instance, String activityId) {
    var tasks = server.engine().taskService();
    tasks.complete(
        Caller.SYSTEM,
        tasks
            .list(
                Caller.SYSTEM,
                new TaskQuery().set("processInstanceId", instance).set("taskDefinitionKey", activityId),
                Page.ALL)
            .get(0)
            .id(),
        Map.of(),
        false);
  }

  /**
   * As the Camunda 7.24 reference server answered: a concurrent path holds local variables (PUT
   * and POST), {@code /variable-instance} lists them with its execution and the activity instance
   * it is in (the join's while it waits there), and when the join fires they go while history
   * keeps them {@code CREATED} with the path's execution and the activity instance they were set in.
   */
  @Test
  void aPathHoldsLocalVariablesUntilItEndsAtTheJoin() {
    String instance = start("order-1", Map.of("customer", "ACME"));
    String token = pathAt(instance, "review");
    String review = activityInstanceOf(instance, "review");

    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("value", "x", "type", "String"))
        .put("/execution/{id}/localVariables/{name}", token, "note")
        .then()
        .statusCode(204);
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("modifications", Map.of("count", Map.of("value", 5, "type", "Integer"))))
        .post("/execution/{id}/localVariables", token)
        .then()
        .statusCode(204);
    server
        .given()
        .get("/execution/{id}/localVariables", token)
        .then()
        .statusCode(200)
        .body("note.value", equalTo("x"))
        .body("count.value", equalTo(5))
        .body("customer", equalTo(null));
    assertThat(server.engine().processInstances().variables(instance)).containsOnlyKeys("customer");
    server
        .given()
        .get("/variable-instance?processInstanceIdIn={pi}&executionIdIn={e}", instance, token)
        .then()
        .statusCode(200)
        .body("name", containsInAnyOrder("note", "count"))
        .body("activityInstanceId", everyItem(equalTo(review)));

    completeTaskAt(instance, "review");

    String join = activityInstanceOf(instance, "join");
    server
        .given()
        .get("/variable-instance?processInstanceIdIn={pi}&variableName=note", instance)
        .then()
        .statusCode(200)
        .body("executionId", contains(token))
        .body("activityInstanceId", contains(join));

    completeTaskAt(instance, "approve");

    server
        .given()
        .get("/history/variable-instance?processInstanceId={pi}&variableName=note", instance)
        .then()
        .statusCode(200)
        .body("state", contains("CREATED"))
        .body("executionId", contains(token))
        .body("activityInstanceId", contains(review));
    server
        .given()
        .get("/variable-instance?processInstanceIdIn={pi}&variableName=note", instance)
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
  }

  private String activityInstanceOf(String instance, String activityId) {
    return db.database()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT id FROM tern_hi_activity_instance WHERE process_instance_id = :pi"
                            + " AND activity_id = :a")
                    .bind("pi", instance)
                    .bind("a", activityId)
                    .mapTo(String.class)
                    .one());
  }

  @Test
  void localVariableDataIsUploadedAndDownloadedOnTheRootExecution() {
    String instance = start("order-1", Map.of());
    byte[] content = {0, 1, 2, (byte) 0xff};

    server
        .given()
        .multiPart("data", "blob.bin", content, "application/octet-stream")
        .post("/execution/{id}/localVariables/{name}/data", instance, "blob")
        .then()
        .statusCode(204);
    byte[] downloaded =
        server
            .given()
            .get("/execution/{id}/localVariables/{name}/data", instance, "blob")
            .then()
            .statusCode(200)
            .contentType("application/octet-stream")
            .extract()
            .asByteArray();
    assertThat(downloaded).containsExactly(content);
    server
        .given()
        .get("/execution/{id}/localVariables/{name}/data", "nope", "blob")
        .then()
        .statusCode(404);
  }
}
