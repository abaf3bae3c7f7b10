package dev.tern.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.TernException;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

@DatabaseTest
class InterpreterFlowTest {

  private final RuntimeTestKit kit;

  InterpreterFlowTest(TestDatabase db) {
    this.kit = new RuntimeTestKit(db);
  }

  @Test
  void startToEndCompletesInTheStartCallAndLeavesOnlyHistory() {
    String definition =
        kit.deploy(Bpmn.createExecutableProcess("straight").startEvent("start").endEvent("end").done());
    Instant started = kit.clock.instant();

    ProcessInstance instance =
        kit.runtime.startProcessInstanceById(definition, "order-1", Map.of("amount", 5));

    assertThat(instance.ended()).isTrue();
    assertThat(instance.businessKey()).isEqualTo("order-1");
    assertThat(instance.definitionId()).isEqualTo(definition);
    assertThat(kit.instanceExists(instance.id())).isFalse();
    assertThat(kit.variables(instance.id())).isEmpty();
    assertThat(kit.executions(instance.id())).isEmpty();
    Map<String, Object> history = kit.historicInstance(instance.id());
    assertThat(history.get("state")).isEqualTo("COMPLETED");
    assertThat(history.get("end_activity_id")).isEqualTo("end");
    assertThat(history.get("start_activity_id")).isEqualTo("start");
    assertThat(history.get("business_key")).isEqualTo("order-1");
    assertThat(((Number) history.get("duration_ms")).longValue()).isZero();
    assertThat(history.get("end_time")).isNotNull();
    assertThat(kit.historicActivityIds(instance.id())).containsExactlyInAnyOrder("start", "end");
    assertThat(kit.historicActivities(instance.id()))
        .allSatisfy(row -> assertThat(row.get("end_time")).isNotNull());
    assertThat(started).isEqualTo(kit.clock.instant());
  }

  @Test
  void userTaskWaitsUntilCompletedAndHistoryRecordsTheDuration() {
    String definition =
        kit.deploy(userTaskProcess("approval", "approve"));

    ProcessInstance instance = kit.start(definition, Map.of("clerk", "ann"));

    assertThat(instance.ended()).isFalse();
    assertThat(kit.instanceExists(instance.id())).isTrue();
    assertThat(kit.executions(instance.id()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.activityId()).isEqualTo("approve");
              assertThat(e.state()).isEqualTo(ExecutionState.WAITING);
              assertThat(e.id()).isEqualTo(instance.id());
            });
    assertThat(kit.historicInstance(instance.id()).get("state")).isEqualTo("ACTIVE");

    kit.clock.advance(Duration.ofMinutes(3));
    kit.runtime.completeUserTask(instance.id(), "approve", Map.of("approved", true));

