package dev.tern.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Terminate end events, link events and uncaught escalations as Camunda 7.24 documents them for a
 * process without sub-processes: terminate ends every token of the instance, a link throw goes on
 * at the link catch of its name, an escalation nobody catches lets the token pass (throw) or end.
 */
@DatabaseTest
class TerminateLinkEscalationTest {

  private final RuntimeTestKit kit;

  TerminateLinkEscalationTest(TestDatabase db) {
    this.kit = new RuntimeTestKit(db);
  }

  private static String process(String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\">"
        + "<message id=\"m\" name=\"never\"/><escalation id=\"esc\" escalationCode=\"LATE\"/>"
        + "<process id=\"p\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
        + body
        + "</process></definitions>";
  }

  private static String flow(String id, String from, String to) {
    return "<sequenceFlow id=\"" + id + "\" sourceRef=\"" + from + "\" targetRef=\"" + to + "\"/>";
  }

  @Test
  void terminateEndEventEndsEveryOtherTokenAndTheInstance() {
    String definition =
        kit.deployXml(
            process(
                "<startEvent id=\"start\"/>"
                    + flow("f0", "start", "fork")
                    + "<parallelGateway id=\"fork\"/>"
                    + flow("f1", "fork", "review")
                    + flow("f2", "fork", "timer")
                    + flow("f3", "fork", "receive")
                    + flow("f4", "fork", "stop")
                    + "<userTask id=\"review\"/>"
                    + "<intermediateCatchEvent id=\"timer\"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></intermediateCatchEvent>"
                    + "<receiveTask id=\"receive\" messageRef=\"m\"/>"
                    + "<endEvent id=\"stop\"><terminateEventDefinition/></endEvent>"));

    ProcessInstance instance = kit.start(definition);

    assertThat(instance.ended()).isTrue();
    assertThat(kit.instanceExists(instance.id())).isFalse();
    assertThat(kit.historicInstance(instance.id()).get("state")).isEqualTo("COMPLETED");
    assertThat(kit.historicInstance(instance.id()).get("end_activity_id")).isEqualTo("stop");
    assertThat(kit.jobs(instance.id())).isEmpty();
    assertThat(kit.count("SELECT COUNT(*) FROM tern_event_subscription WHERE process_instance_id = ?", instance.id()))
        .isZero();
    assertThat(kit.historicActivities(instance.id()))
        .filteredOn(r -> java.util.List.of("review", "timer", "receive").contains(r.get("activity_id")))
        .hasSize(3)
        .allSatisfy(
            r -> {
              assertThat(r.get("canceled")).isEqualTo(true);
              assertThat(r.get("end_time")).isNotNull();
            });
    assertThat(kit.historicActivities(instance.id()))
        .filteredOn(r -> "stop".equals(r.get("activity_id")))
        .singleElement()
        .satisfies(r -> assertThat(r.get("activity_type")).isEqualTo("terminateEndEvent"));
  }

  @Test
  void terminateReachedLaterEndsTokensThatWaitSinceAnEarlierTransaction() {
    String definition =
        kit.deployXml(
            process(
                "<startEvent id=\"start\"/>"
                    + flow("f0", "start", "fork")
                    + "<parallelGateway id=\"fork\"/>"
                    + flow("f1", "fork", "first")
                    + flow("f2", "fork", "second")
                    + "<userTask id=\"first\"/>"
                    + flow("f3", "first", "stop")
                    + "<endEvent id=\"stop\"><terminateEventDefinition/></endEvent>"
                    + "<userTask id=\"second\"/>"
                    + flow("f4", "second", "end")
                    + "<endEvent id=\"end\"/>"));
    ProcessInstance instance = kit.start(definition);
    assertThat(kit.executions(instance.id())).hasSize(2);

    kit.runtime.completeUserTask(instance.id(), "first");

    assertThat(kit.instanceExists(instance.id())).isFalse();
    assertThat(kit.historicActivityIds(instance.id())).doesNotContain("end");
  }

  @Test
  void aLinkThrowContinuesAtTheLinkCatchOfItsName() {
    String definition =
        kit.deployXml(
            process(
                "<startEvent id=\"start\"/>"
                    + flow("f0", "start", "goTo")
                    + "<intermediateThrowEvent id=\"goTo\"><linkEventDefinition name=\"B\"/></intermediateThrowEvent>"
                    + "<intermediateCatchEvent id=\"fromA\"><linkEventDefinition name=\"A\"/></intermediateCatchEvent>"
                    + flow("f1", "fromA", "wrong")
                    + "<userTask id=\"wrong\"/>"
                    + "<intermediateCatchEvent id=\"fromB\"><linkEventDefinition name=\"B\"/></intermediateCatchEvent>"
                    + flow("f2", "fromB", "right")
                    + "<userTask id=\"right\"/>"));

    ProcessInstance instance = kit.start(definition);

    assertThat(kit.executions(instance.id())).singleElement().satisfies(e -> assertThat(e.activityId()).isEqualTo("right"));
    assertThat(kit.historicActivities(instance.id()))
        .extracting(r -> r.get("activity_id") + ":" + r.get("activity_type"))
        .containsExactlyInAnyOrder(
            "start:startEvent", "goTo:intermediateThrowEvent", "fromB:intermediateLinkCatch", "right:userTask");
  }

  @Test
  void anUncaughtEscalationPassesOnOrEndsTheToken() {
    String definition =
        kit.deployXml(
            process(
                "<startEvent id=\"start\"/>"
                    + flow("f0", "start", "raise")
                    + "<intermediateThrowEvent id=\"raise\"><escalationEventDefinition escalationRef=\"esc\"/></intermediateThrowEvent>"
                    + flow("f1", "raise", "done")
                    + "<endEvent id=\"done\"><escalationEventDefinition escalationRef=\"esc\"/></endEvent>"));

    ProcessInstance instance = kit.start(definition, Map.of());

    assertThat(instance.ended()).isTrue();
    assertThat(kit.historicActivities(instance.id()))
        .extracting(r -> r.get("activity_id") + ":" + r.get("activity_type"))
        .contains("raise:intermediateEscalationThrowEvent", "done:escalationEndEvent");
  }
}
