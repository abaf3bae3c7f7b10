package dev.tern.rest.externaltask;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may set the retries of many external tasks, with HTTP Basic and Camunda's authorizations. */
@DatabaseTest
class ExternalTaskRetriesAuthorizationRestTest {

  private static final String WORKER = "ops";

  private final TestDatabase db;
  private RestTestServer server;
  private String task;

  ExternalTaskRetriesAuthorizationRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    ExternalTaskFixtures.clear(
        db.database(),
        List.of(
            "tern_batch", "tern_batch_chunk", "tern_hi_batch", "tern_incident", "tern_hi_op_log",
            "tern_execution", "tern_process_instance", "tern_authorization"));
    server =
        RestTestServer.builder(db)
            .engine(b -> b.startJobExecutor(false))
            .basicAuthentication()
            .start();
    server.engine().identityService().ensureAdministrator("admin", "admin-pw");
    as("admin")
        .body(Map.of("profile", Map.of("id", WORKER), "credentials", Map.of("password", "ops-pw")))
        .post("/user/create")
        .then()
        .statusCode(204);
    ExternalTaskFixtures.deployBilling(server);
    String instance =
        server.engine().runtimeService().startProcessInstanceByKey("billing", null, "b", Map.of()).id();
    task =
        as("admin")
            .queryParam("processInstanceId", instance)
            .get("/external-task")
            .then()
            .statusCode(200)
            .extract()
            .path("[0].id");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RequestSpecification as(String user) {
    return server
        .givenAs(user, user.equals("admin") ? "admin-pw" : "ops-pw")
        .contentType(ContentType.JSON);
  }

  /** 403 is not among the answers Camunda's openapi.json lists for these operations. */
  private RequestSpecification offContract() {
    return server
        .givenWithoutContract()
        .auth()
        .preemptive()
        .basic(WORKER, "ops-pw")
        .contentType(ContentType.JSON);
  }

  private void grant(int resourceType, String... permissions) {
    as("admin")
        .body(
            Map.of(
                "type", 1,
                "userId", WORKER,
                "resourceType", resourceType,
                "resourceId", "*",
                "permissions", List.of(permissions)))
        .post("/authorization/create")
        .then()
        .statusCode(200);
  }

  @Test
  void batchNeedsCreateOnBatchAndSyncNeedsUpdateOnTheInstance() {
    Map<String, Object> body = Map.of("externalTaskIds", List.of(task), "retries", 3);

    offContract()
        .body(body)
        .post("/external-task/retries-async")
        .then()
        .statusCode(403)
        .body("type", equalTo("AuthorizationException"))
        .body(
            "missingAuthorizations.permissionName",
            contains("CREATE", "CREATE_BATCH_SET_EXTERNAL_TASK_RETRIES"));
    offContract()
        .body(body)
        .put("/external-task/retries")
        .then()
        .statusCode(403)
        .body("missingAuthorizations.permissionName", contains("UPDATE", "UPDATE_INSTANCE"))
        .body("missingAuthorizations.resourceName", contains("ProcessInstance", "ProcessDefinition"));

    grant(13, "CREATE_BATCH_SET_EXTERNAL_TASK_RETRIES");
    grant(8, "READ", "UPDATE");
    as(WORKER)
        .body(body)
        .post("/external-task/retries-async")
        .then()
        .statusCode(200)
        .body("type", equalTo("set-external-task-retries"))
        .body("createUserId", equalTo(WORKER));
    as(WORKER).body(body).put("/external-task/retries").then().statusCode(204);
    for (String[] expected : new String[][] {{"async", "true", "false"}, {"retries", "3", "3"}}) {
      as("admin")
          .queryParam("operationType", "SetExternalTaskRetries")
          .queryParam("property", expected[0])
          .get("/history/user-operation")
          .then()
          .statusCode(200)
          .body("newValue", containsInAnyOrder(expected[1], expected[2]))
          .body("entityType", contains("ExternalTask", "ExternalTask"))
          .body("userId", contains(WORKER, WORKER));
    }
  }
}
