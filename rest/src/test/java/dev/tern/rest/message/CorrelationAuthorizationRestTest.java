package dev.tern.rest.message;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * With authentication on, {@code POST /message} and {@code POST /signal} check Camunda's
 * authorizations for every receiver before delivering anything: {@code UPDATE} on the waiting
 * instance (or {@code UPDATE_INSTANCE} on its definition), {@code CREATE} on process instances and
 * {@code CREATE_INSTANCE} on the definition of a start event; {@code POST /condition} the same for
 * each conditional start event whose condition holds.
 */
@DatabaseTest
class CorrelationAuthorizationRestTest {

  private static final int PROCESS_DEFINITION = 6;
  private static final int PROCESS_INSTANCE = 8;
  private static final String BPMN =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
          + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\">"
          + "<message id=\"paid\" name=\"paid\"/><message id=\"order\" name=\"order\"/><signal id=\"s\" name=\"alarm\"/>"
          + "<process id=\"waiting\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
          + "<startEvent id=\"start\"/><sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"fork\"/>"
          + "<parallelGateway id=\"fork\"/>"
          + "<sequenceFlow id=\"f2\" sourceRef=\"fork\" targetRef=\"pay\"/>"
          + "<sequenceFlow id=\"f3\" sourceRef=\"fork\" targetRef=\"alarm\"/>"
          + "<intermediateCatchEvent id=\"pay\"><messageEventDefinition messageRef=\"paid\"/></intermediateCatchEvent>"
          + "<intermediateCatchEvent id=\"alarm\"><signalEventDefinition signalRef=\"s\"/></intermediateCatchEvent>"
          + "</process>"
          + "<process id=\"byMessage\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
          + "<startEvent id=\"placed\"><messageEventDefinition messageRef=\"order\"/></startEvent>"
          + "<sequenceFlow id=\"g1\" sourceRef=\"placed\" targetRef=\"task\"/><userTask id=\"task\"/>"
          + "</process>"
          + "<process id=\"byCondition\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
          + "<startEvent id=\"hot\"><conditionalEventDefinition><condition>${temp > 10}</condition>"
          + "</conditionalEventDefinition></startEvent>"
          + "<sequenceFlow id=\"h1\" sourceRef=\"hot\" targetRef=\"cool\"/><userTask id=\"cool\"/>"
          + "</process></definitions>";

  private final TestDatabase db;
  private RestTestServer server;
  private String instance;

  CorrelationAuthorizationRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    server =
        RestTestServer.builder(db).engine(b -> b.startJobExecutor(false)).basicAuthentication().start();
    for (Map<String, Object> row : db.rows("SELECT id FROM tern_deployment")) {
      server.engine().deploymentService().deleteDeployment((String) row.get("id"), true);
    }
    db.database().useTransaction(h -> h.execute("DELETE FROM tern_authorization"));
    server.engine().identityService().ensureAdministrator("admin", "admin-pw");
    if (db.rows("SELECT id FROM tern_user WHERE id = 'ops'").isEmpty()) {
      as("admin")
          .body(Map.of("profile", Map.of("id", "ops"), "credentials", Map.of("password", "ops-pw")))
          .post("/user/create")
          .then()
          .statusCode(204);
    }
    server.engine().deploymentService().deploy(
        NewDeployment.of(Map.of("c.bpmn", BPMN.getBytes(StandardCharsets.UTF_8))));
    instance = server.engine().runtimeService().startProcessInstanceByKey("waiting", null, "w-1", Map.of()).id();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RequestSpecification as(String user) {
    return server.givenAs(user, user + "-pw").contentType(ContentType.JSON);
  }

  /** 403 is not among the answers Camunda's openapi.json lists for these operations. */
  private RequestSpecification opsOffContract() {
    return server.givenWithoutContract().auth().preemptive().basic("ops", "ops-pw").contentType(ContentType.JSON);
  }

  private void grant(int resourceType, String resourceId, String... permissions) {
    as("admin")
        .body(
            Map.of(
                "type", 1,
                "userId", "ops",
                "resourceType", resourceType,
                "resourceId", resourceId,
                "permissions", List.of(permissions)))
        .post("/authorization/create")
        .then()
        .statusCode(200);
  }

