package dev.tern.engine.runtime;

import static dev.tern.engine.runtime.ScopeEngine.flow;
import static dev.tern.engine.runtime.ScopeEngine.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Call activities as Camunda 7.24 runs them: the called instance knows its caller (super process
 * instance, root instance), {@code camunda:in}/{@code out} copy variables, the business key can be
 * passed, the caller waits until the called instance completes, errors nobody in the called
 * instance catches go to the call activity, and cancelling the call activity or deleting the
 * caller deletes the called instance.
 */
@DatabaseTest
class CallActivityTest {

  private final ScopeEngine kit;

  CallActivityTest(TestDatabase db) {
    this.kit = new ScopeEngine(db);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  private static String caller(String callActivity, String boundaries) {
    return process(
        "caller",
        "<startEvent id=\"start\"/>"
            + flow("f1", "start", "call")
            + callActivity
            + flow("f2", "call", "after")
            + "<userTask id=\"after\"/>"
            + flow("f3", "after", "end")
            + "<endEvent id=\"end\"/>"
            + boundaries);
  }

  private static String called(String key, String body) {
    return process(key, "<startEvent id=\"calledStart\"/>" + body);
  }

  private static final String WAITING_CHILD =
      called(
          "child",
          flow("c1", "calledStart", "work")
              + "<userTask id=\"work\"/>"
              + flow("c2", "work", "calledEnd")
              + "<endEvent id=\"calledEnd\"/>");

  @Test
  void theCalledInstanceGetsInVariablesAndTheBusinessKeyAndTheCallerGetsOutVariables() {
    kit.deployAll(
        Map.of(
            "child.bpmn", WAITING_CHILD,
            "caller.bpmn",
            caller(
                "<callActivity id=\"call\" calledElement=\"child\"><extensionElements>"
                    + "<camunda:in source=\"amount\" target=\"total\"/>"
                    + "<camunda:in sourceExpression=\"${amount * 2}\" target=\"doubled\"/>"
                    + "<camunda:in businessKey=\"#{'order-'.concat(customer)}\"/>"
                    + "<camunda:out source=\"verdict\" target=\"result\"/>"
                    + "</extensionElements></callActivity>",
                "")));
    String pi = kit.start("caller", Map.of("amount", 21, "customer", "ann", "secret", "x"));

    assertThat(kit.calledBy(pi)).hasSize(1);
    String child = kit.calledBy(pi).get(0);
    assertThat(kit.variable(child, "total")).isEqualTo(21);
    assertThat(kit.variable(child, "doubled")).isEqualTo(42L);
    assertThat(kit.variable(child, "secret")).isNull();
    assertThat(kit.rows("SELECT business_key, root_process_instance_id FROM tern_process_instance WHERE id = ?", child))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.get("business_key")).isEqualTo("order-ann");
              assertThat(r.get("root_process_instance_id")).isEqualTo(pi);
            });
    assertThat(kit.rows("SELECT super_process_instance_id FROM tern_hi_process_instance WHERE id = ?", child))
        .singleElement()
        .satisfies(r -> assertThat(r.get("super_process_instance_id")).isEqualTo(pi));
    assertThat(kit.activeActivities(pi)).containsExactly("call");

    kit.complete(child, "work", Map.of("verdict", TypedValue.fromJava("ok")));

    assertThat(kit.instanceExists(child)).isFalse();
    assertThat(kit.activeActivities(pi)).containsExactly("after");
    assertThat(kit.variable(pi, "result")).isEqualTo("ok");
    assertThat(kit.variable(pi, "verdict")).isNull();
    assertThat(kit.historyOf(pi, "call").get("activity_type")).isEqualTo("callActivity");
  }

  @Test
  void aCalledInstanceThatEndsAtOnceLetsTheCallerGoOnInTheSameCallWithAllVariables() {
    kit.deployAll(
        Map.of(
            "child.bpmn",
            called(
                "child",
                flow("c1", "calledStart", "compute")
                    + "<serviceTask id=\"compute\" camunda:expression=\"${n + 1}\" camunda:resultVariable=\"m\"/>"
                    + flow("c2", "compute", "calledEnd")
                    + "<endEvent id=\"calledEnd\"/>"),
            "caller.bpmn",
            caller(
                "<callActivity id=\"call\" calledElement=\"child\"><extensionElements>"
                    + "<camunda:in variables=\"all\"/><camunda:out variables=\"all\"/>"
                    + "</extensionElements></callActivity>",
                "")));

    String pi = kit.start("caller", Map.of("n", 1));

    assertThat(kit.activeActivities(pi)).containsExactly("after");
    assertThat(kit.variable(pi, "m")).isEqualTo(2L);
    assertThat(kit.rows("SELECT id FROM tern_hi_process_instance WHERE super_process_instance_id = ? AND state = 'COMPLETED'", pi))
        .hasSize(1);
  }

  @Test
  void bindingsChooseTheVersion() {
    String v1 = called("child", flow("c1", "calledStart", "one") + "<userTask id=\"one\"/>")
        .replace("<process id=\"child\"", "<process id=\"child\" camunda:versionTag=\"1.0\"");
    String withCaller =
        kit.deployAll(
            Map.of(
                "child.bpmn", v1,
                "caller.bpmn",
                process(
                    "caller",
                    "<startEvent id=\"start\"/>"
                        + flow("f1", "start", "fork")
                        + "<parallelGateway id=\"fork\"/>"
                        + flow("f2", "fork", "latest")
                        + flow("f3", "fork", "deployment")
                        + flow("f4", "fork", "version")
                        + flow("f5", "fork", "tag")
                        + "<callActivity id=\"latest\" calledElement=\"child\"/>"
                        + "<callActivity id=\"deployment\" calledElement=\"child\" camunda:calledElementBinding=\"deployment\"/>"
                        + "<callActivity id=\"version\" calledElement=\"child\" camunda:calledElementBinding=\"version\" camunda:calledElementVersion=\"1\"/>"
                        + "<callActivity id=\"tag\" calledElement=\"child\" camunda:calledElementBinding=\"versionTag\" camunda:calledElementVersionTag=\"1.0\"/>")));
    assertThat(withCaller).isNotNull();
    kit.deployAll(Map.of("child.bpmn", called("child", flow("c1", "calledStart", "two") + "<userTask id=\"two\"/>")));

    String pi = kit.start("caller");

    assertThat(
            kit.rows(
                "SELECT e.activity_id AS caller, c.activity_id AS inside FROM tern_process_instance ci"
                    + " JOIN tern_execution e ON e.id = ci.super_execution_id"
                    + " JOIN tern_execution c ON c.process_instance_id = ci.id"
                    + " WHERE ci.super_process_instance_id = ?",
                pi))
        .extracting(r -> r.get("caller") + ":" + r.get("inside"))
        .containsExactlyInAnyOrder("latest:two", "deployment:one", "version:one", "tag:one");
  }

  @Test
  void aCalledProcessThatDoesNotExistFailsTheCallAndNothingIsKept() {
    kit.deploy(caller("<callActivity id=\"call\" calledElement=\"missing\"/>", ""));

    assertThatThrownBy(() -> kit.start("caller"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("no processes deployed with key 'missing'");
    assertThat(kit.rows("SELECT id FROM tern_process_instance")).isEmpty();
  }

  @Test
  void anErrorNobodyCatchesInTheCalledInstanceIsCaughtByTheCallActivityBoundary() {
    kit.deployAll(
        Map.of(
            "child.bpmn",
            called(
                "child",
                flow("c1", "calledStart", "charge")
                    + "<serviceTask id=\"charge\" camunda:type=\"external\" camunda:topic=\"charge\"/>"),
            "caller.bpmn",
            caller(
                "<callActivity id=\"call\" calledElement=\"child\"/>",
                "<boundaryEvent id=\"failed\" attachedToRef=\"call\"><errorEventDefinition errorRef=\"e1\""
                    + " camunda:errorCodeVariable=\"code\"/></boundaryEvent>"
                    + flow("b1", "failed", "handle")
                    + "<userTask id=\"handle\"/>")));
    String pi = kit.start("caller");
    String child = kit.calledBy(pi).get(0);

    kit.engine.externalTaskService().handleBpmnError(kit.fetchOne("charge"), "w", "E1", null, null);

    assertThat(kit.instanceExists(child)).isFalse();
    assertThat(kit.activeActivities(pi)).containsExactly("handle");
    assertThat(kit.variable(pi, "code")).isEqualTo("E1");
    assertThat(kit.count("tern_external_task", child)).isZero();
  }

  @Test
  void anErrorEndEventOfAnInstanceCalledInTheSameCallReachesASubProcessAroundTheCallActivity() {
    kit.deployAll(
        Map.of(
            "child.bpmn",
            called(
                "child",
                flow("c1", "calledStart", "fail")
                    + "<endEvent id=\"fail\"><errorEventDefinition errorRef=\"e2\"/></endEvent>"),
            "caller.bpmn",
            process(
                "caller",
                "<startEvent id=\"start\"/>"
                    + flow("f1", "start", "sub")
                    + ScopeEngine.subProcess(
                        "sub",
                        flow("s1", "sub_start", "call")
                            + "<callActivity id=\"call\" calledElement=\"child\"/>"
                            + flow("s2", "call", "sub_end")
                            + "<endEvent id=\"sub_end\"/>")
                    + "<boundaryEvent id=\"failed\" attachedToRef=\"sub\"><errorEventDefinition/></boundaryEvent>"
                    + flow("b1", "failed", "handle")
                    + "<userTask id=\"handle\"/>")));

    String pi = kit.start("caller");

    assertThat(kit.activeActivities(pi)).containsExactly("handle");
    assertThat(kit.calledBy(pi)).isEmpty();
    assertThat(kit.historyOf(pi, "call").get("canceled")).isEqualTo(true);
  }

  @Test
  void anErrorNobodyCatchesEndsItsTokenInTheCalledInstance() {
    kit.deployAll(
        Map.of(
            "child.bpmn",
            called(
                "child",
                flow("c1", "calledStart", "fail")
                    + "<endEvent id=\"fail\"><errorEventDefinition errorRef=\"e2\"/></endEvent>"),
            "caller.bpmn",
            caller(
                "<callActivity id=\"call\" calledElement=\"child\"/>",
                "<boundaryEvent id=\"failed\" attachedToRef=\"call\"><errorEventDefinition errorRef=\"e1\"/></boundaryEvent>"
                    + flow("b1", "failed", "handle")
                    + "<userTask id=\"handle\"/>")));

    String pi = kit.start("caller");

    assertThat(kit.activeActivities(pi)).containsExactly("after");
  }

  @Test
  void escalationsOfTheCalledInstanceReachTheCallActivitysEscalationBoundaries() {
    kit.deployAll(
        Map.of(
            "child.bpmn",
            called(
                "child",
                flow("c1", "calledStart", "warn")
                    + "<intermediateThrowEvent id=\"warn\"><escalationEventDefinition escalationRef=\"esc\"/></intermediateThrowEvent>"
                    + flow("c2", "warn", "work")
                    + "<userTask id=\"work\"/>"
                    + flow("c3", "work", "giveUp")
                    + "<endEvent id=\"giveUp\"><escalationEventDefinition escalationRef=\"esc\"/></endEvent>"),
            "caller.bpmn",
            caller(
                "<callActivity id=\"call\" calledElement=\"child\"/>",
                "<boundaryEvent id=\"noted\" attachedToRef=\"call\" cancelActivity=\"false\">"
                    + "<escalationEventDefinition escalationRef=\"esc\" camunda:escalationCodeVariable=\"level\"/></boundaryEvent>"
                    + flow("b1", "noted", "note")
                    + "<userTask id=\"note\"/>")));
    String pi = kit.start("caller");
    String child = kit.calledBy(pi).get(0);

    assertThat(kit.activeActivities(pi)).containsExactlyInAnyOrder("call", "note");
    assertThat(kit.activeActivities(child)).containsExactly("work");
    assertThat(kit.variable(pi, "level")).isEqualTo("LATE");

    kit.complete(child, "work");

    // the escalation end event is caught without interrupting again; the called instance ends
    assertThat(kit.instanceExists(child)).isFalse();
    assertThat(kit.activeActivities(pi)).containsExactlyInAnyOrder("note", "note", "after");
  }

  @Test
  void anInterruptingEscalationBoundaryOfTheCallActivityDeletesTheCalledInstance() {
    kit.deployAll(
        Map.of(
            "child.bpmn",
            called(
                "child",
                flow("c1", "calledStart", "fork")
                    + "<parallelGateway id=\"fork\"/>"
                    + flow("c2", "fork", "work")
                    + flow("c3", "fork", "giveUp")
                    + "<userTask id=\"work\"/>"
                    + "<endEvent id=\"giveUp\"><escalationEventDefinition escalationRef=\"esc\"/></endEvent>"),
            "caller.bpmn",
            caller(
                "<callActivity id=\"call\" calledElement=\"child\"/>",
                "<boundaryEvent id=\"escalated\" attachedToRef=\"call\"><escalationEventDefinition/></boundaryEvent>"
                    + flow("b1", "escalated", "boss")
                    + "<userTask id=\"boss\"/>")));

    String pi = kit.start("caller");

    assertThat(kit.activeActivities(pi)).containsExactly("boss");
    assertThat(kit.calledBy(pi)).isEmpty();
    assertThat(kit.historyOf(pi, "call").get("canceled")).isEqualTo(true);
  }

  @Test
  void aTimerOnTheCallActivityAndDeletingTheCallerDeleteTheCalledInstance() {
    kit.deployAll(
        Map.of(
            "child.bpmn", WAITING_CHILD,
            "caller.bpmn",
            caller(
                "<callActivity id=\"call\" calledElement=\"child\"/>",
                "<boundaryEvent id=\"late\" attachedToRef=\"call\"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>"
                    + flow("b1", "late", "remind")
                    + "<userTask id=\"remind\"/>")));
    String timedOut = kit.start("caller");
    String timedOutChild = kit.calledBy(timedOut).get(0);
    String deleted = kit.start("caller");
    String deletedChild = kit.calledBy(deleted).get(0);

    kit.clock.advance(Duration.ofHours(2));
    kit.engine.processInstances().delete(deleted, "no longer needed");
    kit.engine.jobExecutor().executeDueJobs();

    assertThat(kit.activeActivities(timedOut)).containsExactly("remind");
    assertThat(kit.instanceExists(timedOutChild)).isFalse();
    assertThat(kit.taskCount(timedOutChild)).isZero();
    assertThat(kit.instanceExists(deleted)).isFalse();
    assertThat(kit.instanceExists(deletedChild)).isFalse();
    assertThat(kit.taskCount(deletedChild)).isZero();
  }
}