    assertThat(kit.instanceExists(instance.id())).isFalse();
    Map<String, Object> history = kit.historicInstance(instance.id());
    assertThat(history.get("state")).isEqualTo("COMPLETED");
    assertThat(((Number) history.get("duration_ms")).longValue()).isEqualTo(180_000L);
    assertThat(kit.historicActivities(instance.id()))
        .filteredOn(row -> row.get("activity_id").equals("approve"))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(((Number) row.get("duration_ms")).longValue()).isEqualTo(180_000L);
              assertThat(row.get("activity_type")).isEqualTo("userTask");
            });
  }

  @Test
  void completingAUserTaskThatDoesNotWaitIsNotFound() {
    String definition =
        kit.deploy(userTaskProcess("approval2", "approve"));
    ProcessInstance instance = kit.start(definition);

    assertThatThrownBy(() -> kit.runtime.completeUserTask(instance.id(), "other"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("other");
    assertThatThrownBy(() -> kit.runtime.completeUserTask("no-such-instance", "approve"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no-such-instance");
    assertThat(kit.executions(instance.id())).hasSize(1);
  }

  @Test
  void startByKeyUsesTheLatestVersion() {
    kit.deploy(userTaskProcess("versioned", "v1"));
    String second = kit.deploy(userTaskProcess("versioned", "v2"));

    ProcessInstance instance =
        kit.runtime.startProcessInstanceByKey("versioned", null, "bk", Map.of());

    assertThat(instance.definitionId()).isEqualTo(second);
    assertThat(kit.executions(instance.id())).extracting(ExecutionRow::activityId).containsExactly("v2");
    assertThatThrownBy(() -> kit.runtime.startProcessInstanceByKey("unknown-key", null, null, Map.of()))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("unknown-key");
  }

  @Test
  void exclusiveGatewayTakesTheFirstTrueConditionInDocumentOrder() {
    String definition = kit.deployXml(gatewayModel("xor", "fDefault"));

    ProcessInstance big = kit.start(definition, Map.of("amount", 500));
    ProcessInstance bigger = kit.start(definition, Map.of("amount", 5000));
    ProcessInstance small = kit.start(definition, Map.of("amount", 5));

    assertThat(waitingAt(big)).isEqualTo("large");
    assertThat(waitingAt(bigger)).isEqualTo("large"); // both conditions true: the first one wins
    assertThat(waitingAt(small)).isEqualTo("fallback");
  }

  @Test
  void exclusiveGatewayWithoutMatchingFlowOrDefaultFailsWithCamundasMessageAndKeepsNothing() {
    String definition = kit.deployXml(gatewayModel("xor-nodefault", null));

    assertThatThrownBy(() -> kit.start(definition, Map.of("amount", 5)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessage(
            "ENGINE-02004 No outgoing sequence flow for the element with id 'gateway' could be"
                + " selected for continuing the process.");
    assertThat(kit.count("SELECT COUNT(*) FROM tern_process_instance WHERE proc_def_id = ?", definition))
        .isZero();
    assertThat(kit.count("SELECT COUNT(*) FROM tern_hi_process_instance WHERE proc_def_id = ?", definition))
        .isZero();
  }

  @Test
  void unknownVariableInAConditionIsAClientErrorNamingTheExpression() {
    String definition = kit.deployXml(gatewayModel("xor-unknown", "fDefault"));

    assertThatThrownBy(() -> kit.start(definition))
        .isInstanceOf(ProcessEngineException.class)
        .satisfies(e -> assertThat(((TernException) e).category()).isEqualTo(TernException.Category.BAD_REQUEST))
        .hasMessage(
            "Unknown property used in expression: ${amount > 100}. Cause: Cannot resolve"
                + " identifier 'amount'");
  }

  @Test
  void nonBooleanConditionIsRefused() {
    String definition =
        kit.deploy(
            Bpmn.createExecutableProcess("xor-string")
                .startEvent()
                .exclusiveGateway("gateway")
                .condition("yes", "${'yes'}")
                .userTask("a")
                .endEvent()
                .done());

    assertThatThrownBy(() -> kit.start(definition))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("non-Boolean");
  }

  @Test
  void parallelGatewayForksAndTheJoinWaitsForEveryIncomingToken() {
    String definition =
        kit.deploy(
            Bpmn.createExecutableProcess("parallel")
                .startEvent("start")
                .parallelGateway("fork")
                .userTask("taskA")
                .parallelGateway("join")
                .userTask("after")
                .endEvent("end")
                .moveToNode("fork")
                .userTask("taskB")
                .connectTo("join")
                .moveToNode("fork")
                .serviceTask("auto")
                .camundaExpression("${execution.setVariable('auto', true)}")
                .connectTo("join")
                .done());

    ProcessInstance instance = kit.start(definition);
    assertThat(kit.variable(instance.id(), "auto")).isEqualTo(true);
    assertThat(kit.executions(instance.id()))
        .extracting(e -> e.activityId() + "/" + e.state())
        .containsExactlyInAnyOrder("taskA/WAITING", "taskB/WAITING", "join/JOIN");

    kit.runtime.completeUserTask(instance.id(), "taskA");
    assertThat(kit.executions(instance.id()))
        .extracting(e -> e.activityId() + "/" + e.state())
        .containsExactlyInAnyOrder("taskB/WAITING", "join/JOIN", "join/JOIN");

    kit.runtime.completeUserTask(instance.id(), "taskB");
    assertThat(kit.executions(instance.id()))
        .extracting(e -> e.activityId() + "/" + e.state())
        .containsExactly("after/WAITING");

    kit.runtime.completeUserTask(instance.id(), "after");
    assertThat(kit.instanceExists(instance.id())).isFalse();
    assertThat(kit.historicInstance(instance.id()).get("state")).isEqualTo("COMPLETED");
  }

  @Test
  void serviceTaskExpressionWritesItsResultVariable() {
    String definition =
        kit.deploy(
            Bpmn.createExecutableProcess("expr")
                .startEvent()
                .serviceTask("compute")
                .camundaExpression("${amount * 2}")
                .camundaResultVariable("doubled")
                .userTask("wait")
                .endEvent()
                .done());

    ProcessInstance instance = kit.start(definition, Map.of("amount", 21));

    assertThat(kit.variable(instance.id(), "doubled")).isEqualTo(42L);
  }

  private String waitingAt(ProcessInstance instance) {
    return kit.executions(instance.id()).get(0).activityId();
  }

  private static BpmnModelInstance userTaskProcess(String key, String taskId) {
    return Bpmn.createExecutableProcess(key).startEvent("start").userTask(taskId).endEvent("end").done();
  }

  /** An exclusive gateway: flows to large (amount > 100), huge (amount > 1000), fallback (default). */
  private static String gatewayModel(String key, String defaultFlow) {
    return """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="%s" isExecutable="true" camunda:historyTimeToLive="30">
            <startEvent id="start"/>
            <sequenceFlow id="f0" sourceRef="start" targetRef="gateway"/>
            <exclusiveGateway id="gateway" %s/>
            %s
            <sequenceFlow id="fLarge" sourceRef="gateway" targetRef="large">
              <conditionExpression xsi:type="tFormalExpression">${amount > 100}</conditionExpression>
            </sequenceFlow>
            <sequenceFlow id="fHuge" sourceRef="gateway" targetRef="huge">
              <conditionExpression xsi:type="tFormalExpression">${amount > 1000}</conditionExpression>
            </sequenceFlow>
            <userTask id="large"/>
            <userTask id="huge"/>
            <userTask id="fallback"/>
          </process>
        </definitions>
        """
        .formatted(
            key,
            defaultFlow == null ? "" : "default=\"" + defaultFlow + "\"",
            defaultFlow == null
                ? ""
                : "<sequenceFlow id=\"" + defaultFlow + "\" sourceRef=\"gateway\" targetRef=\"fallback\"/>");
  }
}
