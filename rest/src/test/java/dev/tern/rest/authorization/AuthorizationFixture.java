package dev.tern.rest.authorization;

import static org.hamcrest.Matchers.equalTo;

import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A server with {@code TERN_AUTH=basic}, an administrator, a user {@code worker} without
 * authorizations, and a deployed process {@code orderSync}: an asynchronous step ({@code
 * sendOrder}, a job) followed by an external task ({@code charge}).
 */
final class AuthorizationFixture implements AutoCloseable {

  static final String KEY = "orderSync";

  static final String PROCESS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <process id="orderSync" isExecutable="true" camunda:historyTimeToLive="5">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="sendOrder"/>
          <serviceTask id="sendOrder" camunda:asyncBefore="true" camunda:expression="${true}"/>
          <sequenceFlow id="f2" sourceRef="sendOrder" targetRef="charge"/>
          <serviceTask id="charge" camunda:type="external" camunda:topic="charge"/>
          <sequenceFlow id="f3" sourceRef="charge" targetRef="end"/>
          <endEvent id="end"/>
        </process>
      </definitions>
      """;

  private static final List<String> TABLES =
      List.of(
          "tern_external_task", "tern_job", "tern_incident", "tern_hi_incident", "tern_hi_job_log",
          "tern_hi_op_log", "tern_execution", "tern_process_instance", "tern_authorization");

  final RestTestServer server;
  final String worker = "w" + System.nanoTime();

  AuthorizationFixture(TestDatabase db) {
    db.database()
        .useTransaction(
            h -> {
              for (String table : TABLES) {
                h.execute("DELETE FROM " + table);
              }
            });
    server =
        RestTestServer.builder(db)
            .engine(b -> b.startJobExecutor(false))
            .basicAuthentication()
            .start();
    server.engine().identityService().ensureAdministrator("admin", "admin-pw");
    server
        .engine()
        .deploymentService()
        .deploy(
            NewDeployment.of(Map.of("orderSync.bpmn", PROCESS.getBytes(StandardCharsets.UTF_8)))
                .withDuplicateFiltering(true));
    as("admin")
        .body(Map.of("profile", Map.of("id", worker), "credentials", Map.of("password", "worker-pw")))
        .post("/user/create")
        .then()
        .statusCode(204);
  }

  /** Starts an instance; it waits in its {@code sendOrder} job. */
  String start() {
    return server.engine().runtimeService().startProcessInstanceByKey(KEY, null, null, Map.of()).id();
  }

  /** The id of the instance's one job. */
  String jobOf(String instance) {
    return as("admin")
        .queryParam("processInstanceId", instance)
        .get("/job")
        .then()
        .statusCode(200)
        .extract()
        .path("[0].id");
  }

  /** A request validated against Camunda's contract, as {@code admin} or the worker. */
  RequestSpecification as(String user) {
    return server.givenAs(user, password(user)).contentType(ContentType.JSON);
  }

  /** As {@link #as}, without a content type (e.g. for multipart uploads). */
  RequestSpecification bareAs(String user) {
    return server.givenAs(user, password(user));
  }

  /** For 403 answers, which Camunda's openapi.json does not list for most operations. */
  RequestSpecification offContractAs(String user) {
    return bareOffContractAs(user).contentType(ContentType.JSON);
  }

  RequestSpecification bareOffContractAs(String user) {
    return server.givenWithoutContract().auth().preemptive().basic(user, password(user));
  }

  private String password(String user) {
    return user.equals("admin") ? "admin-pw" : "worker-pw";
  }

  /** Grants the worker permissions on one resource (or {@code *}). */
  void grant(int resourceType, String resourceId, String... permissions) {
    as("admin")
        .body(
            Map.of(
                "type", 1,
                "userId", worker,
                "resourceType", resourceType,
                "resourceId", resourceId,
                "permissions", List.of(permissions)))
        .post("/authorization/create")
        .then()
        .statusCode(200)
        .body("userId", equalTo(worker));
  }

  /** A refused call: 403 {@code AuthorizationException} naming the worker. */
  void refused(RequestSpecification request, String method, String path) {
    request
        .request(method, path)
        .then()
        .statusCode(403)
        .body("type", equalTo("AuthorizationException"))
        .body("userId", equalTo(worker));
  }

  @Override
  public void close() {
    server.close();
  }
}
