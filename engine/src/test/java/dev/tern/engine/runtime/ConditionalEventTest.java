package dev.tern.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.query.Page;
import dev.tern.engine.task.Task;
import dev.tern.engine.task.TaskQuery;
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
 * Conditional events as Camunda 7.24 evaluates them: when their scope is entered and whenever a
 * variable changes (through the API or in a run, e.g. a delegate), filtered by {@code
 * camunda:variableName} and {@code camunda:variableEvents}.
 */
@DatabaseTest
class ConditionalEventTest {

  private static final String PROCESSES =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <process id="watch" isExecutable="true" camunda:historyTimeToLive="5">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
          <userTask id="work"/>
          <sequenceFlow id="f2" sourceRef="work" targetRef="gate"/>
          <intermediateCatchEvent id="gate">
            <conditionalEventDefinition camunda:variableEvents="create"><condition>${open}</condition></conditionalEventDefinition>
          </intermediateCatchEvent>
          <sequenceFlow id="f3" sourceRef="gate" targetRef="through"/>
          <userTask id="through"/>
          <boundaryEvent id="noted" attachedToRef="work" cancelActivity="false">
            <conditionalEventDefinition camunda:variableName="x"><condition>${x == 1}</condition></conditionalEventDefinition>
          </boundaryEvent>
          <sequenceFlow id="f4" sourceRef="noted" targetRef="note"/>
          <userTask id="note"/>
          <boundaryEvent id="stopped" attachedToRef="work">
            <conditionalEventDefinition><condition>${stop == true}</condition></conditionalEventDefinition>
          </boundaryEvent>
          <sequenceFlow id="f5" sourceRef="stopped" targetRef="halted"/>
          <userTask id="halted"/>
        </process>
        <process id="parallel" isExecutable="true" camunda:historyTimeToLive="5">
          <startEvent id="pStart"/>
          <sequenceFlow id="p1" sourceRef="pStart" targetRef="fork"/>
          <parallelGateway id="fork"/>
          <sequenceFlow id="p2" sourceRef="fork" targetRef="review"/>
          <sequenceFlow id="p3" sourceRef="fork" targetRef="check"/>
          <userTask id="review"/>
          <serviceTask id="check" camunda:expression="${execution.setVariable('stop', true)}"/>
          <sequenceFlow id="p4" sourceRef="check" targetRef="checked"/>
          <userTask id="checked"/>
          <boundaryEvent id="reviewStopped" attachedToRef="review">
            <conditionalEventDefinition><condition>${stop}</condition></conditionalEventDefinition>
          </boundaryEvent>
          <sequenceFlow id="p5" sourceRef="reviewStopped" targetRef="abandoned"/>
          <userTask id="abandoned"/>
        </process>
        <process id="alarm" isExecutable="true" camunda:historyTimeToLive="5">
          <startEvent id="aStart"/>
          <sequenceFlow id="a1" sourceRef="aStart" targetRef="wait"/>
          <userTask id="wait"/>
          <subProcess id="onAlarm" triggeredByEvent="true">
            <startEvent id="alarmStart" isInterrupting="false">
              <conditionalEventDefinition><condition>${temperature > 90}</condition></conditionalEventDefinition>
            </startEvent>
            <sequenceFlow id="a2" sourceRef="alarmStart" targetRef="cool"/>
            <userTask id="cool"/>
          </subProcess>
        </process>
      </definitions>
      """;

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-05-01T09:00:00Z"));
  private final ProcessEngine engine;

  ConditionalEventTest(TestDatabase db) {
    this.db = db;
    this.engine =
        ProcessEngine.builder().database(db.database()).clock(clock).startJobExecutor(false).build();
    engine
        .deploymentService()
        .deploy(
            NewDeployment.of(Map.of("conditions.bpmn", PROCESSES.getBytes(StandardCharsets.UTF_8)))
                .withDuplicateFiltering(true));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private String start(String key, Map<String, Object> variables) {
    return engine.runtimeService().startProcessInstanceByKey(key, null, null, variables).id();
  }

  private List<String> openTasks(String instance) {
    return engine.taskService()
        .list(Caller.SYSTEM, new TaskQuery().set("processInstanceId", instance), Page.ALL)
        .stream()
        .map(Task::taskDefinitionKey)
        .sorted()
        .toList();
  }

  private void set(String instance, String name, Object value) {
    engine.processInstances().setVariable(instance, name, TypedValue.fromJava(value));
  }

  private void complete(String instance, String activity) {
    Task task =
        engine.taskService()
            .list(
                Caller.SYSTEM,
                new TaskQuery().set("processInstanceId", instance).set("taskDefinitionKey", activity),
                Page.ALL)
            .get(0);
    engine.taskService().complete(Caller.SYSTEM, task.id(), Map.of(), false);
  }

  @Test
  void aNonInterruptingBoundaryFiresOnEntryAndOnEachChangeOfItsVariable() {
    String instance = start("watch", Map.of("x", 1, "stop", false));
    assertThat(openTasks(instance)).as("true when the task started").containsExactly("note", "work");
    assertThat(
            db.rows(
                "SELECT event_type, event_name FROM tern_event_subscription"
                    + " WHERE process_instance_id = ? AND activity_id = 'noted'",
                instance))
        .hasSize(1)
        .allSatisfy(row -> assertThat(row.get("event_name")).isNull())
        .allSatisfy(row -> assertThat(row.get("event_type")).isEqualTo("conditional"));

    set(instance, "x", 1);
    assertThat(openTasks(instance)).containsExactly("note", "note", "work");

    set(instance, "other", 1);
    set(instance, "x", 2);
    assertThat(openTasks(instance))
        .as("another variable, or x no longer 1")
        .containsExactly("note", "note", "work");
  }

  @Test
  void anInterruptingBoundaryCancelsItsActivityWhenItsConditionBecomesTrue() {
    String instance = start("watch", Map.of("x", 0, "stop", false));

    set(instance, "stop", true);

    assertThat(openTasks(instance)).containsExactly("halted");
    assertThat(
            db.rows(
                "SELECT canceled FROM tern_hi_activity_instance"
                    + " WHERE process_instance_id = ? AND activity_id = 'work'",
                instance))
        .extracting(row -> row.get("canceled"))
        .containsExactly(true);
    assertThat(db.rows("SELECT id FROM tern_event_subscription WHERE process_instance_id = ?", instance))
        .as("the activity's subscriptions went with it")
        .isEmpty();
  }

  @Test
  void anIntermediateCatchWaitsUntilAVariableEventItListensToMakesItTrue() {
    String instance = start("watch", Map.of("x", 0, "stop", false, "open", false));
    complete(instance, "work");
    assertThat(openTasks(instance)).isEmpty();

    set(instance, "open", true);
    assertThat(openTasks(instance)).as("an update; it listens to create only").isEmpty();

    set(instance, "newcomer", "hi");
    assertThat(openTasks(instance)).containsExactly("through");
  }

  @Test
  void anIntermediateCatchWhoseConditionHoldsOnArrivalPassesAtOnce() {
    String instance = start("watch", Map.of("x", 0, "stop", false, "open", true));

    complete(instance, "work");

    assertThat(openTasks(instance)).containsExactly("through");
  }

  @Test
  void aVariableADelegateSetsTriggersTheBoundaryOfAnotherToken() {
    String instance = start("parallel", Map.of("stop", false));

    assertThat(openTasks(instance)).containsExactly("abandoned", "checked");
  }

  @Test
  void aConditionThatIsNoBooleanFailsTheCallAndKeepsNothing() {
    String instance = start("watch", Map.of("x", 0, "stop", false, "open", false));
    complete(instance, "work");
    set(instance, "open", "yes");

    assertThatThrownBy(() -> set(instance, "newcomer", 1))
        .hasMessageContaining("condition expression returns non-Boolean: result has class java.lang.String")
        .hasMessageContaining("of conditional event 'gate'");
    assertThat(engine.processInstances().variable(instance, "newcomer")).isEmpty();
    assertThat(openTasks(instance)).isEmpty();
  }

  @Test
  void aConditionalEventSubProcessStartsBesideTheProcessOnEachTrueChange() {
    String instance = start("alarm", Map.of("temperature", 20));
    assertThat(openTasks(instance)).containsExactly("wait");

    set(instance, "temperature", 95);
    assertThat(openTasks(instance)).containsExactly("cool", "wait");
  }
}
