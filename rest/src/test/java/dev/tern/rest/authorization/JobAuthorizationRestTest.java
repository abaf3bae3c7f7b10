package dev.tern.rest.authorization;

import static dev.tern.rest.authorization.AuthorizationFixture.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import dev.tern.engine.job.Job;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jobs and job definitions by id with authentication on: Camunda's {@code checkUpdateJob} (UPDATE
 * on the instance or UPDATE_INSTANCE on the definition), its retry rule (RETRY_JOB as well), and
 * job definitions read and changed through their process definition.
 */
@DatabaseTest
class JobAuthorizationRestTest {

  private static final int PROCESS_DEFINITION = 6;
  private static final int PROCESS_INSTANCE = 8;

  private final TestDatabase db;
  private AuthorizationFixture fx;
  private String worker;
  private String pi1;
  private String pi2;
  private String job1;
  private String job2;

  JobAuthorizationRestTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() {
    fx = new AuthorizationFixture(db);
    worker = fx.worker;
    pi1 = fx.start();
    pi2 = fx.start();
    job1 = fx.jobOf(pi1);
    job2 = fx.jobOf(pi2);
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private Job job(String id) {
    return fx.server.engine().jobService().findJob(id).orElseThrow();
  }

  @Test
  void jobCommandsByIdAreRefusedWithoutUpdateAndChangeNothing() {
    Job before = job(job1);
    fx.as(worker).get("/job/" + job1).then().statusCode(404)
        .body("message", equalTo("Job with id " + job1 + " does not exist"));
    fx.offContractAs(worker)
        .body(Map.of("retries", 7))
        .put("/job/" + job1 + "/retries")
        .then()
        .statusCode(403)
        .body("type", equalTo("AuthorizationException"))
        .body(
            "message",
            equalTo(
                "The user with id '" + worker + "' does not have one of the following permissions:"
                    + " 'RETRY_JOB' permission on resource '" + pi1 + "' of type 'ProcessInstance'"
                    + " or 'RETRY_JOB' permission on resource '" + KEY + "' of type 'ProcessDefinition'"
                    + " or 'UPDATE' permission on resource '" + pi1 + "' of type 'ProcessInstance'"
                    + " or 'UPDATE_INSTANCE' permission on resource '" + KEY + "' of type"
                    + " 'ProcessDefinition'"))
        .body("missingAuthorizations.permissionName", contains("RETRY_JOB", "RETRY_JOB", "UPDATE", "UPDATE_INSTANCE"));
    fx.refused(fx.offContractAs(worker).body(Map.of("suspended", true)), "PUT", "/job/" + job1 + "/suspended");
    fx.refused(
        fx.offContractAs(worker).body(Map.of("duedate", "2030-01-01T00:00:00.000+0000")),
        "PUT",
        "/job/" + job1 + "/duedate");
    fx.refused(fx.offContractAs(worker), "POST", "/job/" + job1 + "/execute");
    fx.refused(fx.offContractAs(worker), "DELETE", "/job/" + job1);
    fx.refused(fx.offContractAs(worker), "GET", "/job/" + job1 + "/stacktrace");

    assertThat(job(job1)).isEqualTo(before); // not run, not changed, not deleted
  }

  @Test
  void updateOnTheInstanceAllowsItsJobsOnly() {
    fx.grant(PROCESS_INSTANCE, pi1, "READ", "UPDATE");

    fx.as(worker).get("/job/" + job1).then().statusCode(200).body("id", equalTo(job1));
    fx.as(worker).body(Map.of("retries", 7)).put("/job/" + job1 + "/retries").then().statusCode(204);
    fx.as(worker).body(Map.of("duedate", "2030-01-01T00:00:00.000+0000"))
        .put("/job/" + job1 + "/duedate").then().statusCode(204);
    fx.as(worker).body(Map.of("suspended", true)).put("/job/" + job1 + "/suspended").then().statusCode(204);
    assertThat(job(job1).retries()).isEqualTo(7);
    assertThat(job(job1).suspended()).isTrue();
    fx.as(worker).body(Map.of("suspended", false)).put("/job/" + job1 + "/suspended").then().statusCode(204);
    fx.as(worker).post("/job/" + job1 + "/execute").then().statusCode(204);
    assertThat(fx.server.engine().jobService().findJob(job1)).isEmpty();

    fx.refused(fx.offContractAs(worker).body(Map.of("retries", 7)), "PUT", "/job/" + job2 + "/retries");
    fx.refused(fx.offContractAs(worker), "DELETE", "/job/" + job2);
    assertThat(job(job2).retries()).isEqualTo(3);
  }

  @Test
  void retryJobAloneSetsRetriesButNothingElse() {
    fx.grant(PROCESS_DEFINITION, KEY, "RETRY_JOB");

    fx.as(worker).body(Map.of("retries", 5)).put("/job/" + job2 + "/retries").then().statusCode(204);
    assertThat(job(job2).retries()).isEqualTo(5);
    fx.refused(fx.offContractAs(worker), "DELETE", "/job/" + job2);
  }

  @Test
  void updateInstanceOnTheDefinitionAllowsEveryJobOfIt() {
    fx.grant(PROCESS_DEFINITION, KEY, "UPDATE_INSTANCE");

    fx.as(worker).delete("/job/" + job1).then().statusCode(204);
    fx.as(worker).post("/job/" + job2 + "/execute").then().statusCode(204);
    assertThat(fx.server.engine().jobService().findJob(job1)).isEmpty();
    assertThat(fx.server.engine().jobService().findJob(job2)).isEmpty();
  }

  @Test
  void jobDefinitionsAreReadAndChangedThroughTheirProcessDefinition() {
    String definition = job(job1).jobDefinitionId();

    fx.as(worker).get("/job-definition").then().statusCode(200).body("id", empty());
    fx.as(worker).get("/job-definition/count").then().statusCode(200).body("count", equalTo(0));
    fx.refused(
        fx.offContractAs(worker).body(Map.of("suspended", true)),
        "PUT",
        "/job-definition/" + definition + "/suspended");
    fx.refused(
        fx.offContractAs(worker).body(Map.of("retries", 2)),
        "PUT",
        "/job-definition/" + definition + "/retries");
    fx.as("admin").get("/job-definition/" + definition).then().body("suspended", equalTo(false));

    fx.grant(PROCESS_DEFINITION, KEY, "READ", "UPDATE");
    fx.as(worker).get("/job-definition").then().statusCode(200).body("id", hasItem(definition))
        .body("processDefinitionKey", everyItem(equalTo(KEY)));
    fx.as(worker).body(Map.of("suspended", true)).put("/job-definition/" + definition + "/suspended")
        .then().statusCode(204);
    // its jobs as well: UPDATE on every instance or UPDATE_INSTANCE on the definition
    fx.offContractAs(worker)
        .body(Map.of("suspended", false, "includeJobs", true))
        .put("/job-definition/" + definition + "/suspended")
        .then()
        .statusCode(403)
        .body("missingAuthorizations.permissionName", contains("UPDATE", "UPDATE_INSTANCE"));
    assertThat(job(job1).suspended()).isFalse();

    fx.grant(PROCESS_DEFINITION, KEY, "READ", "UPDATE", "UPDATE_INSTANCE");
    fx.as(worker).body(Map.of("suspended", true, "includeJobs", true))
        .put("/job-definition/" + definition + "/suspended").then().statusCode(204);
    assertThat(job(job1).suspended()).isTrue();
    fx.as(worker).body(Map.of("retries", 2)).put("/job-definition/" + definition + "/retries")
        .then().statusCode(204);
  }
}
