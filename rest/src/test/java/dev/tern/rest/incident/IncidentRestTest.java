package dev.tern.rest.incident;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import dev.tern.engine.incident.IncidentFixture;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each query parameter of {@code GET /incident} (and its count) decides which incidents match. */
@DatabaseTest
class IncidentRestTest {

  private final TestDatabase db;
  private RestTestServer server;

  IncidentRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    new IncidentFixture(db.database()).insertAll();
    server = RestTestServer.builder(db).engine(b -> b.startJobExecutor(false)).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static Stream<Arguments> parameters() {
    return Stream.of(
        Arguments.of("incidentId", "inc-b", List.of("inc-b")),
        Arguments.of("incidentType", "failedJob", List.of("inc-a", "inc-c")),
        Arguments.of("incidentMessage", "bad thing", List.of("inc-b")),
        Arguments.of("incidentMessageLike", "%again", List.of("inc-c")),
        Arguments.of("processDefinitionId", "order:1:2", List.of("inc-b")),
        Arguments.of("processDefinitionKeyIn", "invoice,payment", List.of("inc-a", "inc-c")),
        Arguments.of("processInstanceId", "pi-3", List.of("inc-c")),
        Arguments.of("executionId", "ex-1", List.of("inc-a")),
        Arguments.of("incidentTimestampBefore", "2026-01-01T11:00:00.000+0000", List.of("inc-a")),
        Arguments.of("incidentTimestampAfter", "2026-01-01T11:00:00.000+0000", List.of("inc-c")),
        Arguments.of("activityId", "ship", List.of("inc-b")),
        Arguments.of("failedActivityId", "pack", List.of("inc-b")),
        Arguments.of("causeIncidentId", "inc-a", List.of("inc-a", "inc-b")),
        Arguments.of("rootCauseIncidentId", "inc-c", List.of("inc-c")),
        Arguments.of("configuration", "job-1", List.of("inc-a")),
        Arguments.of("tenantIdIn", "t1,t2", List.of("inc-b", "inc-c")),
        Arguments.of("jobDefinitionIdIn", "jd-1,jd-3", List.of("inc-a", "inc-c")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parameters")
  void parameterDecidesWhichIncidentsAreListedAndCounted(
      String parameter, String value, List<String> expected) {
    server
        .given()
        .queryParam(parameter, value)
        .get("/incident")
        .then()
        .statusCode(200)
        .body("id", containsInAnyOrder(expected.toArray()));
    server
        .given()
        .queryParam(parameter, value)
        .get("/incident/count")
        .then()
        .statusCode(200)
        .body("count", equalTo(expected.size()));
  }

  @Test
  void sortByAndPagingSelectAStablePage() {
    server
        .given()
        .queryParam("sortBy", "incidentTimestamp")
        .queryParam("sortOrder", "desc")
        .get("/incident")
        .then()
        .statusCode(200)
        .body("id", equalTo(List.of("inc-c", "inc-b", "inc-a")));
    server
        .given()
        .queryParam("sortBy", "tenantId")
        .queryParam("sortOrder", "asc")
        .queryParam("firstResult", 0)
        .queryParam("maxResults", 2)
        .queryParam("incidentType", "failedJob")
        .get("/incident")
        .then()
        .statusCode(200)
        .body("id", containsInAnyOrder("inc-a", "inc-c"));
  }

  @Test
  void invalidSortingIsABadRequest() {
    server
        .givenInvalidRequest()
        .queryParam("sortBy", "annotation")
        .queryParam("sortOrder", "asc")
        .get("/incident")
        .then()
        .statusCode(400)
        .body("message", equalTo("Cannot set query parameter 'sortBy' to value 'annotation'"));
    server
        .givenInvalidRequest()
        .queryParam("sortBy", "incidentId")
        .queryParam("sortOrder", "up")
        .get("/incident")
        .then()
        .statusCode(400)
        .body("message", equalTo("Cannot set query parameter 'sortOrder' to value 'up'"));
  }
}
