package dev.tern.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.deployment.ProcessDefinition;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deleting the deployment of a definition's latest version gives the previous version its start
 * events back, as the Camunda 7.24 reference does: its message and signal start subscriptions and
 * its timer start jobs (scheduled anew from now, under its own job definition); deleting an older
 * version's deployment changes nothing.
 */
@DatabaseTest
class PreviousVersionStartsTest {

  private final MessageEngine kit;

  PreviousVersionStartsTest(TestDatabase db) {
    this.kit = new MessageEngine(db);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  private ProcessDefinition deploy(String message, String cycle) {
    return kit.deploy(
        MessageEngine.definitions(
            "<message id=\"m\" name=\"" + message + "\"/><signal id=\"s\" name=\"wake\"/>"
                + MessageEngine.process(
                    "orders",
                    "<startEvent id=\"byMessage\"><messageEventDefinition messageRef=\"m\"/></startEvent>"
                        + "<startEvent id=\"bySignal\"><signalEventDefinition signalRef=\"s\"/></startEvent>"
                        + "<startEvent id=\"byTimer\"><timerEventDefinition><timeCycle>"
                        + cycle
                        + "</timeCycle></timerEventDefinition></startEvent>"
                        + MessageEngine.flow("f1", "byMessage", "work")
                        + MessageEngine.flow("f2", "bySignal", "work")
                        + MessageEngine.flow("f3", "byTimer", "work")
                        + "<userTask id=\"work\"/>")));
  }

  private List<String> startSubscriptions() {
    return kit.subscriptions().stream()
        .filter(s -> s.processInstanceId() == null)
        .map(s -> s.eventType() + ":" + s.eventName() + "@" + s.activityId())
        .sorted()
        .toList();
  }

  private List<Map<String, Object>> timerJobs() {
    return kit.timerStartJobs();
  }

  @Test
  void deletingTheLatestVersionsDeploymentGivesThePreviousVersionItsStartEventsBack() {
    ProcessDefinition first = deploy("order", "R/PT1H");
    ProcessDefinition second = deploy("orderPlaced", "R/PT2H");
    assertThat(startSubscriptions())
        .containsExactly("message:orderPlaced@byMessage", "signal:wake@bySignal");
    assertThat(timerJobs()).extracting(j -> j.get("proc_def_id")).containsExactly(second.id());

    kit.clock.advance(Duration.ofMinutes(10));
    kit.engine.deploymentService().deleteDeployment(second.deploymentId(), true);

    assertThat(startSubscriptions()).containsExactly("message:order@byMessage", "signal:wake@bySignal");
    assertThat(kit.subscriptions())
        .filteredOn(s -> s.processInstanceId() == null)
        .allSatisfy(s -> assertThat(s.processDefinitionId()).isEqualTo(first.id()));
    Object firstJobDefinition =
        kit.rows(
                "SELECT id FROM tern_job_definition WHERE proc_def_id = ? AND job_type = 'timer-start-event'",
                first.id())
            .get(0)
            .get("id");
    assertThat(timerJobs())
        .singleElement()
        .satisfies(
            job -> {
              assertThat(job.get("proc_def_id")).isEqualTo(first.id());
              assertThat(job.get("job_definition_id")).isEqualTo(firstJobDefinition);
              assertThat(MessageEngine.instant(job.get("due_date")))
                  .isEqualTo(kit.clock.instant().plus(Duration.ofHours(1)));
            });
    // the message starts the previous version again
    List<MessageCorrelationResult> started =
        kit.engine.messageCorrelationService().correlate(MessageCorrelation.named("order").build());
    assertThat(started)
        .singleElement()
        .satisfies(r -> assertThat(r.processDefinitionId()).isEqualTo(first.id()));
  }

  @Test
  void deletingAnOlderVersionsDeploymentLeavesTheLatestVersionsStartEvents() {
    ProcessDefinition first = deploy("order", "R/PT1H");
    ProcessDefinition second = deploy("orderPlaced", "R/PT2H");

    kit.engine.deploymentService().deleteDeployment(first.deploymentId(), true);

    assertThat(startSubscriptions())
        .containsExactly("message:orderPlaced@byMessage", "signal:wake@bySignal");
    assertThat(timerJobs()).extracting(j -> j.get("proc_def_id")).containsExactly(second.id());

    kit.engine.deploymentService().deleteDeployment(second.deploymentId(), true);

    assertThat(startSubscriptions()).isEmpty();
    assertThat(timerJobs()).isEmpty();
  }
}
