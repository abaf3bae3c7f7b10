package dev.tern.rest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issue's attack: a deployed expression that calls {@code Runtime.exec}. No command may run. */
@DatabaseTest
class ExpressionSandboxRestTest {

  /** A bean whose method throws a checked exception. */
  public static final class Failing {
    public String call() throws IOException {
      throw new IOException("disk full");
    }
  }

  @TempDir Path dir;

  private final TestDatabase db;
  private final RestTestServer server;
  private final String key = "k" + UUID.randomUUID().toString().substring(0, 8);

  ExpressionSandboxRestTest(TestDatabase db) {
    this.db = db;
    this.server =
        RestTestServer.builder(db).engine(b -> b.beans(Map.of("failing", new Failing()))).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private byte[] process(String expression) {
    return Bpmn.convertToString(
            Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(30)
                .startEvent()
                .serviceTask("evil")
                .camundaExpression(expression)
                .userTask("wait")
                .endEvent()
                .done())
        .getBytes(StandardCharsets.UTF_8);
  }

  private String touchMarker() {
    return "touch " + dir.resolve("marker");
  }

  private long count(String table) {
    return db.database()
        .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
  }

  @Test
  void deployingTheRuntimeExecExpressionAnswers400AndStoresNothing() {
    String payload =
        "${\"\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\")"
            + ".invoke(null).exec(\"" + touchMarker() + "\")}";
    long deployments = count("tern_deployment");

    server
        .given()
        .contentType("multipart/form-data")
        .multiPart("deployment-name", "evil")
        .multiPart("data", "evil.bpmn", process(payload), "application/octet-stream")
        .when()
        .post("/deployment/create")
        .then()
        .statusCode(400)
        .body("type", equalTo("ParseException"))
        .body("message", containsString("'getClass', which expressions may not use"))
        .body("details.'evil.bpmn'.errors[0].mainElementId", equalTo("evil"));

    assertThat(count("tern_deployment")).isEqualTo(deployments);
    assertThat(dir.resolve("marker")).doesNotExist();
  }

  @Test
  void anExpressionThatReachesGetClassAtRunTimeAnswers400OnStartAndRunsNothing() {
    deploy(process("${s[m]().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec(cmd)}"));
    long instances = count("tern_hi_process_instance");

    server
        .given()
        .contentType("application/json")
        .body(
            "{\"variables\":{\"s\":{\"value\":\"\",\"type\":\"String\"},"
                + "\"m\":{\"value\":\"getClass\",\"type\":\"String\"},"
                + "\"cmd\":{\"value\":\"" + touchMarker() + "\",\"type\":\"String\"}}}")
        .when()
        .post("/process-definition/key/{key}/start", key)
        .then()
        .statusCode(400)
        .body("type", equalTo("ProcessEngineException"))
        .body("message", containsString("was refused: expressions may not use 'getClass'"));

    assertThat(dir.resolve("marker")).doesNotExist();
    assertThat(count("tern_hi_process_instance")).isEqualTo(instances);
  }

  @Test
  void aCheckedExceptionInAnExpressionAnswers400WithItsMessage() {
    deploy(process("${failing.call()}"));

    server
        .given()
        .contentType("application/json")
        .body("{}")
        .when()
        .post("/process-definition/key/{key}/start", key)
        .then()
        .statusCode(400)
        .body("type", equalTo("ProcessEngineException"))
        .body("message", equalTo("disk full"));
  }

  private void deploy(byte[] bpmn) {
    server
        .given()
        .contentType("multipart/form-data")
        .multiPart("data", key + ".bpmn", bpmn, "application/octet-stream")
        .when()
        .post("/deployment/create")
        .then()
        .statusCode(200);
  }
}
