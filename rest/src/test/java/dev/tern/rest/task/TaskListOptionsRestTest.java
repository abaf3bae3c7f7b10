package dev.tern.rest.task;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The options of Camunda's task list that add to each task: {@code withTaskVariablesInReturn},
 * {@code withTaskLocalVariablesInReturn} and {@code withCommentAttachmentInfo}.
 */
@DatabaseTest
class TaskListOptionsRestTest {

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-03-02T10:00:00Z"));
  private RestTestServer server;
  private String first;
  private String second;
  private String standalone;

  TaskListOptionsRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    server = TaskRestTest.serverWithApproval(db, clock);
    first = taskOf(start("laptop", 10));
    second = taskOf(start("phone", 20));
    server.given().contentType(ContentType.JSON).body(Map.of("id", "loose", "name", "Loose"))
        .post("/task/create").then().statusCode(204);
    standalone = "loose";
    server.given().contentType(ContentType.JSON).body(Map.of("value", "draft"))
        .put("/task/" + first + "/localVariables/note").then().statusCode(204);
    server.given().contentType(ContentType.JSON).body(Map.of("value", 7, "type", "Integer"))
        .put("/task/" + standalone + "/localVariables/count").then().statusCode(204);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String start(String item, int prio) {
    return server.engine().runtimeService()
        .startProcessInstanceByKey(
            "approval", null, "order-" + item,
            Map.of("item", item, "prio", prio, "due", "2026-03-05T12:00:00Z", "requester", "rita"))
        .id();
  }

  private String taskOf(String instance) {
    return server.given().queryParam("processInstanceId", instance).get("/task").then()
        .statusCode(200).body("", hasSize(1)).extract().path("[0].id");
  }

  @Test
  void withTaskVariablesEachTaskCarriesItsInstancesVariablesAndItsLocalOnes() {
    server.given().queryParam("withTaskVariablesInReturn", true).queryParam("sortBy", "priority")
        .queryParam("sortOrder", "asc").get("/task").then().statusCode(200)
        .body("id", equalTo(List.of(standalone, first, second)))
        .body("[0].variables.keySet()", equalTo(Set.of("count")))
        .body("[0].variables.count.value", equalTo(7))
        .body("[0].variables.count.type", equalTo("Integer"))
        .body("[1].variables.keySet()", equalTo(Set.of("item", "prio", "due", "requester", "note")))
        .body("[1].variables.item.value", equalTo("laptop"))
        .body("[1].variables.item.type", equalTo("String"))
        .body("[1].variables.note.value", equalTo("draft"))
        .body("[2].variables.keySet()", equalTo(Set.of("item", "prio", "due", "requester")))
        .body("[2].variables.item.value", equalTo("phone"))
        .body("[2]", not(hasKey("attachment")))
        .body("[2]", not(hasKey("comment")));
  }

  @Test
  void withTaskLocalVariablesEachTaskCarriesOnlyItsOwnAndPagingApplies() {
    server.given().contentType(ContentType.JSON)
        .body(Map.of("withTaskLocalVariablesInReturn", true,
            "sorting", List.of(Map.of("sortBy", "priority", "sortOrder", "asc"))))
        .queryParam("firstResult", 1).queryParam("maxResults", 2)
        .post("/task").then().statusCode(200)
        .body("id", equalTo(List.of(first, second)))
        .body("[0].variables.keySet()", equalTo(Set.of("note")))
        .body("[1].variables", equalTo(Map.of()));
  }

  @Test
  void withCommentAttachmentInfoEachTaskSaysWhetherItHasThem() {
    server.given().contentType(ContentType.JSON).body(Map.of("message", "looks fine"))
        .post("/task/{id}/comment/create", first).then().statusCode(200);
    server.given().multiPart("attachment-name", "spec")
        .multiPart("url", "https://example.org/spec")
        .post("/task/{id}/attachment/create", second).then().statusCode(200);

    server.given().queryParam("withCommentAttachmentInfo", true).queryParam("sortBy", "priority")
        .queryParam("sortOrder", "asc").get("/task").then().statusCode(200)
        .body("id", equalTo(List.of(standalone, first, second)))
        .body("comment", equalTo(List.of(false, true, false)))
        .body("attachment", equalTo(List.of(false, false, true)))
        .body("[0]", not(hasKey("variables")));
    server.given().contentType(ContentType.JSON)
        .body(Map.of("withCommentAttachmentInfo", true, "withTaskVariablesInReturn", true,
            "taskId", first))
        .post("/task").then().statusCode(200)
        .body("comment", equalTo(List.of(true)))
        .body("[0].variables.note.value", equalTo("draft"));
  }

