package dev.tern.engine.runtime;

import static dev.tern.engine.runtime.ScopeEngine.flow;
import static dev.tern.engine.runtime.ScopeEngine.process;
import static dev.tern.engine.runtime.ScopeEngine.subProcess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Event sub-processes with error and escalation start events, as Camunda 7.24 runs them: the
 * event sub-process of the scope an error or escalation is thrown in catches it before the
 * scope's boundary events; an interrupting one cancels the rest of the scope, a non-interrupting
 * one runs beside it; the scope completes when everything in it, the event sub-process included,
 * has ended.
 */
@DatabaseTest
class EventSubProcessTest {

  private final ScopeEngine kit;

  EventSubProcessTest(TestDatabase db) {
    this.kit = new ScopeEngine(db);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  private static String eventSubProcess(String id, String startDefinition, boolean interrupting, String body) {
    return "<subProcess id=\"" + id + "\" triggeredByEvent=\"true\"><startEvent id=\"" + id
        + "_start\" isInterrupting=\"" + interrupting + "\">" + startDefinition + "</startEvent>"
        + body + "</subProcess>";
  }

  @Test
  void anErrorEventSubProcessOfTheProcessCancelsEverythingAndTheInstanceEndsAfterIt() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>"
                + flow("f1", "start", "fork")
                + "<parallelGateway id=\"fork\"/>"
                + flow("f2", "fork", "review")
                + flow("f3", "fork", "charge")
                + "<userTask id=\"review\"/>"
                + "<serviceTask id=\"charge\" camunda:type=\"external\" camunda:topic=\"charge\"/>"
                + eventSubProcess(
                    "onError",
                    "<errorEventDefinition errorRef=\"e1\" camunda:errorCodeVariable=\"code\"/>",
                    true,
                    flow("e1f", "onError_start", "fix") + "<userTask id=\"fix\"/>"
                        + flow("e2f", "fix", "fixed") + "<endEvent id=\"fixed\"/>")));
    String pi = kit.start("p");

    kit.engine.externalTaskService().handleBpmnError(kit.fetchOne("charge"), "w", "E1", null, null);

    assertThat(kit.activeActivities(pi)).containsExactlyInAnyOrder("onError", "fix");
    assertThat(kit.variable(pi, "code")).isEqualTo("E1");
    assertThat(kit.historyOf(pi, "review").get("canceled")).isEqualTo(true);
    assertThat(kit.taskCount(pi)).isEqualTo(1);

    kit.complete(pi, "fix");

    assertThat(kit.instanceExists(pi)).isFalse();
  }

  @Test
  void theEventSubProcessOfASubProcessCatchesBeforeItsBoundaryAndTheSubProcessThenCompletes() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>"
                + flow("f1", "start", "sub")
                + subProcess(
                    "sub",
                    flow("s1", "sub_start", "fail")
                        + "<endEvent id=\"fail\"><errorEventDefinition errorRef=\"e1\"/></endEvent>"
                        + eventSubProcess(
                            "inside",
                            "<errorEventDefinition/>",
                            true,
                            flow("i1", "inside_start", "handled") + "<endEvent id=\"handled\"/>"))
                + "<boundaryEvent id=\"outside\" attachedToRef=\"sub\"><errorEventDefinition/></boundaryEvent>"
                + flow("b1", "outside", "wrong")
                + "<userTask id=\"wrong\"/>"
                + flow("f2", "sub", "after")
                + "<userTask id=\"after\"/>"));

    String pi = kit.start("p");

    assertThat(kit.activeActivities(pi)).containsExactly("after");
    assertThat(kit.historyOf(pi, "inside").get("activity_type")).isEqualTo("subProcess");
  }

  @Test
  void anErrorInsideTheEventSubProcessGoesToTheScopeAround() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>"
                + flow("f1", "start", "sub")
                + subProcess(
                    "sub",
                    flow("s1", "sub_start", "fail")
                        + "<endEvent id=\"fail\"><errorEventDefinition errorRef=\"e1\"/></endEvent>"
                        + eventSubProcess(
                            "inside",
                            "<errorEventDefinition errorRef=\"e1\"/>",
                            true,
                            flow("i1", "inside_start", "again")
                                + "<endEvent id=\"again\"><errorEventDefinition errorRef=\"e1\"/></endEvent>"))
                + "<boundaryEvent id=\"outside\" attachedToRef=\"sub\"><errorEventDefinition/></boundaryEvent>"
                + flow("b1", "outside", "handle")
                + "<userTask id=\"handle\"/>"
                + flow("f2", "sub", "after")
                + "<userTask id=\"after\"/>"));

    String pi = kit.start("p");

    assertThat(kit.activeActivities(pi)).containsExactly("handle");
  }

  @Test
  void aNonInterruptingEscalationEventSubProcessRunsBesideTheThrower() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>"
                + flow("f1", "start", "warn")
                + "<intermediateThrowEvent id=\"warn\"><escalationEventDefinition escalationRef=\"esc\"/></intermediateThrowEvent>"
                + flow("f2", "warn", "work")
                + "<userTask id=\"work\"/>"
                + flow("f3", "work", "end")
                + "<endEvent id=\"end\"/>"
                + eventSubProcess(
                    "onLate",
                    "<escalationEventDefinition escalationRef=\"esc\" camunda:escalationCodeVariable=\"level\"/>",
                    false,
                    flow("l1", "onLate_start", "inform") + "<userTask id=\"inform\"/>"
                        + flow("l2", "inform", "informed") + "<endEvent id=\"informed\"/>")));
    String pi = kit.start("p");

    assertThat(kit.activeActivities(pi)).containsExactlyInAnyOrder("work", "onLate", "inform");
    assertThat(kit.variable(pi, "level")).isEqualTo("LATE");
    assertThat(
            kit.engine.processInstances().activityInstances(Caller.SYSTEM, pi).childActivityInstances())
        .extracting(ActivityInstance::activityId)
        .containsExactlyInAnyOrder("work", "onLate");

    kit.complete(pi, "work");
    assertThat(kit.activeActivities(pi)).containsExactlyInAnyOrder("onLate", "inform");
    kit.complete(pi, "inform");

    assertThat(kit.instanceExists(pi)).isFalse();
  }

  @Test
  void anInterruptingEscalationEventSubProcessEndsTheThrowerAndTheRest() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>"
                + flow("f1", "start", "fork")
                + "<parallelGateway id=\"fork\"/>"
                + flow("f2", "fork", "review")
                + flow("f3", "fork", "review2")
                + "<userTask id=\"review\"/>"
                + "<userTask id=\"review2\"/>"
                + flow("f4", "review", "giveUp")
                + "<intermediateThrowEvent id=\"giveUp\"><escalationEventDefinition escalationRef=\"esc\"/></intermediateThrowEvent>"
                + flow("f5", "giveUp", "never")
                + "<userTask id=\"never\"/>"
                + eventSubProcess(
                    "onLate",
                    "<escalationEventDefinition/>",
                    true,
                    flow("l1", "onLate_start", "boss") + "<userTask id=\"boss\"/>")));
    String pi = kit.start("p", Map.of());

    kit.complete(pi, "review");

    assertThat(kit.activeActivities(pi)).containsExactlyInAnyOrder("onLate", "boss");
    assertThat(kit.historyOf(pi, "review2").get("canceled")).isEqualTo(true);
    assertThat(kit.historyOf(pi, "review").get("canceled")).isEqualTo(false);
  }
}
