package dev.tern.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.deployment.ProcessDefinition;
import dev.tern.engine.job.JobDefinition;
import dev.tern.engine.job.JobFixture;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/** The interpreter through the engine: deployed BPMN, definitions and job definitions from deployment. */
@DatabaseTest
class EngineRuntimeTest {

  private final TestDatabase db;

  EngineRuntimeTest(TestDatabase db) {
    this.db = db;
  }

  @Test
  void startByKeyRunsTheDeployedModelAndAsyncJobsPointToTheDeployedJobDefinition() {
    AtomicInteger calls = new AtomicInteger();
    MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05Z"));
    try (ProcessEngine engine =
        ProcessEngine.builder()
            .database(db.database())
            .clock(clock)
            .beans(Map.of("counter", (JavaDelegate) execution -> calls.incrementAndGet()))
            .startJobExecutor(false)
            .build()) {
      String xml =
          Bpmn.convertToString(
              Bpmn.createExecutableProcess("engineAsync")
                  .camundaHistoryTimeToLive(30)
                  .startEvent("start")
                  .serviceTask("count")
                  .camundaAsyncBefore()
                  .camundaDelegateExpression("${counter}")
                  .endEvent("end")
                  .done());
      ProcessDefinition definition =
          engine
              .deploymentService()
              .deploy(
                  NewDeployment.of(Map.of("engineAsync.bpmn", xml.getBytes(StandardCharsets.UTF_8)))
                      .withTenantId("tenant-a"))
              .deployedProcessDefinitions()
              .get(0);

      ProcessInstance instance =
          engine.runtimeService().startProcessInstanceByKey("engineAsync", "tenant-a", "bk", Map.of());

      assertThat(instance.definitionId()).isEqualTo(definition.id());
      assertThat(instance.tenantId()).isEqualTo("tenant-a");
      List<JobDefinition> jobDefinitions =
          JobFixture.definitionsOf(db.database(), definition.id());
      var job = jobOf(instance.id());
      assertThat(job.get("job_definition_id")).isEqualTo(jobDefinitions.get(0).id());
      assertThat(job.get("tenant_id")).isEqualTo("tenant-a");
      assertThat(job.get("deployment_id")).isEqualTo(definition.deploymentId());

      engine.jobExecutor().executeDueJobs();

      RuntimeTestKit kitView = new RuntimeTestKit(db);
      assertThat(calls.get()).isEqualTo(1);
      assertThat(kitView.historicInstance(instance.id()).get("state")).isEqualTo("COMPLETED");
      assertThat(kitView.historicInstance(instance.id()).get("tenant_id")).isEqualTo("tenant-a");
    }
  }

  private Map<String, Object> jobOf(String processInstanceId) {
    return db.database()
        .withHandle(
            h ->
                h.createQuery("SELECT * FROM tern_job WHERE process_instance_id = :pi")
                    .bind("pi", processInstanceId)
                    .mapToMap()
                    .one());
  }
}
