package dev.tern.engine.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.TernException;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.query.Page;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Escalation and error boundary events attached to a user task itself, triggered by the task's
 * {@code handleEscalation} / {@code handleBpmnError} as in Camunda 7.24.
 */
@DatabaseTest
class TaskEscalationTest {

  private static final String PROCESS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <escalation id="late" escalationCode="LATE"/>
        <escalation id="help" escalationCode="HELP"/>
        <error id="veto" errorCode="VETO"/>
        <process id="review" isExecutable="true" camunda:historyTimeToLive="5">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="sub"/>
          <subProcess id="sub">
            <startEvent id="subStart"/>
            <sequenceFlow id="s1" sourceRef="subStart" targetRef="check"/>
            <userTask id="check"/>
            <sequenceFlow id="s2" sourceRef="check" targetRef="subEnd"/>
            <endEvent id="subEnd"/>
            <boundaryEvent id="checkLate" attachedToRef="check">
              <escalationEventDefinition escalationRef="late" camunda:escalationCodeVariable="level"/>
            </boundaryEvent>
            <sequenceFlow id="s3" sourceRef="checkLate" targetRef="hurry"/>
            <userTask id="hurry"/>
            <sequenceFlow id="s4" sourceRef="hurry" targetRef="subEnd"/>
            <boundaryEvent id="checkHelp" attachedToRef="check" cancelActivity="false">
              <escalationEventDefinition escalationRef="help"/>
            </boundaryEvent>
            <sequenceFlow id="s5" sourceRef="checkHelp" targetRef="assist"/>
            <userTask id="assist"/>
            <sequenceFlow id="s6" sourceRef="assist" targetRef="helped"/>
            <endEvent id="helped"/>
          </subProcess>
          <sequenceFlow id="f2" sourceRef="sub" targetRef="end"/>
          <endEvent id="end"/>
          <boundaryEvent id="subLate" attachedToRef="sub">
            <escalationEventDefinition escalationRef="late"/>
          </boundaryEvent>
          <sequenceFlow id="f3" sourceRef="subLate" targetRef="chase"/>
          <userTask id="chase"/>
        </process>
        <process id="panel" isExecutable="true" camunda:historyTimeToLive="5">
          <startEvent id="pStart"/>
          <sequenceFlow id="p1" sourceRef="pStart" targetRef="vote"/>
          <userTask id="vote">
            <multiInstanceLoopCharacteristics><loopCardinality>2</loopCardinality></multiInstanceLoopCharacteristics>
          </userTask>
          <sequenceFlow id="p2" sourceRef="vote" targetRef="pEnd"/>
          <endEvent id="pEnd"/>
          <boundaryEvent id="voteLate" attachedToRef="vote">
            <escalationEventDefinition escalationRef="late"/>
          </boundaryEvent>
          <sequenceFlow id="p3" sourceRef="voteLate" targetRef="decideAlone"/>
          <userTask id="decideAlone"/>
          <boundaryEvent id="voteVetoed" attachedToRef="vote">
            <errorEventDefinition errorRef="veto"/>
          </boundaryEvent>
          <sequenceFlow id="p4" sourceRef="voteVetoed" targetRef="pVetoed"/>
          <endEvent id="pVetoed"/>
        </process>
      </definitions>
      """;

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-03-02T10:00:00Z"));
  private final ProcessEngine engine;
  private final TaskService tasks;

  TaskEscalationTest(TestDatabase db) {
    this.db = db;
    this.engine =
        ProcessEngine.builder().database(db.database()).clock(clock).startJobExecutor(false).build();
    this.tasks = engine.taskService();
    engine
        .deploymentService()
        .deploy(
            NewDeployment.of(Map.of("review.bpmn", PROCESS.getBytes(StandardCharsets.UTF_8)))
                .withDuplicateFiltering(true));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private String start(String key) {
    return engine.runtimeService().startProcessInstanceByKey(key, null, null, Map.of()).id();
  }

  private List<Task> tasksOf(String instance, String activity) {
    return tasks.list(
        Caller.SYSTEM,
        new TaskQuery().set("processInstanceId", instance).set("taskDefinitionKey", activity),
        Page.ALL);
  }

  private String taskAt(String instance, String activity) {
    List<Task> found = tasksOf(instance, activity);
    assertThat(found).as("tasks at %s", activity).hasSize(1);
    return found.get(0).id();
  }

  private List<String> openTaskKeys(String instance) {
    return tasks.list(Caller.SYSTEM, new TaskQuery().set("processInstanceId", instance), Page.ALL)
        .stream()
        .map(Task::taskDefinitionKey)
        .toList();
  }

  private Object variable(String instance, String name) {
    return engine.processInstances().variable(instance, name).map(TypedValue::value).orElse(null);
  }

  private List<Object> canceledHistoryOf(String instance, String activity) {
    return db
        .rows(
            "SELECT canceled FROM tern_hi_activity_instance WHERE process_instance_id = ? AND activity_id = ?",
            instance,
            activity)
        .stream()
        .map(r -> r.get("canceled"))
        .toList();
  }

  @Test
  void theTasksOwnInterruptingBoundaryTakesTheEscalationBeforeTheSubProcesses() {
    String instance = start("review");
    String check = taskAt(instance, "check");

    tasks.handleEscalation(
        Caller.SYSTEM, check, "LATE", Map.of("reason", TypedValue.fromJava("too slow")));

    assertThat(openTaskKeys(instance)).containsExactly("hurry");
    assertThat(variable(instance, "level")).isEqualTo("LATE");
    assertThat(variable(instance, "reason")).isEqualTo("too slow");
    assertThat(canceledHistoryOf(instance, "check")).containsExactly(true);
    assertThat(
            db.rows("SELECT delete_reason FROM tern_hi_task WHERE id = ?", check).get(0)
                .get("delete_reason"))
        .isEqualTo("deleted");
  }

  @Test
  void aNonInterruptingBoundaryOfTheTaskSendsATokenPerEscalationAndKeepsTheTask() {
    String instance = start("review");
    String check = taskAt(instance, "check");

    tasks.handleEscalation(Caller.SYSTEM, check, "HELP", Map.of());
    tasks.handleEscalation(Caller.SYSTEM, check, "HELP", Map.of());

    assertThat(openTaskKeys(instance)).containsExactlyInAnyOrder("check", "assist", "assist");
    tasks.complete(Caller.SYSTEM, check, Map.of(), false);
    for (Task assist : tasksOf(instance, "assist")) {
      tasks.complete(Caller.SYSTEM, assist.id(), Map.of(), false);
    }
    assertThat(db.rows("SELECT state FROM tern_hi_process_instance WHERE id = ?", instance).get(0)
            .get("state"))
        .isEqualTo("COMPLETED");
  }

  @Test
  void anEscalationFromOneInstanceOfAMultiInstanceTaskIsCaughtByTheBodysBoundary() {
    String instance = start("panel");
    List<Task> votes = tasksOf(instance, "vote");
    assertThat(votes).hasSize(2);

    tasks.handleEscalation(Caller.SYSTEM, votes.get(0).id(), "LATE", Map.of());

    assertThat(openTaskKeys(instance)).containsExactly("decideAlone");
  }

  @Test
  void anEscalationNothingCatchesIsRefusedAndChangesNothing() {
    String instance = start("review");
    String check = taskAt(instance, "check");

    assertThatThrownBy(
            () ->
                tasks.handleEscalation(
                    Caller.SYSTEM, check, "NOBODY", Map.of("reason", TypedValue.fromJava("x"))))
        .isInstanceOf(TernException.class)
        .hasMessage(
            "ENGINE-02043 Execution with id 'check' throws an escalation event with escalationCode"
                + " 'NOBODY', but no escalation handler was defined. ");
    assertThatThrownBy(() -> tasks.handleEscalation(Caller.SYSTEM, check, null, Map.of()))
        .hasMessage("escalationCode is null");

    assertThat(openTaskKeys(instance)).containsExactly("check");
    assertThat(variable(instance, "reason")).isNull();
  }

  @Test
  void anUncaughtBpmnErrorCompletesTheTasksActivityAndTheTokenEnds() {
    String instance = start("review");
    String check = taskAt(instance, "check");

    tasks.handleBpmnError(Caller.SYSTEM, check, "OTHER", "no", Map.of());

    assertThat(openTaskKeys(instance)).isEmpty();
    assertThat(canceledHistoryOf(instance, "check")).containsExactly(false);
    assertThat(canceledHistoryOf(instance, "sub")).containsExactly(false);
    assertThat(db.rows("SELECT state FROM tern_hi_process_instance WHERE id = ?", instance).get(0)
            .get("state"))
        .isEqualTo("COMPLETED");
  }

  @Test
  void aBpmnErrorOfAMultiInstanceTaskIsCaughtByTheBodysErrorBoundary() {
    String instance = start("panel");
    List<Task> votes = tasksOf(instance, "vote");

    tasks.handleBpmnError(Caller.SYSTEM, votes.get(1).id(), "VETO", null, Map.of());

    assertThat(openTaskKeys(instance)).isEmpty();
    assertThat(canceledHistoryOf(instance, "vote")).containsOnly(true);
  }
}
