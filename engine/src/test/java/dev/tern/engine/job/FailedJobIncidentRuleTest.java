package dev.tern.engine.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.batch.JobRetries;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.history.HistoricIncident;
import dev.tern.engine.incident.Incident;
import dev.tern.engine.runtime.JavaDelegate;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One rule opens every failedJob incident (Camunda's: cause and root cause are the incident
 * itself, configuration the job id, message the job's exception message, failed activity the
 * job's): a set-retries batch with 0, {@code setRetries(id, 0)} (PUT /job/{id}/retries) and a job
 * failing its last retry open incidents that differ only in ids and timestamps.
 */
@DatabaseTest
class FailedJobIncidentRuleTest {

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05Z"));
  private ProcessEngine engine;

  FailedJobIncidentRuleTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void deploy() {
    JobTestSupport.clean(db);
    db.database().useTransaction(h -> {
      h.execute("DELETE FROM tern_batch_chunk");
      h.execute("DELETE FROM tern_batch");
    });
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
                          throw new IllegalStateException("Connection refused");
                        }))
            .build();
    String xml =
        Bpmn.convertToString(
            Bpmn.createExecutableProcess("rule")
                .camundaHistoryTimeToLive(30)
                .startEvent("start")
                .serviceTask("call")
                .camundaAsyncBefore()
                .camundaDelegateExpression("${callService}")
                .endEvent("end")
                .done());
    engine
        .deploymentService()
        .deploy(NewDeployment.of(Map.of("rule.bpmn", xml.getBytes(StandardCharsets.UTF_8))));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void batchWithZeroRetriesAndSetRetriesZeroOpenIdenticalIncidentsOnFailedJobs() {
    Job byHand = startAndFailOnce();
    Job byBatch = startAndFailOnce();

    engine.jobService().setRetries(byHand.id(), 0, null, false);
    setRetriesByBatch(byBatch, 0);

    Shape expected = shape(byHand);
    assertThat(expected.message()).isEqualTo("Connection refused");
    assertThat(expected.failedActivityId()).isEqualTo("call");
    assertThat(shape(byBatch)).isEqualTo(expected);
  }

  @Test
  void batchWithZeroRetriesAndSetRetriesZeroOpenIdenticalIncidentsOnJobsThatNeverFailed() {
    Job byHand = start();
    Job byBatch = start();

    engine.jobService().setRetries(byHand.id(), 0, null, false);
    setRetriesByBatch(byBatch, 0);

    Shape expected = shape(byHand);
    // Camunda copies the job's exception message and failed activity: none yet.
    assertThat(expected.message()).isNull();
    assertThat(expected.failedActivityId()).isNull();
    assertThat(shape(byBatch)).isEqualTo(expected);
  }

  @Test
  void aJobFailingItsLastRetryOpensTheSameIncident() {
    Job byHand = startAndFailOnce();
    engine.jobService().setRetries(byHand.id(), 0, null, false);
    Job failing = startAndFailOnce();

    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> engine.jobService().executeJob(failing.id()))
          .isInstanceOf(JobService.JobFailedException.class);
    }

    assertThat(engine.jobService().getJob(failing.id()).retries()).isZero();
    assertThat(shape(failing)).isEqualTo(shape(byHand));
  }

  @Test
  void settingZeroAgainOpensNoSecondIncident() {
    Job job = startAndFailOnce();
    engine.jobService().setRetries(job.id(), 0, null, false);
    setRetriesByBatch(job, 0);

    assertThat(incidentsOf(job)).hasSize(1);
  }

  /** The fields of a job's one open incident, runtime and historic, less ids and timestamps. */
  private record Shape(
      String type,
      String message,
      String activityId,
      String failedActivityId,
      String processDefinitionId,
      String processDefinitionKey,
      String jobDefinitionId,
      String tenantId,
      String annotation,
      String historicState) {}

  private Shape shape(Job job) {
    Job now = engine.jobService().getJob(job.id());
    List<Incident> incidents = incidentsOf(job);
    assertThat(incidents).hasSize(1);
    Incident incident = incidents.get(0);
    assertThat(incident.causeIncidentId()).isEqualTo(incident.id());
    assertThat(incident.rootCauseIncidentId()).isEqualTo(incident.id());
    assertThat(incident.configuration()).isEqualTo(job.id());
    assertThat(incident.processInstanceId()).isEqualTo(now.processInstanceId());
    assertThat(incident.executionId()).isEqualTo(now.executionId());
    assertThat(incident.incidentTimestamp()).isNotNull();

    HistoricIncident historic = engine.jobHistoryService().getHistoricIncident(incident.id());
    assertThat(historic)
        .usingRecursiveComparison()
        .comparingOnlyFields(
            "incidentType", "incidentMessage", "processInstanceId", "executionId",
            "processDefinitionId", "processDefinitionKey", "activityId", "failedActivityId",
            "causeIncidentId", "rootCauseIncidentId", "configuration", "jobDefinitionId",
            "tenantId", "annotation")
        .isEqualTo(incident);
    assertThat(historic.createTime()).isEqualTo(incident.incidentTimestamp());
    assertThat(historic.endTime()).isNull();
    assertThat(historic.rootProcessInstanceId()).isEqualTo(now.processInstanceId());
    assertThat(incident.activityId()).isEqualTo("call");
    assertThat(incident.jobDefinitionId()).isEqualTo(now.jobDefinitionId()).isNotNull();
    return new Shape(
        incident.incidentType(),
        incident.incidentMessage(),
        incident.activityId(),
        incident.failedActivityId(),
        incident.processDefinitionId(),
        incident.processDefinitionKey(),
        incident.jobDefinitionId(),
        incident.tenantId(),
        incident.annotation(),
        historic.open() ? "open" : "ended");
  }

  private List<Incident> incidentsOf(Job job) {
    return engine
        .incidentService()
        .listIncidents(engine.incidentService().createIncidentQuery(), 0, 100)
        .stream()
        .filter(i -> job.id().equals(i.configuration()))
        .toList();
  }

  private Job start() {
    String instance =
        engine.runtimeService().startProcessInstanceByKey("rule", null, null, Map.of()).id();
    return engine
        .jobService()
        .listJobs(engine.jobService().createJobQuery().processInstanceId(instance), 0, 1)
        .get(0);
  }

  private Job startAndFailOnce() {
    Job job = start();
    clock.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> engine.jobService().executeJob(job.id()))
        .isInstanceOf(JobService.JobFailedException.class);
    assertThat(engine.jobService().getJob(job.id()).retries()).isEqualTo(2);
    return job;
  }

  /** Creates a set-retries batch for one job and runs its seed and batch jobs by hand. */
  private void setRetriesByBatch(Job job, int retries) {
    engine.batchService().setJobRetriesAsync(List.of(job.id()), null, JobRetries.of(retries), null);
    for (String type : List.of("batch-seed-job", "set-job-retries")) {
      String batchJob =
          db.database()
              .withHandle(
                  h ->
                      h.createQuery("SELECT id FROM tern_job WHERE handler_type = :type")
                          .bind("type", type)
                          .mapTo(String.class)
                          .one());
      engine.jobService().executeJob(batchJob);
    }
  }
}
