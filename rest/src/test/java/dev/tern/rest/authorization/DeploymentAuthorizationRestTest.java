package dev.tern.rest.authorization;

import static dev.tern.rest.authorization.AuthorizationFixture.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deployments and starts with authentication on: {@code CREATE} on Deployment to deploy, {@code
 * DELETE} on the deployment to delete it; {@code CREATE} on ProcessInstance and {@code
 * CREATE_INSTANCE} on the definition to start an instance.
 */
@DatabaseTest
class DeploymentAuthorizationRestTest {

  private static final int PROCESS_DEFINITION = 6;
  private static final int PROCESS_INSTANCE = 8;
  private static final int DEPLOYMENT = 9;
  private static final String SIMPLE =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <process id="%s" isExecutable="true" camunda:historyTimeToLive="5">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
          <userTask id="wait"/>
          <sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>
          <endEvent id="end"/>
        </process>
      </definitions>
      """;

  private final TestDatabase db;
  private AuthorizationFixture fx;
  private String worker;
  private String name;

  DeploymentAuthorizationRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    fx = new AuthorizationFixture(db);
    worker = fx.worker;
    name = "d" + System.nanoTime();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private RequestSpecification upload(RequestSpecification request) {
    return request
        .multiPart("deployment-name", name)
        .multiPart(
            "data", name + ".bpmn", SIMPLE.formatted(name).getBytes(StandardCharsets.UTF_8), "application/octet-stream");
  }

  private int deploymentsNamed() {
    return fx.as("admin").queryParam("name", name).get("/deployment/count").then().extract().path("count");
  }

  @Test
  void deployingNeedsCreateAndDeletingDeleteOnTheDeployment() {
    upload(fx.bareOffContractAs(worker))
        .post("/deployment/create")
        .then()
        .statusCode(403)
        .body("type", equalTo("AuthorizationException"))
        .body(
            "message",
            equalTo("The user with id '" + worker + "' does not have 'CREATE' permission on resource 'Deployment'."));
    assertThat(deploymentsNamed()).isZero();

    fx.grant(DEPLOYMENT, "*", "CREATE");
    String id = upload(fx.bareAs(worker)).post("/deployment/create").then().statusCode(200).extract().path("id");
    assertThat(deploymentsNamed()).isOne();

    // Camunda's REST looks the deployment up with a READ-filtered query first
    fx.as(worker).delete("/deployment/" + id).then().statusCode(404)
        .body("message", equalTo("Deployment with id '" + id + "' do not exist"));
    fx.grant(DEPLOYMENT, id, "READ");
    fx.offContractAs(worker)
        .delete("/deployment/" + id)
        .then()
        .statusCode(403)
        .body(
            "message",
            equalTo(
                "The user with id '" + worker + "' does not have 'DELETE' permission on resource '"
                    + id + "' of type 'Deployment'."));
    assertThat(deploymentsNamed()).isOne();

    fx.grant(DEPLOYMENT, id, "DELETE");
    fx.as(worker).delete("/deployment/" + id).then().statusCode(204);
    assertThat(deploymentsNamed()).isZero();
  }

  @Test
  void readingDeploymentsAndDefinitionsNeedsRead() {
    String definition =
        fx.as("admin").queryParam("key", KEY).queryParam("latestVersion", true).queryParam("withoutTenantId", true)
            .get("/process-definition").then().statusCode(200).extract().path("[0].id");
    String deployment =
        fx.as("admin").get("/process-definition/" + definition).then().extract().path("deploymentId");

    fx.as(worker).get("/deployment/" + deployment).then().statusCode(404);
    fx.as(worker).get("/deployment").then().statusCode(200).body("$", hasSize(0));
    fx.as(worker).get("/deployment/count").then().body("count", equalTo(0));
    fx.as(worker).queryParam("key", KEY).get("/process-definition").then().statusCode(200).body("$", hasSize(0));
    fx.as(worker).get("/process-definition/count").then().body("count", equalTo(0));
    fx.refused(fx.offContractAs(worker), "GET", "/deployment/" + deployment + "/resources");
    fx.refused(fx.offContractAs(worker), "GET", "/process-definition/" + definition);
    fx.refused(fx.offContractAs(worker), "GET", "/process-definition/" + definition + "/xml");
    fx.offContractAs(worker).get("/process-definition/key/" + KEY).then().statusCode(404); // not in openapi.json

    fx.grant(DEPLOYMENT, deployment, "READ");
    fx.grant(PROCESS_DEFINITION, KEY, "READ");

    fx.as(worker).get("/deployment/" + deployment).then().statusCode(200).body("id", equalTo(deployment));
    fx.as(worker).get("/deployment").then().statusCode(200).body("id", contains(deployment));
    fx.as(worker).get("/deployment/count").then().body("count", equalTo(1));
    fx.as(worker).queryParam("latestVersion", true).get("/process-definition").then().statusCode(200)
        .body("id", contains(definition));
    fx.as(worker).queryParam("latestVersion", true).get("/process-definition/count").then().body("count", equalTo(1));
    fx.as(worker).get("/deployment/" + deployment + "/resources").then().statusCode(200);
    fx.as(worker).get("/process-definition/" + definition).then().statusCode(200);
    fx.as(worker).get("/process-definition/" + definition + "/xml").then().statusCode(200);
    fx.as(worker).get("/process-definition/key/" + KEY).then().statusCode(200).body("id", equalTo(definition));
  }

  @Test
  void startingNeedsCreateOnInstancesAndCreateInstanceOnTheDefinition() {
    String definition =
        fx.as("admin").queryParam("key", KEY).queryParam("latestVersion", true).queryParam("withoutTenantId", true)
            .get("/process-definition").then().statusCode(200).extract().path("[0].id");
    Map<String, Object> body = Map.of("businessKey", name);

    fx.offContractAs(worker).body(body).post("/process-definition/" + definition + "/start")
        .then()
        .statusCode(403)
        .body("message", equalTo("The user with id '" + worker + "' does not have 'CREATE' permission on resource 'ProcessInstance'."));
    fx.grant(PROCESS_INSTANCE, "*", "CREATE");
    fx.offContractAs(worker).body(body).post("/process-definition/" + definition + "/start")
        .then()
        .statusCode(403)
        .body(
            "message",
            equalTo(
                "The user with id '" + worker + "' does not have 'CREATE_INSTANCE' permission on resource '"
                    + KEY + "' of type 'ProcessDefinition'."));
    fx.as("admin").queryParam("businessKey", name).get("/process-instance/count").then().body("count", equalTo(0));

    fx.grant(PROCESS_DEFINITION, KEY, "CREATE_INSTANCE");
    fx.as(worker).body(body).post("/process-definition/" + definition + "/start").then().statusCode(200);
    // by key, the latest version is looked up with a READ-filtered query, as in Camunda
    fx.offContractAs(worker).body(body).post("/process-definition/key/" + KEY + "/start").then().statusCode(404)
        .body("message", equalTo("No matching process definition with key: " + KEY + " and no tenant-id"));
    fx.grant(PROCESS_DEFINITION, KEY, "READ");
    fx.as(worker).body(body).post("/process-definition/key/" + KEY + "/start").then().statusCode(200);
    fx.as("admin").queryParam("businessKey", name).get("/process-instance").then()
        .body("businessKey", contains(name, name));
  }
}
