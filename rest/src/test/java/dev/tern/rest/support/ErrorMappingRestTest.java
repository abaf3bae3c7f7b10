package dev.tern.rest.support;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.NotFoundException;
import dev.tern.engine.OptimisticLockingException;
import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.TernException;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every row of the exception table, through HTTP. A probe resource sits on real Camunda paths so
 * the contract validates the error bodies too.
 */
@DatabaseTest
class ErrorMappingRestTest {

  private final RestTestServer server;

  ErrorMappingRestTest(TestDatabase db) {
    this.server = RestTestServer.builder(db).resources(engine -> List.of(new Probe())).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  record JobQuery(List<String> jobIds, Long priorityLowerThanOrEquals, List<SortingDto> sorting) {}

  /** Throws what the request asks for. */
  private static final class Probe implements RestResource {
    @Override
    public void addRoutes(Routes routes) {
      routes
          .get(
              "/job/{id}",
              ctx -> {
                throw new NotFoundException("Job with id " + ctx.pathParam("id") + " does not exist");
              })
          .put(
              "/job/{id}/retries",
              ctx -> {
                throw switch (ctx.pathParam("id")) {
                  case "conflict" -> new OptimisticLockingException("Job was updated by another transaction");
                  case "internal" ->
                      new TernException(TernException.Category.INTERNAL, "ProcessEngineException", "disk on fire");
                  default -> new IllegalStateException("secret internal detail");
                };
              })
          .get(
              "/job",
              ctx -> {
                QueryParams params = QueryParams.of(ctx);
                if ("refuse".equals(params.string("jobId"))) {
                  throw new ProcessEngineException("Job query refused");
                }
                params.longValue("priorityLowerThanOrEquals");
                params.bool("withRetriesLeft");
                Paging.from(params);
                Sorting.fromQuery(params, Set.of("jobId", "jobDueDate"));
                ctx.json(List.of());
              })
          .post(
              "/job",
              ctx -> {
                JobQuery query = JsonBodies.read(ctx, JobQuery.class);
                Sorting.fromBody(query.sorting(), Set.of("jobId"));
                ctx.json(List.of());
              })
          .get("/job/count", ctx -> Responses.count(ctx, 0));
    }
  }

  @Test
  void notFoundIs404WithTheExceptionType() {
    server
        .given()
        .when()
        .get("/job/nope")
        .then()
        .statusCode(404)
        .contentType(ContentType.JSON)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("Job with id nope does not exist"))
        .body("code", nullValue());
  }

  @Test
  void engineRefusalIs400() {
    server
        .given()
        .queryParam("jobId", "refuse")
        .when()
        .get("/job")
        .then()
        .statusCode(400)
        .body("type", equalTo("ProcessEngineException"))
        .body("message", equalTo("Job query refused"))
        .body("code", equalTo(0));
  }

