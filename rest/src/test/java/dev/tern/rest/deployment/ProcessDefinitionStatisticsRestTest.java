package dev.tern.rest.deployment;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasSize;

import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /process-definition/statistics} and the per-activity statistics over HTTP: running
 * instances, failed jobs and incidents counted where they are.
 */
@DatabaseTest
class ProcessDefinitionStatisticsRestTest {

  private static final String ORDERS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <process id="statsOrders" name="Orders" isExecutable="true" camunda:historyTimeToLive="5">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="sync"/>
          <serviceTask id="sync" camunda:asyncBefore="true" camunda:expression="${true}"/>
          <sequenceFlow id="f2" sourceRef="sync" targetRef="review"/>
          <userTask id="review"/>
          <sequenceFlow id="f3" sourceRef="review" targetRef="end"/>
          <endEvent id="end"/>
        </process>
      </definitions>
      """;

  private static final String IDLE =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <process id="statsIdle" isExecutable="true" camunda:historyTimeToLive="5">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
          <userTask id="wait"/>
        </process>
      </definitions>
      """;

  private final TestDatabase db;
  private RestTestServer server;
  private String orders;
  private String idle;

  ProcessDefinitionStatisticsRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    db.database()
        .useTransaction(
            h -> {
              for (String table :
                  List.of(
                      "tern_job", "tern_incident", "tern_task", "tern_execution",
                      "tern_process_instance")) {
                h.execute("DELETE FROM " + table);
              }
            });
    server = RestTestServer.builder(db).engine(b -> b.startJobExecutor(false)).start();
    orders = deploy("statsOrders", ORDERS);
    idle = deploy("statsIdle", IDLE);
    // three orders wait for their sync job; one job fails for good, one runs (its order waits in review)
    List<String> jobs = List.of(jobOf(startOrder()), jobOf(startOrder()), jobOf(startOrder()));
    server.engine().jobService().setRetries(jobs.get(0), 0, null, false);
    server.engine().jobService().executeJob(jobs.get(1));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String deploy(String key, String xml) {
    server
        .engine()
        .deploymentService()
        .deploy(
            NewDeployment.of(Map.of(key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8)))
                .withDuplicateFiltering(true));
    return server.engine().deploymentService().getLatestProcessDefinition(key, null).id();
  }

  private String startOrder() {
    return server.engine().runtimeService().startProcessInstanceByKey("statsOrders", null, null, Map.of()).id();
  }

  private String jobOf(String instance) {
    return server.given().queryParam("processInstanceId", instance).get("/job")
        .then().statusCode(200).extract().path("[0].id");
  }

  /** The statistics of the two definitions of this test, by definition key. */
  private io.restassured.response.ValidatableResponse definitions(Map<String, ?> params) {
    return server.given().queryParams(params).get("/process-definition/statistics")
        .then().statusCode(200);
  }

  @Test
  void countsInstancesOfEveryDefinitionWithoutJobsOrIncidentsUnlessAsked() {
    definitions(Map.of())
        .body("find { it.id == '" + orders + "' }.instances", equalTo(3))
        .body("find { it.id == '" + orders + "' }.failedJobs", equalTo(0))
        .body("find { it.id == '" + orders + "' }.incidents", empty())
        .body("find { it.id == '" + orders + "' }.definition.key", equalTo("statsOrders"))
        .body("find { it.id == '" + orders + "' }.definition.name", equalTo("Orders"))
        // Camunda's statistics query leaves the definition's time to live out
        .body("find { it.id == '" + orders + "' }.definition.historyTimeToLive", nullValue())
        .body("find { it.id == '" + orders + "' }.'@class'",
            equalTo("org.camunda.bpm.engine.rest.dto.repository.ProcessDefinitionStatisticsResultDto"))
        .body("find { it.id == '" + idle + "' }.instances", equalTo(0));
  }

  @Test
  void failedJobsAndIncidentsAreCountedPerDefinitionWhenAsked() {
    definitions(Map.of("failedJobs", true, "incidents", true))
        .body("find { it.id == '" + orders + "' }.failedJobs", equalTo(1))
        .body("find { it.id == '" + orders + "' }.incidents.incidentType", contains("failedJob"))
        .body("find { it.id == '" + orders + "' }.incidents.incidentCount", contains(1))
        .body("find { it.id == '" + idle + "' }.failedJobs", equalTo(0))
        .body("find { it.id == '" + idle + "' }.incidents", empty());
    definitions(Map.of("rootIncidents", true))
        .body("find { it.id == '" + orders + "' }.incidents.incidentCount", contains(1));
    definitions(Map.of("incidentsForType", "failedExternalTask"))
        .body("find { it.id == '" + orders + "' }.incidents", empty());
    definitions(Map.of("incidentsForType", "failedJob"))
        .body("find { it.id == '" + orders + "' }.incidents.incidentType", contains("failedJob"));
  }

  @Test
  void activityStatisticsCountTokensFailedJobsAndIncidentsWhereTheyAre() {
    for (String path :
        List.of("/process-definition/" + orders + "/statistics",
            "/process-definition/key/statsOrders/statistics")) {
      server.given().queryParam("failedJobs", true).queryParam("incidents", true).get(path)
          .then()
          .statusCode(200)
          .body("id", contains("review", "sync"))
          .body("instances", contains(1, 2))
          .body("failedJobs", contains(0, 1))
          .body("[1].incidents.incidentType", contains("failedJob"))
          .body("[1].incidents.incidentCount", contains(1))
          .body("[0].incidents", empty())
          .body("[0].'@class'",
              equalTo("org.camunda.bpm.engine.rest.dto.repository.ActivityStatisticsResultDto"));
    }
    server.given().get("/process-definition/" + orders + "/statistics")
        .then().statusCode(200).body("failedJobs", contains(0, 0)).body("[1].incidents", empty());
    server.given().queryParam("incidentsForType", "failedExternalTask")
        .get("/process-definition/" + orders + "/statistics")
        .then().statusCode(200).body("id", contains("review", "sync"))
        .body("[1].incidents", empty());
  }

  @Test
  void anUnknownDefinitionIdHasNoActivitiesAndAnUnknownKeyIsNotFound() {
    server.given().get("/process-definition/nope:1:x/statistics")
        .then().statusCode(200).body("$", hasSize(0));
    server.given().get("/process-definition/key/nope/statistics")
        .then().statusCode(404).body("type", equalTo("RestException"));
  }

  @Test
  void exclusiveIncidentOptionsAreABadRequest() {
    for (Map<String, ?> params :
        List.of(
            Map.of("incidents", true, "incidentsForType", "failedJob"),
            Map.of("incidents", false, "rootIncidents", true),
            Map.of("rootIncidents", true, "incidentsForType", "failedJob"))) {
      server.givenInvalidRequest().queryParams(params).get("/process-definition/statistics")
          .then().statusCode(400).body("type", equalTo("InvalidRequestException"))
          .body("message", org.hamcrest.Matchers.startsWith("Only one of the query parameter include"));
    }
    server.givenInvalidRequest().queryParam("incidents", true).queryParam("incidentsForType", "x")
        .get("/process-definition/" + orders + "/statistics")
        .then().statusCode(400)
        .body("message",
            equalTo("Only one of the query parameter includeIncidents or includeIncidentsForType can be set."));
  }
}
