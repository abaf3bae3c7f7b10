package dev.tern.rest.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.tern.engine.batch.FailedJobs;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.engine.testing.WrittenStatements;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every client mistake on the job-retries endpoints is a 4xx in Camunda's words, and changes nothing. */
@DatabaseTest
class JobRetriesErrorsRestTest {

  private static final String BY_PROCESS = "/process-instance/job-retries";
  private static final String ENGINE_13051 =
      "ENGINE-13051 You must specify at least one of or one of processInstanceIds,"
          + " processInstanceQuery, or historicProcessInstanceQuery.";

  private final Database database;
  private final RestTestServer server;

  JobRetriesErrorsRestTest(TestDatabase db) {
    this.database = db.database();
    BatchRestFixtures.clear(database);
    MutableClock clock = MutableClock.startingAt(JobRetriesRestTest.T0);
    FailedJobs.create(database, "e-", 2, JobRetriesRestTest.T0, JobRetriesRestTest.LATER);
    this.server =
        RestTestServer.builder(db).clock(clock).engine(b -> b.startJobExecutor(false)).start();
  }

  @AfterEach
  void stopAndCheckNothingChanged() {
    server.close();
    assertThat(BatchRestFixtures.count(database, "SELECT COUNT(*) FROM tern_batch", "")).isZero();
    assertThat(BatchRestFixtures.count(database, "SELECT COUNT(*) FROM tern_job WHERE retries <> 0", ""))
        .isZero();
  }

  private void expect(String path, String body, int status, String type, String message) {
    server
        .givenInvalidRequest()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post(path)
        .then()
        .statusCode(status)
        .body("type", equalTo(type))
        .body("message", equalTo(message));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"retries\":null}", "{\"processInstances\":[\"e-pi-1\"]}", ""})
  void missingRetriesIsRefused(String body) {
    expect(BY_PROCESS, body, 400, "InvalidRequestException", "retries is null");
    expect("/job/retries", body, 400, "InvalidRequestException", "retries is null");
  }

  @Test
  void literalNullBodyIsRefused() {
    expect(BY_PROCESS, "null", 400, "InvalidRequestException", "setJobRetriesDto is null");
    expect("/job/retries", "null", 400, "InvalidRequestException", "setJobRetriesDto is null");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"retries\":1}",
        "{\"retries\":1,\"processInstances\":[]}",
        "{\"retries\":1,\"processInstances\":null}",
        "{\"retries\":1,\"processInstanceQuery\":null}",
        "{\"retries\":1,\"historicProcessInstanceQuery\":{}}",
        "{\"retries\":1,\"jobIds\":[\"e-job-1\"]}"
      })
  void requestWithoutProcessSelectorIsRefused(String body) {
    expect(BY_PROCESS, body, 400, "ProcessEngineException", ENGINE_13051);
  }

  @Test
  void historicEndpointIgnoresTheRuntimeQuery() {
    expect(
        "/process-instance/job-retries-historic-query-based",
        "{\"retries\":1,\"processInstanceQuery\":{}}",
        400,
        "ProcessEngineException",
        ENGINE_13051);
  }

  @Test
  void selectionWithoutJobsIsRefused() {
    expect(BY_PROCESS, "{\"retries\":1,\"processInstances\":[\"nope\"]}", 400,
        "InvalidRequestException", "jobIds is empty");
    expect("/job/retries", "{\"retries\":1}", 400, "InvalidRequestException", "jobIds is empty");
    expect("/job/retries", "{\"retries\":1,\"jobIds\":[\"nope\"],\"jobQuery\":{\"jobIds\":[\"nope2\"]}}",
        400, "InvalidRequestException", "jobIds is empty");
  }

  @Test
  void negativeRetriesAreRefusedBeforeAnyRowIsWritten() {
    List<String> written =
        WrittenStatements.during(
            database,
            () -> {
              expect(BY_PROCESS, "{\"retries\":-1,\"processInstances\":[\"e-pi-1\"]}", 400,
                  "ProcessEngineException", "Retries count is not greater than or equal to 0");
              expect("/job/retries", "{\"retries\":-1,\"jobIds\":[\"e-job-1\"]}", 400,
                  "ProcessEngineException", "Retries count is not greater than or equal to 0");
              expect("/job/retries", "{\"retries\":-1,\"jobIds\":[\"nope\"]}", 400,
                  "InvalidRequestException", "jobIds is empty");
            });
    assertThat(written).isEmpty();
    assertThat(BatchRestFixtures.count(database, "SELECT COUNT(*) FROM tern_batch_chunk", "")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "\"three\"", "2147483648", "[1]"})
  void retriesThatAreNoIntegerAreRefused(String retries) {
    server
        .givenInvalidRequest()
        .contentType(ContentType.JSON)
        .body("{\"processInstances\":[\"e-pi-1\"],\"retries\":" + retries + "}")
        .when()
        .post(BY_PROCESS)
        .then()
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"retries\":", "[{\"retries\":1}]", "\"text\"", "{\"retries\":1} x"})
  void malformedJsonOrNoObjectIsRefused(String body) {
    server
        .givenInvalidRequest()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post(BY_PROCESS)
        .then()
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"));
  }

  @Test
  void arrayBodyGetsAMessageThatHelps() {
    server
        .givenInvalidRequest()
        .contentType(ContentType.JSON)
        .body("[]")
        .when()
        .post(BY_PROCESS)
        .then()
        .statusCode(400)
        .body("message", startsWith("Invalid request body: expected a JSON object"));
  }

  @Test
  void otherContentTypesAndMethodsAreRefused() {
    // the contract documents neither 415 nor 405 for this operation
    server
        .givenWithoutContract()
        .contentType(ContentType.TEXT)
        .body("{\"retries\":1,\"processInstances\":[\"e-pi-1\"]}")
        .when()
        .post(BY_PROCESS)
        .then()
        .statusCode(415);
    server.givenWithoutContract().when().get(BY_PROCESS).then().statusCode(405);
  }

  @Test
  void invalidSortingOrVariableOperatorInsideTheQueryIsRefused() {
    expect(BY_PROCESS,
        "{\"retries\":1,\"processInstanceQuery\":{\"variables\":[{\"name\":\"a\",\"operator\":\"bogus\",\"value\":1}]}}",
        400, "InvalidRequestException", "Invalid variable comparator specified: bogus");
    expect(BY_PROCESS,
        "{\"retries\":1,\"processInstanceQuery\":{\"sorting\":[{\"sortBy\":\"bogus\",\"sortOrder\":\"asc\"}]}}",
        400, "InvalidRequestException", "sortBy parameter has invalid value: bogus");
    expect(BY_PROCESS,
        "{\"retries\":1,\"processInstanceQuery\":{\"sorting\":[{\"sortBy\":\"instanceId\",\"sortOrder\":\"up\"}]}}",
        400, "InvalidRequestException", "sortOrder parameter has invalid value: up");
    expect("/process-instance/job-retries-historic-query-based",
        "{\"retries\":1,\"historicProcessInstanceQuery\":{\"sorting\":[{\"sortBy\":\"bogus\"}]}}",
        400, "InvalidRequestException", "sortBy parameter has invalid value: bogus");
    expect("/job/retries",
        "{\"retries\":1,\"jobQuery\":{\"sorting\":[{\"sortBy\":\"bogus\"}]}}",
        400, "InvalidRequestException", "sortBy parameter has invalid value: bogus");
  }
}
