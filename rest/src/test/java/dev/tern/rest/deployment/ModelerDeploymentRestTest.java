package dev.tern.rest.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deploying from Camunda Modeler: the multipart request its "Deploy" button sends (one part per
 * file, named by the file, with {@code deployment-source} "Camunda Modeler" and duplicate filtering
 * on), so that deploying an unchanged diagram again creates nothing new.
 *
 * <p>Older Modeler versions send {@code deploy-changed-only=true}; current ones send {@code
 * enable-duplicate-filtering=true} instead. Both are covered.
 */
@DatabaseTest
class ModelerDeploymentRestTest {

  private static final String SOURCE = "Camunda Modeler";
  private static final String TENANT = "acme";

  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-02-03T10:00:00Z"));
  private final RestTestServer server;
  /** Unique per test: the tests of one class run share a database. */
  private final String key = "invoice" + UUID.randomUUID().toString().substring(0, 8);

  ModelerDeploymentRestTest(TestDatabase db) {
    this.server = RestTestServer.start(db, clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void modelerDeploysTheDiagramWithItsAttachmentsAndAnUnchangedRedeployCreatesNothing() {
    Map<String, byte[]> files = files("Approve invoice", "{\"components\":[]}");
    JsonPath first =
        modelerDeploy("deploy-changed-only", files)
            .statusCode(200)
            .body("name", equalTo(key))
            .body("source", equalTo(SOURCE))
            .body("tenantId", equalTo(TENANT))
            .body("deploymentTime", equalTo("2026-02-03T10:00:00.000+0000"))
            .body("deployedProcessDefinitions.values()*.key", contains(key))
            .body("deployedProcessDefinitions.values()*.version", contains(1))
            .body("deployedProcessDefinitions.values()*.tenantId", contains(TENANT))
            .body("deployedProcessDefinitions.values()*.resource", contains("diagram.bpmn"))
            .extract()
            .jsonPath();
    String deploymentId = first.getString("id");
    server.given().get("/deployment/{id}/resources", deploymentId)
        .then().statusCode(200)
        .body("name", containsInAnyOrder("diagram.bpmn", "invoice.form", "mail-template.html"));

    clock.advance(Duration.ofMinutes(5));
    // Camunda answers with the latest deployment of that name, read back without definitions.
    modelerDeploy("deploy-changed-only", files)
        .statusCode(200)
        .body("id", equalTo(deploymentId))
        .body("deploymentTime", equalTo("2026-02-03T10:00:00.000+0000"))
        .body("source", equalTo(SOURCE))
        .body("deployedProcessDefinitions", nullValue());

    server.given().queryParam("name", key).get("/deployment/count")
        .then().statusCode(200).body("count", equalTo(1));
    server.given().queryParam("key", key).get("/process-definition")
        .then().statusCode(200)
        .body("version", contains(1))
        .body("deploymentId", contains(deploymentId));
  }

  @Test
  void withDeployChangedOnlyOnlyTheChangedFilesAreDeployed() {
    String firstId =
        modelerDeploy("deploy-changed-only", files("Approve invoice", "{\"components\":[]}"))
            .statusCode(200).extract().path("id");
    clock.advance(Duration.ofMinutes(1));

    String formOnly =
        modelerDeploy("deploy-changed-only", files("Approve invoice", "{\"components\":[{}]}"))
            .statusCode(200)
            .body("deployedProcessDefinitions", nullValue())
            .extract().path("id");
    assertThat(formOnly).isNotEqualTo(firstId);
    server.given().get("/deployment/{id}/resources", formOnly)
        .then().statusCode(200).body("name", contains("invoice.form"));
    clock.advance(Duration.ofMinutes(1));

    String diagramOnly =
        modelerDeploy("deploy-changed-only", files("Approve the invoice", "{\"components\":[{}]}"))
            .statusCode(200)
            .body("deployedProcessDefinitions.values()*.version", contains(2))
            .extract().path("id");
    server.given().get("/deployment/{id}/resources", diagramOnly)
        .then().statusCode(200).body("name", contains("diagram.bpmn"));
    server.given().queryParam("name", key).get("/deployment/count")
        .then().statusCode(200).body("count", equalTo(3));
  }

  @Test
  void newerModelersFilterDuplicatesOfTheWholeDeployment() {
    Map<String, byte[]> files = files("Approve invoice", "{\"components\":[]}");
    String firstId =
        modelerDeploy("enable-duplicate-filtering", files).statusCode(200).extract().path("id");

    modelerDeploy("enable-duplicate-filtering", files)
        .statusCode(200)
        .body("id", equalTo(firstId))
        .body("deployedProcessDefinitions", nullValue());

    // Without deploy-changed-only, one changed file redeploys every file.
    String second =
        modelerDeploy("enable-duplicate-filtering", files("Approve invoice", "{\"components\":[{}]}"))
            .statusCode(200)
            .body("deployedProcessDefinitions.values()*.version", contains(2))
            .extract().path("id");
    server.given().get("/deployment/{id}/resources", second)
        .then().statusCode(200)
        .body("name", containsInAnyOrder("diagram.bpmn", "invoice.form", "mail-template.html"));
  }

  @Test
  void aDecisionTableAttachedInTheModelerIsRefusedAndNothingIsDeployed() {
    Map<String, byte[]> files = files("Approve invoice", "{\"components\":[]}");
    files.put("invoice-rules.dmn", "<definitions/>".getBytes(StandardCharsets.UTF_8));

    modelerDeploy("deploy-changed-only", files)
        .statusCode(400)
        .body("type", equalTo("ParseException"))
        .body("message", containsString("'invoice-rules.dmn' is a DMN or CMMN model, which Tern cannot run"));
    server.given().queryParam("name", key).get("/deployment/count")
        .then().statusCode(200).body("count", equalTo(0));
  }

  /**
   * The Modeler's form: its fields, then the diagram as {@code text/xml} and each attachment as a
   * typeless blob (which a browser sends as {@code application/octet-stream}), each part named by
   * its file.
   */
  private ValidatableResponse modelerDeploy(String duplicateFlag, Map<String, byte[]> files) {
    var request =
        server.given()
            .contentType("multipart/form-data")
            .multiPart("deployment-name", key)
            .multiPart("deployment-source", SOURCE)
            .multiPart(duplicateFlag, "true")
            .multiPart("tenant-id", TENANT);
    files.forEach(
        (name, content) ->
            request.multiPart(
                name, name, content, name.endsWith(".bpmn") ? "text/xml" : "application/octet-stream"));
    return request.post("/deployment/create").then();
  }

  /** The diagram and two attachments: a Camunda Form and a file the engine only stores. */
  private Map<String, byte[]> files(String taskName, String form) {
    String bpmn =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\""
            + " xmlns:modeler=\"http://camunda.org/schema/modeler/1.0\" id=\"Definitions_1\""
            + " targetNamespace=\"http://bpmn.io/schema/bpmn\" exporter=\"Camunda Modeler\""
            + " exporterVersion=\"5.31.0\" modeler:executionPlatform=\"Camunda Platform\""
            + " modeler:executionPlatformVersion=\"7.24.0\">\n"
            + "  <bpmn:process id=\"" + key + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"180\">\n"
            + "    <bpmn:startEvent id=\"StartEvent_1\"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>\n"
            + "    <bpmn:sequenceFlow id=\"Flow_1\" sourceRef=\"StartEvent_1\" targetRef=\"Activity_1\"/>\n"
            + "    <bpmn:userTask id=\"Activity_1\" name=\"" + taskName + "\" camunda:formRef=\"invoice\""
            + " camunda:formRefBinding=\"latest\">\n"
            + "      <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>\n"
            + "    </bpmn:userTask>\n"
            + "    <bpmn:sequenceFlow id=\"Flow_2\" sourceRef=\"Activity_1\" targetRef=\"EndEvent_1\"/>\n"
            + "    <bpmn:endEvent id=\"EndEvent_1\"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>\n"
            + "  </bpmn:process>\n"
            + "</bpmn:definitions>\n";
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("diagram.bpmn", bpmn.getBytes(StandardCharsets.UTF_8));
    files.put("invoice.form", form.getBytes(StandardCharsets.UTF_8));
    files.put("mail-template.html", "<p>Invoice approved</p>".getBytes(StandardCharsets.UTF_8));
    return files;
  }
}
