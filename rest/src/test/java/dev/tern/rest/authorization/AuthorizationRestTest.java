package dev.tern.rest.authorization;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.tern.engine.batch.FailedJobs;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With authentication on: a user without authorizations sees nothing and may change nothing; the
 * grants an administrator creates through {@code /authorization} open exactly what they name.
 */
@DatabaseTest
class AuthorizationRestTest {

  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
  private static final Map<String, Object> RETRIES_BODY =
      Map.of("processInstanceQuery", Map.of("processDefinitionKey", "orderSync"), "retries", 1);

  private final TestDatabase db;
  private final String prefix = "a" + System.nanoTime() + "-";
  private final String worker = "w" + System.nanoTime();
  private RestTestServer server;

  AuthorizationRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    db.database().useTransaction(h -> {
      for (String table : List.of("tern_job", "tern_incident", "tern_hi_incident", "tern_process_instance", "tern_authorization")) {
        h.execute("DELETE FROM " + table);
      }
    });
    server =
        RestTestServer.builder(db).engine(b -> b.startJobExecutor(false)).basicAuthentication().start();
    server.engine().identityService().ensureAdministrator("admin", "admin-pw");
    FailedJobs.create(db.database(), prefix, 3, T0);
    as("admin")
        .body(Map.of("profile", Map.of("id", worker), "credentials", Map.of("password", "worker-pw")))
        .post("/user/create")
        .then()
        .statusCode(204);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RequestSpecification as(String user) {
    return server.givenAs(user, user.equals("admin") ? "admin-pw" : "worker-pw").contentType(ContentType.JSON);
  }

  /** For answers Camunda's openapi.json does not list for an operation (403 on most of them). */
  private RequestSpecification offContractAs(String user) {
    return server
        .givenWithoutContract()
        .auth()
        .preemptive()
        .basic(user, user.equals("admin") ? "admin-pw" : "worker-pw")
        .contentType(ContentType.JSON);
  }

  private String grant(int resourceType, String... permissions) {
    return as("admin")
        .body(
            Map.of(
                "type", 1,
                "userId", worker,
                "resourceType", resourceType,
                "resourceId", "*",
                "permissions", List.of(permissions)))
        .post("/authorization/create")
        .then()
        .statusCode(200)
        .body("userId", equalTo(worker))
        .body("permissions", containsInAnyOrder((Object[]) permissions))
        .extract()
        .path("id");
  }

  @Test
  void newUserSeesNothingAndIsRefusedUntilGranted() {
    as(worker).get("/process-instance").then().statusCode(200).body("id", empty());
    as(worker).get("/process-instance/count").then().statusCode(200).body("count", equalTo(0));
    as(worker).get("/job").then().statusCode(200).body("id", empty());
    as(worker).get("/incident/count").then().statusCode(200).body("count", equalTo(0));
    as("admin").get("/process-instance/count").then().body("count", equalTo(3));

    offContractAs(worker)
        .body(RETRIES_BODY)
        .post("/process-instance/job-retries")
        .then()
        .statusCode(403)
        .body("type", equalTo("AuthorizationException"))
        .body(
            "message",
            equalTo(
                "The user with id '" + worker + "' does not have one of the following permissions:"
                    + " 'CREATE' permission on resource 'Batch' or 'CREATE_BATCH_SET_JOB_RETRIES'"
                    + " permission on resource 'Batch'"))
        .body("userId", equalTo(worker))
        .body("missingAuthorizations.permissionName", contains("CREATE", "CREATE_BATCH_SET_JOB_RETRIES"))
        .body("missingAuthorizations.resourceName", contains("Batch", "Batch"));

    grant(13, "CREATE");
    grant(8, "READ", "UPDATE");
    grant(6, "READ", "READ_INSTANCE", "UPDATE_INSTANCE");

    as(worker).get("/process-instance/count").then().statusCode(200).body("count", equalTo(3));
    as(worker).get("/job/count").then().statusCode(200).body("count", equalTo(3));
    as(worker).get("/incident/count").then().statusCode(200).body("count", equalTo(3));
    as(worker)
        .body(RETRIES_BODY)
        .post("/process-instance/job-retries")
        .then()
        .statusCode(200)
        .body("type", equalTo("set-job-retries"))
        .body("totalJobs", equalTo(1)) // one batch job holds all three (invocationsPerBatchJob)
        .body("createUserId", equalTo(worker));
  }

  @Test
  void aGrantOnOneInstanceShowsThatInstanceOnly() {
    as("admin")
        .body(Map.of("type", 1, "userId", worker, "resourceType", 8, "resourceId", prefix + "pi-2", "permissions", List.of("READ")))
        .post("/authorization/create")
        .then()
        .statusCode(200);

    as(worker).get("/process-instance").then().statusCode(200).body("id", contains(prefix + "pi-2"));
    as(worker).get("/process-instance/" + prefix + "pi-2").then().statusCode(200);
    as(worker).get("/process-instance/" + prefix + "pi-1").then().statusCode(404)
        .body("message", equalTo("Process instance with id " + prefix + "pi-1 does not exist"));
    as(worker).queryParam("processInstanceId", prefix + "pi-2").get("/job/count").then().body("count", equalTo(1));
  }