  @Test
  void withoutOptionsTasksCarryOnlyTheirFieldsAndCountsIgnoreTheOptions() {
    server.given().get("/task").then().statusCode(200)
        .body("", hasSize(3))
        .body("[0]", not(hasKey("variables")))
        .body("[0]", not(hasKey("comment")))
        .body("[0].name", not(nullValue()));
    server.given().queryParam("withCommentAttachmentInfo", true)
        .queryParam("withTaskVariablesInReturn", true).get("/task/count").then().statusCode(200)
        .body("count", equalTo(3));
  }

  private static Map<String, Object> byVariable(String sortBy, String order, String name, String type) {
    return Map.of(
        "sortBy", sortBy, "sortOrder", order, "parameters", Map.of("variable", name, "type", type));
  }

  @Test
  void tasksSortByTheTypedValueOfAVariableWithTasksWithoutItAsNulls() {
    String third = taskOf(start("Monitor", 30));

    server.given().contentType(ContentType.JSON)
        .body(Map.of("sorting", List.of(byVariable("processVariable", "asc", "item", "String"))))
        .post("/task").then().statusCode(200)
        .body("id", equalTo(List.of(standalone, first, third, second)));
    server.given().contentType(ContentType.JSON)
        .body(Map.of("sorting", List.of(byVariable("executionVariable", "desc", "prio", "Integer"))))
        .post("/task").then().statusCode(200)
        .body("id", equalTo(List.of(third, second, first, standalone)));
    server.given().contentType(ContentType.JSON)
        .body(Map.of("sorting", List.of(
            byVariable("taskVariable", "desc", "note", "String"),
            byVariable("taskVariable", "asc", "count", "Integer"),
            Map.of("sortBy", "priority", "sortOrder", "desc"))))
        .post("/task").then().statusCode(200)
        .body("id", equalTo(List.of(first, third, second, standalone)));
    // a variable of another type counts as missing, as Camunda joins on the type
    server.given().contentType(ContentType.JSON)
        .body(Map.of("sorting", List.of(
            byVariable("processVariable", "asc", "prio", "String"),
            Map.of("sortBy", "priority", "sortOrder", "asc"))))
        .post("/task").then().statusCode(200)
        .body("id", equalTo(List.of(standalone, first, second, third)));
    server.given().contentType(ContentType.JSON)
        .body(Map.of("sorting", List.of(byVariable("processVariable", "asc", "it's", "String"))))
        .post("/task/count").then().statusCode(200).body("count", equalTo(4));
    server.given().contentType(ContentType.JSON)
        .body(Map.of("sorting", List.of(byVariable("processVariable", "asc", "it's", "String"))))
        .post("/task").then().statusCode(200).body("", hasSize(4));
    // no case instances in Tern: every task sorts as without the variable
    server.given().contentType(ContentType.JSON)
        .body(Map.of("sorting", List.of(
            byVariable("caseInstanceVariable", "asc", "item", "String"),
            Map.of("sortBy", "priority", "sortOrder", "desc"))))
        .post("/task").then().statusCode(200)
        .body("id", equalTo(List.of(third, second, first, standalone)));
  }

  @Test
  void aVariableSortWithoutNameOrWithAnUnsortableTypeIsRefused() {
    server.given().contentType(ContentType.JSON)
        .body(Map.of("sorting", List.of(Map.of("sortBy", "processVariable", "sortOrder", "asc"))))
        .post("/task").then().statusCode(400)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("variableName is null"));
    server.given().contentType(ContentType.JSON)
        .body(Map.of("sorting", List.of(byVariable("taskVariable", "asc", "doc", "Object"))))
        .post("/task").then().statusCode(400)
        .body("message", equalTo("Cannot order by variables of type object"));
    server.given().contentType(ContentType.JSON)
        .body(Map.of("sorting", List.of(Map.of("sortBy", "taskVariable", "sortOrder", "asc",
            "parameters", Map.of("variable", "note")))))
        .post("/task").then().statusCode(400)
        .body("message", equalTo("valueType is null"));
    server.given().contentType(ContentType.JSON)
        .body(Map.of("sorting", List.of(byVariable("caseExecutionVariable", "asc", "x", "Bytes"))))
        .post("/task").then().statusCode(400)
        .body("message", equalTo("Cannot order by variables of type bytes"));
    // the name is a literal in the ORDER BY: a backslash could escape its quote on some servers
    server.given().contentType(ContentType.JSON)
        .body(Map.of("sorting", List.of(byVariable("processVariable", "asc", "a\\' OR 1=1 --", "String"))))
        .post("/task").then().statusCode(400)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("Invalid variable name to sort by: a\\' OR 1=1 --"));
  }
}