  private List<String> waitingAt() {
    return db.rows("SELECT activity_id FROM tern_execution WHERE process_instance_id = ?", instance).stream()
        .map(r -> (String) r.get("activity_id"))
        .toList();
  }

  @Test
  void correlatingToAWaitingInstanceNeedsUpdateOnItOrUpdateInstanceOnItsDefinition() {
    Map<String, Object> body = Map.of("messageName", "paid", "businessKey", "w-1");
    opsOffContract()
        .body(body)
        .post("/message")
        .then()
        .statusCode(403)
        .body("type", equalTo("AuthorizationException"))
        .body("missingAuthorizations.permissionName", contains("UPDATE", "UPDATE_INSTANCE"))
        .body("missingAuthorizations.resourceName", contains("ProcessInstance", "ProcessDefinition"));
    assertThat(waitingAt()).contains("pay");

    grant(PROCESS_INSTANCE, instance, "UPDATE");
    as("ops").body(body).post("/message").then().statusCode(204);
    assertThat(waitingAt()).containsExactly("alarm");
  }

  @Test
  void startingByMessageNeedsCreateOnInstancesAndCreateInstanceOnTheDefinition() {
    Map<String, Object> body = Map.of("messageName", "order");
    opsOffContract()
        .body(body)
        .post("/message")
        .then()
        .statusCode(403)
        .body("missingAuthorizations.permissionName", contains("CREATE"));
    grant(PROCESS_INSTANCE, "*", "CREATE");
    opsOffContract()
        .body(body)
        .post("/message")
        .then()
        .statusCode(403)
        .body("missingAuthorizations.permissionName", contains("CREATE_INSTANCE"))
        .body("missingAuthorizations.resourceId", contains("byMessage"));
    assertThat(db.rows("SELECT id FROM tern_process_instance WHERE proc_def_key = 'byMessage'")).isEmpty();

    grant(PROCESS_DEFINITION, "byMessage", "CREATE_INSTANCE");
    as("ops").body(body).post("/message").then().statusCode(204);
    assertThat(db.rows("SELECT id FROM tern_process_instance WHERE proc_def_key = 'byMessage'")).hasSize(1);
  }

  @Test
  void startingByConditionNeedsTheSameAsAStartEvent() {
    Map<String, Object> body = Map.of("variables", Map.of("temp", Map.of("value", 20)));
    as("ops")
        .body(body)
        .post("/condition")
        .then()
        .statusCode(403)
        .body("type", equalTo("AuthorizationException"))
        .body("missingAuthorizations.permissionName", contains("CREATE"));
    grant(PROCESS_INSTANCE, "*", "CREATE");
    as("ops")
        .body(body)
        .post("/condition")
        .then()
        .statusCode(403)
        .body("missingAuthorizations.permissionName", contains("CREATE_INSTANCE"))
        .body("missingAuthorizations.resourceId", contains("byCondition"));
    assertThat(db.rows("SELECT id FROM tern_process_instance WHERE proc_def_key = 'byCondition'")).isEmpty();

    grant(PROCESS_DEFINITION, "byCondition", "CREATE_INSTANCE");
    as("ops").body(body).post("/condition").then().statusCode(200);
    assertThat(db.rows("SELECT id FROM tern_process_instance WHERE proc_def_key = 'byCondition'")).hasSize(1);
  }

  @Test
  void aSignalNeedsTheSameForEveryReceiver() {
    Map<String, Object> body = Map.of("name", "alarm");
    opsOffContract()
        .body(body)
        .post("/signal")
        .then()
        .statusCode(403)
        .body("missingAuthorizations.permissionName", contains("UPDATE", "UPDATE_INSTANCE"));
    assertThat(waitingAt()).contains("alarm");

    grant(PROCESS_DEFINITION, "waiting", "UPDATE_INSTANCE");
    as("ops").body(body).post("/signal").then().statusCode(204);
    assertThat(waitingAt()).containsExactly("pay");
  }
}