  @Test
  void optimisticLockingIs500WithCode1AsInCamunda() {
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("retries", 3))
        .when()
        .put("/job/conflict/retries")
        .then()
        .statusCode(500)
        .body("type", equalTo("OptimisticLockingException"))
        .body("code", equalTo(1));
  }

  @Test
  void internalEngineErrorIs500() {
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("retries", 3))
        .when()
        .put("/job/internal/retries")
        .then()
        .statusCode(500)
        .body("type", equalTo("ProcessEngineException"))
        .body("message", equalTo("disk on fire"));
  }

  @Test
  void unexpectedExceptionIs500WithoutItsDetails() {
    server
        .given()
        .contentType(ContentType.JSON)
        .body(Map.of("retries", 3))
        .when()
        .put("/job/boom/retries")
        .then()
        .statusCode(500)
        .body("type", equalTo("ProcessEngineException"))
        .body("message", equalTo(ErrorResponses.UNEXPECTED_MESSAGE))
        .body("code", equalTo(0));
  }

  @Test
  void malformedJsonIs400() {
    server
        .givenInvalidRequest()
        .contentType(ContentType.JSON)
        .body("{\"jobIds\": [\"a\",}")
        .when()
        .post("/job")
        .then()
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", startsWith("Malformed JSON in request body: "));
  }

  @Test
  void truncatedJsonIs400() {
    server
        .givenInvalidRequest()
        .contentType(ContentType.JSON)
        .body("{\"jobIds\": [\"a\"")
        .when()
        .post("/job")
        .then()
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", startsWith("Malformed JSON in request body: Unexpected end-of-input"));
  }

  @Test
  void wrongJsonTypeNamesTheProperty() {
    server
        .givenInvalidRequest()
        .contentType(ContentType.JSON)
        .body("{\"priorityLowerThanOrEquals\": \"high\"}")
        .when()
        .post("/job")
        .then()
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"))
        .body(
            "message",
            equalTo(
                "Invalid value for property 'priorityLowerThanOrEquals': expected an integer but got 'high'"));
  }

  @Test
  void scalarWhereArrayBelongsIs400() {
    server
        .givenInvalidRequest()
        .contentType(ContentType.JSON)
        .body("{\"jobIds\": 5}")
        .when()
        .post("/job")
        .then()
        .statusCode(400)
        .body("message", equalTo("Invalid value for property 'jobIds': expected a JSON array"));
  }

  @Test
  void arrayWhereObjectBelongsIs400() {
    server
        .givenInvalidRequest()
        .contentType(ContentType.JSON)
        .body("[{\"jobIds\": [\"a\"]}]")
        .when()
        .post("/job")
        .then()
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"))
        .body("message", equalTo("Invalid request body: expected a JSON object"));
  }

  @Test
  void invalidBodySortingIs400() {
    server
        .givenInvalidRequest()
        .contentType(ContentType.JSON)
        .body("{\"sorting\": [{\"sortBy\": \"jobId\", \"sortOrder\": \"sideways\"}]}")
        .when()
        .post("/job")
        .then()
        .statusCode(400)
        .body("message", equalTo("sortOrder parameter has invalid value: sideways"));
  }

  @Test
  void bodySortingWithoutSortOrderIsCamundasNotValidException() {
    server
        .given()
        .contentType(ContentType.JSON)
        .body("{\"sorting\": [{\"sortBy\": \"jobId\"}]}")
        .when()
        .post("/job")
        .then()
        .statusCode(400)
        .body("type", equalTo("NotValidException"))
        .body(
            "message",
            equalTo("Invalid query: call asc() or desc() after using orderByXX(): direction is null"))
        .body("code", equalTo(0));
  }

  @Test
  void nonJsonContentTypeIs415() {
    server
        .givenWithoutContract()
        .contentType(ContentType.TEXT)
        .body("jobIds=a")
        .when()
        .post("/job")
        .then()
        .statusCode(415)
        .contentType(ContentType.JSON)
        .body("type", equalTo("NotSupportedException"))
        .body("message", equalTo("HTTP 415 Unsupported Media Type"))
        .body("code", nullValue());
  }

  @Test
  void unknownPathIs404InCamundaFormat() {
    server
        .givenWithoutContract()
        .when()
        .get("/no-such-thing")
        .then()
        .statusCode(404)
        .contentType(ContentType.JSON)
        .body("type", equalTo("NotFoundException"))
        .body("message", equalTo("HTTP 404 Not Found: no resource for GET /engine-rest/no-such-thing"))
        .body("code", nullValue());
  }

  @Test
  void wrongMethodIs405InCamundaFormat() {
    server
        .givenWithoutContract()
        .when()
        .delete("/job/count")
        .then()
        .statusCode(405)
        .contentType(ContentType.JSON)
        .body("type", equalTo("NotAllowedException"))
        .body("message", equalTo("HTTP 405 Method Not Allowed"))
        .body("code", nullValue());
  }

  @Test
  void badIntegerQueryParameterUsesCamundasMessage() {
    server
        .givenInvalidRequest()
        .queryParam("priorityLowerThanOrEquals", "high")
        .when()
        .get("/job")
        .then()
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"))
        .body(
            "message",
            equalTo(
                "Cannot set query parameter 'priorityLowerThanOrEquals' to value 'high': "
                    + "Cannot convert value high to java type java.lang.Long"));
  }

  @Test
  void badPagingIs400() {
    server
        .givenInvalidRequest()
        .queryParam("maxResults", "ten")
        .when()
        .get("/job")
        .then()
        .statusCode(400)
        .body(
            "message",
            equalTo(
                "Cannot set query parameter 'maxResults' to value 'ten': "
                    + "Cannot convert value ten to java type java.lang.Integer"));
  }

  @Test
  void loneSortByIs400() {
    server
        .given()
        .queryParam("sortBy", "jobId")
        .when()
        .get("/job")
        .then()
        .statusCode(400)
        .body("message", equalTo("Only a single sorting parameter specified. sortBy and sortOrder required"));
  }

  @Test
  void unknownSortByIs400() {
    server
        .givenInvalidRequest()
        .queryParam("sortBy", "color")
        .queryParam("sortOrder", "asc")
        .when()
        .get("/job")
        .then()
        .statusCode(400)
        .body("message", equalTo("Cannot set query parameter 'sortBy' to value 'color'"));
  }

  @Test
  void validQueryIsAnswered() {
    server
        .given()
        .queryParam("sortBy", "jobDueDate")
        .queryParam("sortOrder", "desc")
        .queryParam("firstResult", 0)
        .queryParam("maxResults", 10)
        .when()
        .get("/job")
        .then()
        .statusCode(200);
    server.given().when().get("/job/count").then().statusCode(200).body("count", equalTo(0));
  }
}
