package dev.tern.engine.event;

import static dev.tern.engine.event.MessageEngine.flow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.runtime.ProcessInstance;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Inclusive and event-based gateways as Camunda 7.24 documents them: an inclusive fork takes every
 * flow whose condition holds (else the default), its join waits only for tokens that can still
 * arrive; an event-based gateway waits for the first of its events and forgets the others.
 */
@DatabaseTest
class GatewaysTest {

  private final MessageEngine kit;

  GatewaysTest(TestDatabase db) {
    this.kit = new MessageEngine(db);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  private static String condition(String id, String from, String to, String expression) {
    return "<sequenceFlow id=\"" + id + "\" sourceRef=\"" + from + "\" targetRef=\"" + to + "\">"
        + "<conditionExpression>" + expression + "</conditionExpression></sequenceFlow>";
  }

  /** start → inclusive fork (a, b, c conditional; default to d) → tasks → inclusive join → after. */
  private void deployForkJoin() {
    kit.deploy(
        MessageEngine.definitions(
            MessageEngine.process(
                "incl",
                "<startEvent id=\"start\"/>"
                    + flow("f0", "start", "fork")
                    + "<inclusiveGateway id=\"fork\" default=\"fd\"/>"
                    + condition("fa", "fork", "A", "${a}")
                    + condition("fb", "fork", "B", "${b}")
                    + condition("fc", "fork", "C", "${c}")
                    + flow("fd", "fork", "D")
                    + "<userTask id=\"A\"/><userTask id=\"B\"/><userTask id=\"C\"/><userTask id=\"D\"/>"
                    + flow("ja", "A", "join")
                    + flow("jb", "B", "join")
                    + flow("jc", "C", "join")
                    + flow("jd", "D", "join")
                    + "<inclusiveGateway id=\"join\"/>"
                    + flow("fx", "join", "after")
                    + "<userTask id=\"after\"/>")));
  }

  private ProcessInstance start(String key, Map<String, Object> variables) {
    return kit.engine.runtimeService().startProcessInstanceByKey(key, null, null, variables);
  }

  @Test
  void inclusiveForkTakesEveryTrueFlowAndTheJoinWaitsForAllOfThem() {
    deployForkJoin();
    ProcessInstance instance = start("incl", Map.of("a", true, "b", true, "c", false));

    assertThat(kit.activeActivities(instance.id())).containsExactlyInAnyOrder("A", "B");
    kit.engine.runtimeService().completeUserTask(instance.id(), "A");
    assertThat(kit.activeActivities(instance.id())).containsExactlyInAnyOrder("join", "B");

    kit.engine.runtimeService().completeUserTask(instance.id(), "B");

    assertThat(kit.activeActivities(instance.id())).containsExactly("after");
    assertThat(kit.history(instance.id()))
        .filteredOn(r -> "join".equals(r.get("activity_id")))
        .allSatisfy(r -> assertThat(r.get("activity_type")).isEqualTo("inclusiveGateway"));
  }

  @Test
  void theDefaultFlowIsTakenOnlyWhenNoConditionHolds() {
    deployForkJoin();
    ProcessInstance none = start("incl", Map.of("a", false, "b", false, "c", false));
    ProcessInstance one = start("incl", Map.of("a", false, "b", false, "c", true));

    assertThat(kit.activeActivities(none.id())).containsExactly("D");
    assertThat(kit.activeActivities(one.id())).containsExactly("C");
    kit.engine.runtimeService().completeUserTask(one.id(), "C");
    assertThat(kit.activeActivities(one.id())).containsExactly("after");
  }

  @Test
  void withoutDefaultAndNoTrueConditionTheStartFailsAndNothingIsKept() {
    kit.deploy(
        MessageEngine.definitions(
            MessageEngine.process(
                "stuck",
                "<startEvent id=\"start\"/>"
                    + flow("f0", "start", "fork")
                    + "<inclusiveGateway id=\"fork\"/>"
                    + condition("fa", "fork", "A", "${a}")
                    + "<userTask id=\"A\"/>")));

    assertThatThrownBy(() -> start("stuck", Map.of("a", false)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessage(
            "ENGINE-02004 No outgoing sequence flow for the element with id 'fork' could be selected"
                + " for continuing the process.");
    assertThat(kit.rows("SELECT id FROM tern_process_instance")).isEmpty();
  }

  @Test
  void theJoinGoesOnWhenTheOtherTokenCanNoLongerArrive() {
    kit.deploy(
        MessageEngine.definitions(
            MessageEngine.process(
                "skip",
                "<startEvent id=\"start\"/>"
                    + flow("f0", "start", "fork")
                    + "<parallelGateway id=\"fork\"/>"
                    + flow("f1", "fork", "A")
                    + flow("f2", "fork", "B")
                    + "<userTask id=\"A\"/><userTask id=\"B\"/>"
                    + flow("f3", "A", "join")
                    + flow("f4", "B", "choice")
                    + "<exclusiveGateway id=\"choice\" default=\"toJoin\"/>"
                    + condition("toEnd", "choice", "elsewhere", "${skip}")
                    + flow("toJoin", "choice", "join")
                    + "<endEvent id=\"elsewhere\"/>"
                    + "<inclusiveGateway id=\"join\"/>"
                    + flow("f5", "join", "after")
                    + "<userTask id=\"after\"/>")));
    ProcessInstance instance = start("skip", Map.of());

    kit.engine.runtimeService().completeUserTask(instance.id(), "A");
    assertThat(kit.activeActivities(instance.id())).containsExactlyInAnyOrder("join", "B");

    kit.engine.runtimeService().completeUserTask(instance.id(), "B", Map.of("skip", true));

    assertThat(kit.activeActivities(instance.id())).containsExactly("after");
  }

  @Test
  void tokensForkedAndJoinedInOneCallPassTheJoinOnce() {
    kit.deploy(
        MessageEngine.definitions(
            MessageEngine.process(
                "sync",
                "<startEvent id=\"start\"/>"
                    + flow("f0", "start", "fork")
                    + "<inclusiveGateway id=\"fork\"/>"
                    + flow("f1", "fork", "via")
                    + flow("f2", "fork", "join")
                    + "<intermediateThrowEvent id=\"via\"/>"
                    + flow("f3", "via", "join")
                    + "<inclusiveGateway id=\"join\"/>"
                    + flow("f4", "join", "after")
                    + "<userTask id=\"after\"/>")));

    ProcessInstance instance = start("sync", Map.of());

    assertThat(kit.activeActivities(instance.id())).containsExactly("after");
    assertThat(kit.history(instance.id()))
        .filteredOn(r -> "after".equals(r.get("activity_id")))
        .hasSize(1);
  }

  private void deployRace() {
    kit.deploy(
        Bpmn.createExecutableProcess("race")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .eventBasedGateway()
            .id("gate")
            .intermediateCatchEvent("paid")
            .message("payment")
            .userTask("ship")
            .endEvent()
            .moveToNode("gate")
            .intermediateCatchEvent("cancelled")
            .signal("cancelAll")
            .userTask("refund")
            .endEvent()
            .moveToNode("gate")
            .intermediateCatchEvent("late")
            .timerWithDuration("PT1H")
            .userTask("remind")
            .endEvent()
            .done());
  }

  @Test
  void anEventBasedGatewayWaitsForItsEventsAndTheFirstWins() {
    deployRace();
    ProcessInstance instance = start("race", Map.of());

    assertThat(kit.activeActivities(instance.id())).containsExactly("gate");
    assertThat(kit.subscriptions())
        .extracting(EventSubscription::activityId)
        .containsExactlyInAnyOrder("paid", "cancelled");
    assertThat(kit.rows("SELECT activity_id FROM tern_job WHERE process_instance_id = ?", instance.id()))
        .extracting(r -> r.get("activity_id"))
        .containsExactly("late");

    kit.engine.messageCorrelationService().correlate(MessageCorrelation.named("payment").build());

    assertThat(kit.activeActivities(instance.id())).containsExactly("ship");
    assertThat(kit.subscriptions()).isEmpty();
    assertThat(kit.rows("SELECT id FROM tern_job WHERE process_instance_id = ?", instance.id())).isEmpty();
    assertThat(kit.history(instance.id()))
        .extracting(r -> r.get("activity_id") + ":" + r.get("activity_type"))
        .contains("gate:eventBasedGateway", "paid:intermediateMessageCatch")
        .doesNotContain("cancelled:intermediateSignalCatch", "late:intermediateTimer");
  }

  @Test
  void theTimerOfAnEventBasedGatewayWinsWhenNothingArrives() {
    deployRace();
    ProcessInstance instance = start("race", Map.of());

    kit.clock.advance(Duration.ofHours(1));
    kit.engine.jobExecutor().executeDueJobs();

    assertThat(kit.activeActivities(instance.id())).containsExactly("remind");
    assertThat(kit.subscriptions()).isEmpty();
    assertThat(kit.history(instance.id()))
        .extracting(r -> r.get("activity_id") + ":" + r.get("activity_type"))
        .contains("late:intermediateTimer");
  }
}
