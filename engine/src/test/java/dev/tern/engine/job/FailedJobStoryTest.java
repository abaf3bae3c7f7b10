package dev.tern.engine.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.incident.Incident;
import dev.tern.engine.runtime.JavaDelegate;
import dev.tern.engine.runtime.ProcessInstance;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator's story on deployed BPMN: an async service task fails until its retry cycle is used
 * up, incidents appear, one job gets retries back and its instance completes.
 */
@DatabaseTest
class FailedJobStoryTest {

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05Z"));
  private final AtomicBoolean serviceDown = new AtomicBoolean(true);
  private ProcessEngine engine;

  FailedJobStoryTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void deploy() {
    JobTestSupport.clean(db);
    engine =
        ProcessEngine.builder()
            .database(db.database())
            .clock(clock)
            .startJobExecutor(false)
            .beans(
                Map.of(
                    "callService",
                    (JavaDelegate)
                        execution -> {
                          if (serviceDown.get()) {
                            throw new IllegalStateException("Connection refused");
                          }
                        }))
            .build();
    String xml =
        Bpmn.convertToString(
            Bpmn.createExecutableProcess("story")
                .camundaHistoryTimeToLive(30)
                .startEvent("start")
                .serviceTask("call")
                .camundaAsyncBefore()
                .camundaFailedJobRetryTimeCycle("R2/PT5M")
                .camundaDelegateExpression("${callService}")
                .endEvent("end")
                .done());
    engine
        .deploymentService()
        .deploy(NewDeployment.of(Map.of("story.bpmn", xml.getBytes(StandardCharsets.UTF_8))));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void retryCycleFromTheModelThenIncidentsThenOneInstanceRecovers() {
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ProcessInstance instance =
          engine.runtimeService().startProcessInstanceByKey("story", null, "bk-" + i, Map.of());
      instances.add(instance.id());
    }

    assertThat(engine.jobExecutor().executeDueJobs()).isEqualTo(3);
    List<Job> waiting = jobs();
    assertThat(waiting).allSatisfy(job -> assertThat(job.retries()).isEqualTo(1));
    assertThat(waiting)
        .allSatisfy(job -> assertThat(job.dueDate()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5))));

    clock.advance(Duration.ofMinutes(5));
    assertThat(engine.jobExecutor().executeDueJobs()).isEqualTo(3);

    List<Job> dead = jobs();
    assertThat(dead).allSatisfy(job -> assertThat(job.retries()).isZero());
    assertThat(dead).allSatisfy(job -> assertThat(job.exceptionMessage()).contains("Connection refused"));
    List<Incident> incidents =
        engine.incidentService().listIncidents(engine.incidentService().createIncidentQuery(), 0, 10);
    assertThat(incidents).hasSize(3);
    assertThat(incidents)
        .allSatisfy(
            incident -> {
              assertThat(incident.incidentType()).isEqualTo("failedJob");
              assertThat(incident.activityId()).isEqualTo("call");
              assertThat(incident.processDefinitionId()).isNotNull();
              assertThat(incident.jobDefinitionId()).isNotNull();
            });

    Job chosen = engine.jobService().listJobs(
        engine.jobService().createJobQuery().processInstanceId(instances.get(0)), 0, 1).get(0);
    serviceDown.set(false);
    engine.jobService().setRetries(chosen.id(), 1, null, false);
    assertThat(engine.jobExecutor().executeDueJobs()).isEqualTo(1);

    assertThat(engine.jobService().findJob(chosen.id())).isEmpty();
    assertThat(engine.incidentService().countIncidents(engine.incidentService().createIncidentQuery()))
        .isEqualTo(2);
    String state =
        db.database()
            .withHandle(
                h ->
                    h.createQuery("SELECT state FROM tern_hi_process_instance WHERE id = :id")
                        .bind("id", instances.get(0))
                        .mapTo(String.class)
                        .one());
    assertThat(state).isEqualTo("COMPLETED");
  }

  private List<Job> jobs() {
    return engine.jobService().listJobs(engine.jobService().createJobQuery(), 0, 100);
  }
}
