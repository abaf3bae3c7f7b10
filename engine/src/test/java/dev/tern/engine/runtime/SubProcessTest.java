package dev.tern.engine.runtime;

import static dev.tern.engine.runtime.ScopeEngine.flow;
import static dev.tern.engine.runtime.ScopeEngine.process;
import static dev.tern.engine.runtime.ScopeEngine.subProcess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.event.MessageCorrelation;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Embedded sub-processes as Camunda 7.24 runs them: the token at the sub-process is the scope
 * execution of the tokens inside; the sub-process completes when its last inner token ends; its
 * boundary events (timer, message, signal, error, escalation) cancel everything inside when they
 * interrupt; errors and escalations propagate outwards to the nearest scope that catches them.
 */
@DatabaseTest
class SubProcessTest {

  private final ScopeEngine kit;

  SubProcessTest(TestDatabase db) {
    this.kit = new ScopeEngine(db);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  /** start → sub(inside) → after (user task) → end. */
  private void deployAround(String inside, String boundaries) {
    kit.deploy(ScopeEngine.aroundSub(inside, boundaries));
  }

  @Test
  void theInsideRunsInTheScopeOfTheSubProcessThenTheTokenContinuesAfterIt() {
    deployAround(
        flow("s1", "sub_start", "inner") + "<userTask id=\"inner\"/>" + flow("s2", "inner", "sub_end")
            + "<endEvent id=\"sub_end\"/>",
        "");
    String pi = kit.start("p");

    assertThat(kit.executions(pi))
        .extracting(r -> r.get("activity_id") + "<" + r.get("parent_id"))
        .containsExactlyInAnyOrder("sub<null", "inner<" + pi);

    kit.complete(pi, "inner");

    assertThat(kit.executions(pi))
        .extracting(r -> r.get("activity_id") + "<" + r.get("parent_id"))
        .containsExactly("after<null");
    assertThat(kit.historyOf(pi, "sub"))
        .satisfies(
            r -> {
              assertThat(r.get("activity_type")).isEqualTo("subProcess");
              assertThat(r.get("end_time")).isNotNull();
              assertThat(r.get("canceled")).isEqualTo(false);
            });
    assertThat(kit.historyOf(pi, "sub_end").get("activity_type")).isEqualTo("noneEndEvent");

    kit.complete(pi, "after");
    assertThat(kit.instanceExists(pi)).isFalse();
  }

  @Test
  void theSubProcessCompletesOnlyWhenItsLastInnerTokenEnds() {
    deployAround(
        flow("s1", "sub_start", "fork")
            + "<parallelGateway id=\"fork\"/>"
            + flow("s2", "fork", "a")
            + flow("s3", "fork", "b")
            + "<userTask id=\"a\"/><userTask id=\"b\"/>"
            + flow("s4", "a", "endA")
            + flow("s5", "b", "endB")
            + "<endEvent id=\"endA\"/><endEvent id=\"endB\"/>",
        "");
    String pi = kit.start("p");

    kit.complete(pi, "a");
    assertThat(kit.activeActivities(pi)).containsExactlyInAnyOrder("sub", "b");

    kit.complete(pi, "b");
    assertThat(kit.activeActivities(pi)).containsExactly("after");
  }

  @Test
  void nestedSubProcessesCompleteInsideOut() {
    deployAround(
        flow("s1", "sub_start", "inner")
            + subProcess("inner", flow("i1", "inner_start", "task") + "<userTask id=\"task\"/>"
                + flow("i2", "task", "inner_end") + "<endEvent id=\"inner_end\"/>")
            + flow("s2", "inner", "sub_end")
            + "<endEvent id=\"sub_end\"/>",
        "");
    String pi = kit.start("p");
    assertThat(kit.activeActivities(pi)).containsExactlyInAnyOrder("sub", "inner", "task");

    kit.complete(pi, "task");

    assertThat(kit.activeActivities(pi)).containsExactly("after");
    assertThat(kit.historyOf(pi, "inner").get("end_time")).isNotNull();
  }

  @Test
  void anAsyncTaskInsideContinuesInItsScopeFromItsJob() {
    deployAround(
        flow("s1", "sub_start", "work")
            + "<serviceTask id=\"work\" camunda:asyncBefore=\"true\" camunda:expression=\"${true}\"/>"
            + flow("s2", "work", "sub_end")
            + "<endEvent id=\"sub_end\"/>",
        "");
    String pi = kit.start("p");
    assertThat(kit.executions(pi))
        .extracting(r -> r.get("activity_id") + ":" + r.get("state") + "<" + r.get("parent_id"))
        .containsExactlyInAnyOrder("sub:WAITING<null", "work:ASYNC<" + pi);

    kit.engine.jobExecutor().executeDueJobs();

    assertThat(kit.activeActivities(pi)).containsExactly("after");
  }

  @Test
  void anErrorEndEventInsideIsCaughtByTheSubProcessBoundaryWhichCancelsTheRest() {
    deployAround(
        flow("s1", "sub_start", "fork")
            + "<parallelGateway id=\"fork\"/>"
            + flow("s2", "fork", "waiting")
            + flow("s3", "fork", "fail")
            + "<userTask id=\"waiting\"/>"
            + "<serviceTask id=\"fail\" camunda:asyncBefore=\"true\" camunda:expression=\"${true}\"/>"
            + flow("s4", "fail", "error")
            + "<endEvent id=\"error\"><errorEventDefinition errorRef=\"e1\"/></endEvent>",
        "<boundaryEvent id=\"any\" attachedToRef=\"sub\"><errorEventDefinition/></boundaryEvent>"
            + flow("b0", "any", "wrong")
            + "<userTask id=\"wrong\"/>"
            + "<boundaryEvent id=\"caught\" attachedToRef=\"sub\"><errorEventDefinition errorRef=\"e1\""
            + " camunda:errorCodeVariable=\"code\"/></boundaryEvent>"
            + flow("b1", "caught", "handle")
            + "<userTask id=\"handle\"/>");
    String pi = kit.start("p");
    assertThat(kit.activeActivities(pi)).containsExactlyInAnyOrder("sub", "waiting", "fail");

    kit.engine.jobExecutor().executeDueJobs();

    assertThat(kit.executions(pi))
        .extracting(r -> r.get("activity_id") + "<" + r.get("parent_id"))
        .containsExactly("handle<null");
    assertThat(kit.variable(pi, "code")).isEqualTo("E1");
    assertThat(kit.taskCount(pi)).isEqualTo(1);
    assertThat(kit.historyOf(pi, "waiting").get("canceled")).isEqualTo(true);
    assertThat(kit.historyOf(pi, "sub").get("canceled")).isEqualTo(true);
    assertThat(kit.historyOf(pi, "error").get("canceled")).isEqualTo(false);
    assertThat(kit.count("tern_job", pi)).isZero();
  }

  @Test
  void aBpmnErrorOfATaskPropagatesThroughScopesWithoutABoundaryToTheOneThatCatchesIt() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>"
                + flow("f1", "start", "outer")
                + subProcess(
                    "outer",
                    flow("o1", "outer_start", "inner")
                        + subProcess(
                            "inner",
                            flow("i1", "inner_start", "review")
                                + "<userTask id=\"review\"/>"
                                + flow("i2", "review", "inner_end")
                                + "<endEvent id=\"inner_end\"/>")
                        + "<boundaryEvent id=\"otherCode\" attachedToRef=\"inner\"><errorEventDefinition errorRef=\"e2\"/></boundaryEvent>"
                        + flow("o2", "otherCode", "o_end")
                        + flow("o3", "inner", "o_end")
                        + "<endEvent id=\"o_end\"/>")
                + "<boundaryEvent id=\"caught\" attachedToRef=\"outer\"><errorEventDefinition errorRef=\"e1\""
                + " camunda:errorMessageVariable=\"why\"/></boundaryEvent>"
                + flow("b1", "caught", "handle")
                + "<userTask id=\"handle\"/>"
                + flow("f2", "outer", "end")
                + "<endEvent id=\"end\"/>"));
    String pi = kit.start("p");
    assertThat(kit.activeActivities(pi)).containsExactlyInAnyOrder("outer", "inner", "review");

    kit.engine
        .taskService()
        .handleBpmnError(Caller.SYSTEM, kit.task(pi, "review").id(), "E1", "rejected", Map.of());

    assertThat(kit.activeActivities(pi)).containsExactly("handle");
    assertThat(kit.variable(pi, "why")).isEqualTo("rejected");
    assertThat(kit.historyOf(pi, "inner").get("canceled")).isEqualTo(true);
    assertThat(kit.historyOf(pi, "outer").get("canceled")).isEqualTo(true);
  }

  @Test
  void anExternalTaskBpmnErrorIsCaughtByTheEnclosingSubProcess() {
    deployAround(
        flow("s1", "sub_start", "charge")
            + "<serviceTask id=\"charge\" camunda:type=\"external\" camunda:topic=\"charge\"/>"
            + flow("s2", "charge", "sub_end")
            + "<endEvent id=\"sub_end\"/>",
        "<boundaryEvent id=\"caught\" attachedToRef=\"sub\"><errorEventDefinition errorRef=\"e1\"/></boundaryEvent>"
            + flow("b1", "caught", "handle")
            + "<userTask id=\"handle\"/>");
    String pi = kit.start("p");

    kit.engine.externalTaskService().handleBpmnError(kit.fetchOne("charge"), "w", "E1", null, null);

    assertThat(kit.activeActivities(pi)).containsExactly("handle");
    assertThat(kit.count("tern_external_task", pi)).isZero();
  }

  @Test
  void anUncaughtErrorEndEventEndsItsTokenAndTheSubProcessCompletes() {
    deployAround(
        flow("s1", "sub_start", "error") + "<endEvent id=\"error\"><errorEventDefinition errorRef=\"e2\"/></endEvent>",
        "<boundaryEvent id=\"caught\" attachedToRef=\"sub\"><errorEventDefinition errorRef=\"e1\"/></boundaryEvent>"
            + flow("b1", "caught", "handle")
            + "<userTask id=\"handle\"/>");
    String pi = kit.start("p");

    assertThat(kit.activeActivities(pi)).containsExactly("after");
  }

  @Test
  void aTimerBoundaryOnTheSubProcessRemovesEverythingInside() {
    deployAround(
        flow("s1", "sub_start", "fork")
            + "<parallelGateway id=\"fork\"/>"
            + flow("s2", "fork", "review")
            + flow("s3", "fork", "charge")
            + flow("s4", "fork", "inner")
            + "<userTask id=\"review\"/>"
            + "<serviceTask id=\"charge\" camunda:type=\"external\" camunda:topic=\"charge\"/>"
            + subProcess("inner", flow("i1", "inner_start", "wait")
                + "<intermediateCatchEvent id=\"wait\"><messageEventDefinition messageRef=\"m\"/></intermediateCatchEvent>"),
        "<boundaryEvent id=\"timeout\" attachedToRef=\"sub\"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>"
            + flow("b1", "timeout", "late")
            + "<userTask id=\"late\"/>");
    String pi = kit.start("p");
    assertThat(kit.activeActivities(pi)).containsExactlyInAnyOrder("sub", "review", "charge", "inner", "wait");

    kit.clock.advance(Duration.ofHours(2));
    kit.engine.jobExecutor().executeDueJobs();

    assertThat(kit.activeActivities(pi)).containsExactly("late");
    assertThat(kit.count("tern_external_task", pi)).isZero();
    assertThat(kit.count("tern_event_subscription", pi)).isZero();
    assertThat(kit.count("tern_job", pi)).isZero();
    assertThat(kit.taskCount(pi)).isEqualTo(1);
    assertThat(kit.historyOf(pi, "inner").get("canceled")).isEqualTo(true);
    assertThat(kit.historyOf(pi, "wait").get("canceled")).isEqualTo(true);
  }

  @Test
  void aTimerBoundaryOfACompletedSubProcessIsRemoved() {
    deployAround(
        flow("s1", "sub_start", "inner") + "<userTask id=\"inner\"/>" + flow("s2", "inner", "sub_end")
            + "<endEvent id=\"sub_end\"/>",
        "<boundaryEvent id=\"timeout\" attachedToRef=\"sub\"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>"
            + flow("b1", "timeout", "late")
            + "<userTask id=\"late\"/>");
    String pi = kit.start("p");
    assertThat(kit.count("tern_job", pi)).isEqualTo(1);

    kit.complete(pi, "inner");

    assertThat(kit.count("tern_job", pi)).isZero();
    assertThat(kit.activeActivities(pi)).containsExactly("after");
  }

  @Test
  void anInterruptingMessageBoundaryAndANonInterruptingSignalBoundaryOnTheSubProcess() {
    deployAround(
        flow("s1", "sub_start", "review") + "<userTask id=\"review\"/>",
        "<boundaryEvent id=\"notified\" attachedToRef=\"sub\" cancelActivity=\"false\"><signalEventDefinition signalRef=\"s\"/></boundaryEvent>"
            + flow("b1", "notified", "note")
            + "<userTask id=\"note\"/>"
            + "<boundaryEvent id=\"cancelled\" attachedToRef=\"sub\"><messageEventDefinition messageRef=\"m\"/></boundaryEvent>"
            + flow("b2", "cancelled", "cancelEnd")
            + "<endEvent id=\"cancelEnd\"/>");
    String pi = kit.start("p");

    kit.engine.signalService().signal("notify", null, null, false, Map.of());

    assertThat(kit.activeActivities(pi)).containsExactlyInAnyOrder("sub", "review", "note");

    kit.engine.messageCorrelationService().correlate(MessageCorrelation.named("cancel").build());

    assertThat(kit.activeActivities(pi)).containsExactly("note");
    assertThat(kit.historyOf(pi, "review").get("canceled")).isEqualTo(true);
    assertThat(kit.count("tern_event_subscription", pi)).isZero();
  }

  @Test
  void anEscalationInsideIsCaughtByAnEscalationBoundaryOfTheSubProcess() {
    deployAround(
        flow("s1", "sub_start", "warn")
            + "<intermediateThrowEvent id=\"warn\"><escalationEventDefinition escalationRef=\"esc\"/></intermediateThrowEvent>"
            + flow("s2", "warn", "review")
            + "<userTask id=\"review\"/>"
            + flow("s3", "review", "giveUp")
            + "<endEvent id=\"giveUp\"><escalationEventDefinition escalationRef=\"esc\"/></endEvent>",
        "<boundaryEvent id=\"noted\" attachedToRef=\"sub\" cancelActivity=\"false\"><escalationEventDefinition escalationRef=\"esc\""
            + " camunda:escalationCodeVariable=\"escalation\"/></boundaryEvent>"
            + flow("b1", "noted", "note")
            + "<userTask id=\"note\"/>");
    String pi = kit.start("p");

    assertThat(kit.activeActivities(pi)).containsExactlyInAnyOrder("sub", "review", "note");
    assertThat(kit.variable(pi, "escalation")).isEqualTo("LATE");

    kit.complete(pi, "review");

    // the escalation end event is caught (non-interrupting) again, and the sub-process completes
    assertThat(kit.activeActivities(pi)).containsExactlyInAnyOrder("note", "after", "note");
  }

  @Test
  void anInterruptingEscalationBoundaryCancelsTheSubProcess() {
    deployAround(
        flow("s1", "sub_start", "fork")
            + "<parallelGateway id=\"fork\"/>"
            + flow("s2", "fork", "review")
            + flow("s3", "fork", "giveUp")
            + "<userTask id=\"review\"/>"
            + "<endEvent id=\"giveUp\"><escalationEventDefinition escalationRef=\"esc\"/></endEvent>",
        "<boundaryEvent id=\"escalated\" attachedToRef=\"sub\"><escalationEventDefinition/></boundaryEvent>"
            + flow("b1", "escalated", "boss")
            + "<userTask id=\"boss\"/>");
    String pi = kit.start("p");

    assertThat(kit.activeActivities(pi)).containsExactly("boss");
    assertThat(kit.historyOf(pi, "sub").get("canceled")).isEqualTo(true);
    assertThat(kit.taskCount(pi)).isEqualTo(1);
  }

  @Test
  void aTerminateEndEventInsideEndsOnlyTheSubProcess() {
    deployAround(
        flow("s1", "sub_start", "fork")
            + "<parallelGateway id=\"fork\"/>"
            + flow("s2", "fork", "review")
            + flow("s3", "fork", "stop")
            + "<userTask id=\"review\"/>"
            + "<endEvent id=\"stop\"><terminateEventDefinition/></endEvent>",
        "");
    String pi = kit.start("p");

    assertThat(kit.activeActivities(pi)).containsExactly("after");
    assertThat(kit.historyOf(pi, "review").get("canceled")).isEqualTo(true);
    assertThat(kit.historyOf(pi, "sub").get("canceled")).isEqualTo(false);
  }

  @Test
  void aTerminateEndEventInTheProcessEndsTheSubProcessesToo() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>"
                + flow("f1", "start", "fork")
                + "<parallelGateway id=\"fork\"/>"
                + flow("f2", "fork", "sub")
                + flow("f3", "fork", "gate")
                + subProcess("sub", flow("s1", "sub_start", "review") + "<userTask id=\"review\"/>")
                + "<userTask id=\"gate\"/>"
                + flow("f4", "gate", "stop")
                + "<endEvent id=\"stop\"><terminateEventDefinition/></endEvent>"));
    String pi = kit.start("p");

    kit.complete(pi, "gate");

    assertThat(kit.instanceExists(pi)).isFalse();
    assertThat(kit.historyOf(pi, "review").get("canceled")).isEqualTo(true);
    assertThat(kit.historyOf(pi, "sub").get("canceled")).isEqualTo(true);
  }
}