  @Test
  void nonAdministratorsCannotAdministerIdentitiesOrAuthorizations() {
    offContractAs(worker)
        .body(Map.of("profile", Map.of("id", "intruder"), "credentials", Map.of("password", "x")))
        .post("/user/create")
        .then()
        .statusCode(403)
        .body(
            "message",
            equalTo("The user with id '" + worker + "' does not have 'CREATE' permission on resource 'User'."));
    offContractAs(worker)
        .body(Map.of("type", 1, "userId", worker, "resourceType", 13, "resourceId", "*", "permissions", List.of("ALL")))
        .post("/authorization/create")
        .then()
        .statusCode(403)
        .body("type", equalTo("AuthorizationException"));
    as(worker).body(Map.of("id", "g1", "name", "G")).post("/group/create").then().statusCode(403);
    as(worker).post("/user/admin/unlock").then().statusCode(403)
        .body("message", equalTo("Required admin authenticated group or user."));
    as("admin").get("/user/intruder/profile").then().statusCode(404);
  }

  @Test
  void authorizationsAreReadChangedCheckedAndDeleted() {
    String id = grant(13, "CREATE");

    as("admin").queryParam("userIdIn", worker).queryParam("resourceType", 13)
        .get("/authorization").then().statusCode(200).body("id", contains(id));
    // the user's own authorizations include Camunda's default ALL on its own user
    as("admin").queryParam("userIdIn", worker).get("/authorization/count").then().body("count", equalTo(2));
    as(worker).get("/authorization").then().statusCode(200).body("id", empty());
    as("admin").get("/authorization/" + id).then().statusCode(200)
        .body("resourceType", equalTo(13)).body("resourceId", equalTo("*")).body("type", equalTo(1));

    as(worker).queryParam("permissionName", "CREATE").queryParam("resourceName", "Batch")
        .queryParam("resourceType", 13).get("/authorization/check").then().statusCode(200)
        .body("authorized", equalTo(true)).body("permissionName", equalTo("CREATE"));
    as(worker).queryParam("permissionName", "DELETE").queryParam("resourceName", "Batch")
        .queryParam("resourceType", 13).get("/authorization/check").then().statusCode(200)
        .body("authorized", equalTo(false));

    as("admin")
        .body(Map.of("userId", worker, "resourceType", 13, "resourceId", "*", "permissions", List.of("CREATE", "DELETE")))
        .put("/authorization/" + id).then().statusCode(204);
    as("admin").get("/authorization/" + id).then().body("permissions", containsInAnyOrder("CREATE", "DELETE"));
    as(worker).queryParam("permissionName", "DELETE").queryParam("resourceName", "Batch")
        .queryParam("resourceType", 13).get("/authorization/check").then().body("authorized", equalTo(true));

    offContractAs("admin")
        .body(Map.of("type", 1, "userId", worker, "resourceType", 13, "permissions", List.of("READ_INSTANCE")))
        .post("/authorization/create").then().statusCode(400)
        .body("message", equalTo("The permission 'READ_INSTANCE' is not valid for 'Batch' resource type."));
    as("admin")
        .body(Map.of("type", 1, "resourceType", 13, "permissions", List.of("READ")))
        .post("/authorization/create").then().statusCode(400)
        .body("message", equalTo("Authorization must either have a 'userId' or a 'groupId'."));

    as("admin").delete("/authorization/" + id).then().statusCode(204);
    as("admin").get("/authorization/" + id).then().statusCode(404)
        .body("message", equalTo("Authorization with id " + id + " does not exist."));
  }

  @Test
  void userRevokeBeatsGroupGrant() {
    as("admin").body(Map.of("id", "readers", "name", "Readers")).post("/group/create").then().statusCode(204);
    as("admin").put("/group/readers/members/" + worker).then().statusCode(204);
    as("admin")
        .body(Map.of("type", 1, "groupId", "readers", "resourceType", 8, "resourceId", "*", "permissions", List.of("READ")))
        .post("/authorization/create").then().statusCode(200);
    as("admin")
        .body(Map.of("type", 2, "userId", worker, "resourceType", 8, "resourceId", prefix + "pi-1", "permissions", List.of("READ")))
        .post("/authorization/create").then().statusCode(200).body("permissions", contains("READ")).body("type", equalTo(2));

    as(worker).get("/process-instance").then().statusCode(200)
        .body("id", containsInAnyOrder(prefix + "pi-2", prefix + "pi-3"));
    as("admin").queryParam("groupIdIn", "readers").get("/authorization").then().body("resourceType", hasItem(8));
  }
}
