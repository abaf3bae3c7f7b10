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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code camunda:taskListener}s as Camunda 7.24 runs them: create (then assignment when the task
 * has an assignee), update then assignment on changes, complete before the token moves on, delete
 * when the task is removed otherwise; listener code changes the task and variables.
 */
@DatabaseTest
class TaskListenerTest {

  private static final String ALL_EVENTS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <error id="veto" errorCode="VETO"/>
        <process id="review" isExecutable="true" camunda:historyTimeToLive="5">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="check"/>
          <userTask id="check" name="Check" camunda:assignee="${first}">
            <extensionElements>
              <camunda:taskListener event="create" delegateExpression="${recorder}"/>
              <camunda:taskListener event="create"
                  expression="${task.setVariableLocal('seenBy', task.assignee)}"/>
              <camunda:taskListener event="assignment" delegateExpression="${recorder}"/>
              <camunda:taskListener event="update" delegateExpression="${recorder}"/>
              <camunda:taskListener event="complete" delegateExpression="${recorder}"/>
              <camunda:taskListener event="complete"
                  expression="${task.setVariable('total', amount * 2)}"/>
              <camunda:taskListener event="delete" delegateExpression="${recorder}"/>
            </extensionElements>
          </userTask>
          <sequenceFlow id="f2" sourceRef="check" targetRef="decide"/>
          <exclusiveGateway id="decide"/>
          <sequenceFlow id="big" sourceRef="decide" targetRef="bigEnd">
            <conditionExpression>${total > 100}</conditionExpression>
          </sequenceFlow>
          <sequenceFlow id="small" sourceRef="decide" targetRef="smallEnd">
            <conditionExpression>${total &lt;= 100}</conditionExpression>
          </sequenceFlow>
          <endEvent id="bigEnd"/>
          <endEvent id="smallEnd"/>
          <boundaryEvent id="vetoed" attachedToRef="check">
            <errorEventDefinition errorRef="veto"/>
          </boundaryEvent>
          <sequenceFlow id="f3" sourceRef="vetoed" targetRef="smallEnd"/>
          <boundaryEvent id="late" attachedToRef="check">
            <timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>
          </boundaryEvent>
          <sequenceFlow id="f4" sourceRef="late" targetRef="smallEnd"/>
        </process>
        <process id="routing" isExecutable="true" camunda:historyTimeToLive="5">
          <startEvent id="s"/>
          <sequenceFlow id="g1" sourceRef="s" targetRef="route"/>
          <userTask id="route">
            <extensionElements>
              <camunda:taskListener event="create"
                  expression="${task.setAssignee(owner)}"/>
              <camunda:taskListener event="create"
                  expression="${task.addCandidateGroup('clerks')}"/>
              <camunda:taskListener event="assignment"
                  expression="${task.setPriority(task.assignee == 'ann' ? 90 : 10)}"/>
              <camunda:taskListener event="update" delegateExpression="${notAListener}"/>
            </extensionElements>
          </userTask>
          <sequenceFlow id="g2" sourceRef="route" targetRef="e"/>
          <endEvent id="e"/>
        </process>
      </definitions>
      """;

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-03-02T10:00:00Z"));
  private final List<String> events = new CopyOnWriteArrayList<>();
  private ProcessEngine engine;
  private TaskService tasks;

  TaskListenerTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void deploy() {
    db.database()
        .useTransaction(
            h -> {
              for (String table :
                  List.of(
                      "tern_hi_identity_link",
                      "tern_hi_task",
                      "tern_task_variable",
                      "tern_task",
                      "tern_job",
                      "tern_execution",
                      "tern_process_instance")) {
                h.execute("DELETE FROM " + table);
              }
            });
    TaskListener recorder =
        task -> events.add(task.getEventName() + ":" + task.getAssignee());
    engine =
        ProcessEngine.builder()
            .database(db.database())
            .clock(clock)
            .startJobExecutor(false)
            .beans(Map.of("recorder", recorder, "notAListener", "just a string"))
            .build();
    tasks = engine.taskService();
    engine
        .deploymentService()
        .deploy(
            NewDeployment.of(Map.of("listeners.bpmn", ALL_EVENTS.getBytes(StandardCharsets.UTF_8)))
                .withDuplicateFiltering(true));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private String start(String key, Map<String, Object> variables) {
    return engine.runtimeService().startProcessInstanceByKey(key, null, null, variables).id();
  }

  private Task taskOf(String instance) {
    List<Task> found =
        tasks.list(Caller.SYSTEM, new TaskQuery().set("processInstanceId", instance), new Page(0, null));
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void createFiresBeforeAssignmentAndChangesFireUpdateThenAssignment() {
    String instance = start("review", Map.of("first", "ann", "amount", 10));
    Task task = taskOf(instance);

    assertThat(events).containsExactly("create:ann", "assignment:ann");
    assertThat(tasks.variables(Caller.SYSTEM, task.id(), true).get("seenBy").value())
        .isEqualTo("ann");

    events.clear();
    tasks.setAssignee(Caller.SYSTEM, task.id(), "bob");
    assertThat(events).containsExactly("update:bob", "assignment:bob");

    events.clear();
    tasks.update(
        Caller.SYSTEM,
        task.id(),
        new TaskChanges("Check again", null, "bob", null, null, 60, null, null, null, null));
    assertThat(events).containsExactly("update:bob");
  }

  @Test
  void completeListenersSeeTheCompletionVariablesAndTheirVariablesSteerTheProcess() {
    String instance = start("review", Map.of("first", "ann", "amount", 10));
    events.clear();

    tasks.complete(
        Caller.SYSTEM, taskOf(instance).id(), Map.of("amount", TypedValue.fromJava(60)), false);

    assertThat(events).containsExactly("complete:ann");
    assertThat(engine.historicProcessInstances().get(instance).endActivityId()).isEqualTo("bigEnd");
  }

  @Test
  void aBpmnErrorAndAnInterruptingTimerFireDeleteNotComplete() {
    String vetoed = start("review", Map.of("first", "ann", "amount", 10));
    String late = start("review", Map.of("first", "cy", "amount", 10));
    events.clear();

    tasks.handleBpmnError(Caller.SYSTEM, taskOf(vetoed).id(), "VETO", null, Map.of());
    assertThat(events).containsExactly("delete:ann");

    events.clear();
    clock.advance(Duration.ofHours(2));
    engine.jobExecutor().executeDueJobs();
    assertThat(events).containsExactly("delete:cy");
    assertThat(tasks.count(Caller.SYSTEM, new TaskQuery())).isZero();
  }

  @Test
  void aCreateListenerAssignsAndAddsCandidatesAndTheAssignmentListenerRunsAfterIt() {
    String instance = start("routing", Map.of("owner", "ann"));

    Task task = taskOf(instance);
    assertThat(task.assignee()).isEqualTo("ann");
    assertThat(task.priority()).isEqualTo(90);
    assertThat(tasks.identityLinks(Caller.SYSTEM, task.id(), null))
        .contains(
            new IdentityLink("ann", null, "assignee"),
            new IdentityLink(null, "clerks", "candidate"));
  }

  @Test
  void aFailingListenerFailsTheCallAndKeepsNothing() {
    String instance = start("routing", Map.of("owner", "ann"));
    Task task = taskOf(instance);

    assertThatThrownBy(() -> tasks.setAssignee(Caller.SYSTEM, task.id(), "bob"))
        .isInstanceOf(TernException.class)
        .hasMessageContaining("Delegate expression ${notAListener} did not resolve to an implementation of interface dev.tern.engine.task.TaskListener");

    assertThat(taskOf(instance).assignee()).isEqualTo("ann");
  }
}
