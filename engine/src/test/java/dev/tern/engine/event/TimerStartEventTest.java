package dev.tern.engine.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.TernException;
import dev.tern.engine.deployment.ProcessDefinition;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Timer start events as Camunda 7.24 documents them: the latest version of a definition has one
 * timer job per timer start event (visible as a job without instance), a date fires once, a cycle
 * ({@code R<n>/<duration>} or cron) schedules its next firing each time, a new version replaces
 * the older version's timer.
 */
@DatabaseTest
class TimerStartEventTest {

  private final MessageEngine kit;

  TimerStartEventTest(TestDatabase db) {
    this.kit = new MessageEngine(db);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  private ProcessDefinition deployTimer(String key, String timerElement) {
    return kit.deploy(
        MessageEngine.definitions(
            MessageEngine.process(
                key,
                "<startEvent id=\"tick\"><timerEventDefinition>"
                    + timerElement
                    + "</timerEventDefinition></startEvent>"
                    + MessageEngine.flow("f", "tick", "work")
                    + "<userTask id=\"work\"/>")));
  }

  private List<Map<String, Object>> timerJobs() {
    return kit.timerStartJobs();
  }

  private List<Map<String, Object>> instances() {
    return kit.rows("SELECT * FROM tern_process_instance ORDER BY start_time, id");
  }

  private void runDue() {
    kit.engine.jobExecutor().executeDueJobs();
  }

  private Instant due(Map<String, Object> job) {
    return MessageEngine.instant(job.get("due_date"));
  }

  @Test
  void aDateTimerIsAJobWithoutInstanceThatStartsOneInstanceWhenDue() {
    ProcessDefinition definition = deployTimer("daily", "<timeDate>2026-01-02T05:00:00Z</timeDate>");

    assertThat(timerJobs())
        .singleElement()
        .satisfies(
            job -> {
              assertThat(job.get("process_instance_id")).isNull();
              assertThat(job.get("execution_id")).isNull();
              assertThat(job.get("proc_def_id")).isEqualTo(definition.id());
              assertThat(job.get("activity_id")).isEqualTo("tick");
              assertThat(job.get("job_definition_id")).isNotNull();
              assertThat(due(job)).isEqualTo(Instant.parse("2026-01-02T05:00:00Z"));
            });
    runDue();
    assertThat(instances()).isEmpty();

    kit.clock.advance(Duration.ofHours(2));
    runDue();

    assertThat(instances()).singleElement().satisfies(i -> assertThat(i.get("proc_def_id")).isEqualTo(definition.id()));
    String instance = (String) instances().get(0).get("id");
    assertThat(kit.activeActivities(instance)).containsExactly("work");
    assertThat(kit.history(instance))
        .extracting(r -> r.get("activity_id") + ":" + r.get("activity_type"))
        .contains("tick:startTimerEvent");
    assertThat(timerJobs()).isEmpty();
  }

  @Test
  void aRepeatingCycleFiresItsNumberOfTimes() {
    deployTimer("hourly", "<timeCycle>R2/PT1H</timeCycle>");
    assertThat(due(timerJobs().get(0))).isEqualTo(kit.clock.instant().plus(Duration.ofHours(1)));

    kit.clock.advance(Duration.ofHours(1));
    runDue();
    assertThat(instances()).hasSize(1);
    assertThat(timerJobs())
        .singleElement()
        .satisfies(j -> assertThat(due(j)).isEqualTo(kit.clock.instant().plus(Duration.ofHours(1))));

    kit.clock.advance(Duration.ofHours(1));
    runDue();
    assertThat(instances()).hasSize(2);
    assertThat(timerJobs()).isEmpty();
  }

  @Test
  void aCronCycleFiresAtItsNextMatchingTimeAndKeepsGoing() {
    // the clock starts at 2026-01-02T03:04:05Z (UTC): every 15 minutes on the quarter
    deployTimer("quarterly", "<timeCycle>0 0/15 * * * ?</timeCycle>");
    assertThat(due(timerJobs().get(0))).isEqualTo(Instant.parse("2026-01-02T03:15:00Z"));

    kit.clock.advance(Duration.ofMinutes(11));
    runDue();

    assertThat(instances()).hasSize(1);
    assertThat(timerJobs())
        .singleElement()
        .satisfies(j -> assertThat(due(j)).isEqualTo(Instant.parse("2026-01-02T03:30:00Z")));
  }

  @Test
  void aNewVersionReplacesTheOlderVersionsTimer() {
    deployTimer("versions", "<timeCycle>R/PT1H</timeCycle>");
    ProcessDefinition second = deployTimer("versions", "<timeCycle>R/PT2H</timeCycle>");

    assertThat(timerJobs())
        .singleElement()
        .satisfies(
            j -> {
              assertThat(j.get("proc_def_id")).isEqualTo(second.id());
              assertThat(due(j)).isEqualTo(kit.clock.instant().plus(Duration.ofHours(2)));
            });
    kit.engine.deploymentService().deleteDeployment(second.deploymentId(), true);
    // as in Camunda 7.24, the previous version is the latest again and gets its timer back
    assertThat(timerJobs()).singleElement().satisfies(j -> assertThat(j.get("proc_def_id")).isNotEqualTo(second.id()));
  }

  @Test
  void anUnreadableCycleFailsTheDeployment() {
    assertThatThrownBy(() -> deployTimer("broken", "<timeCycle>0 0/15 * * * L</timeCycle>"))
        .isInstanceOf(TernException.class)
        .hasMessageContaining("Cannot parse cron expression '0 0/15 * * * L'");
    assertThat(timerJobs()).isEmpty();
  }

  @Test
  void theFluentModelsTimerStartDeploys() {
    kit.deploy(
        Bpmn.createExecutableProcess("fluent")
            .camundaHistoryTimeToLive(1)
            .startEvent("s")
            .timerWithDate("2026-02-01T00:00:00Z")
            .endEvent()
            .done());
    assertThat(timerJobs()).hasSize(1);
  }
}
