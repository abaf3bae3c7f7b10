package dev.tern.engine.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.runtime.ProcessInstance;
import dev.tern.engine.runtime.SignalService;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Signal events as Camunda 7.24 documents them: a signal is broadcast to every subscribed token
 * and signal start event (throw events within the thrower's tenant and tenant-less ones), catch
 * events and boundaries (interrupting or not) receive it, and nobody listening is no error.
 */
@DatabaseTest
class SignalEventTest {

  private final MessageEngine kit;
  private final SignalService signals;

  SignalEventTest(TestDatabase db) {
    this.kit = new MessageEngine(db);
    this.signals = kit.engine.signalService();
  }

  @AfterEach
  void close() {
    kit.close();
  }

  private static BpmnModelInstance waitingFor(String key, String signal) {
    return Bpmn.createExecutableProcess(key)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .intermediateCatchEvent("wait")
        .signal(signal)
        .userTask("after")
        .endEvent()
        .done();
  }

  private ProcessInstance start(String key) {
    return kit.engine.runtimeService().startProcessInstanceByKey(key, null, null, Map.of());
  }

  @Test
  void aSignalReachesEveryWaitingTokenAndSetsTheVariables() {
    kit.deploy(waitingFor("a", "alarm"));
    ProcessInstance first = start("a");
    ProcessInstance second = start("a");
    assertThat(kit.subscriptions())
        .extracting(EventSubscription::eventType, EventSubscription::eventName)
        .containsOnly(org.assertj.core.groups.Tuple.tuple("signal", "alarm"));

    signals.signal("alarm", null, null, false, Map.of("level", "high"));

    assertThat(kit.activeActivities(first.id())).containsExactly("after");
    assertThat(kit.activeActivities(second.id())).containsExactly("after");
    assertThat(kit.variable(second.id(), "level")).isEqualTo("high");
    assertThat(kit.history(first.id()))
        .extracting(r -> r.get("activity_id") + ":" + r.get("activity_type"))
        .contains("wait:intermediateSignalCatch");
    assertThat(kit.subscriptions()).isEmpty();
  }

  @Test
  void aSignalNobodyWaitsForIsNoError() {
    signals.signal("nobody", null, null, false, Map.of());
    assertThat(kit.subscriptions()).isEmpty();
  }

  @Test
  void aSignalStartEventStartsAnInstanceOfTheLatestVersionPerSignal() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("onAlarm")
            .camundaHistoryTimeToLive(1)
            .startEvent("started")
            .signal("alarm")
            .userTask("handle")
            .endEvent()
            .done();
    kit.deploy(model);
    String latest = kit.deploy(model).id();

    signals.signal("alarm", null, null, false, Map.of("source", "test"));

    List<Map<String, Object>> instances =
        kit.rows("SELECT id, proc_def_id FROM tern_process_instance");
    assertThat(instances).singleElement().satisfies(r -> assertThat(r.get("proc_def_id")).isEqualTo(latest));
    String id = (String) instances.get(0).get("id");
    assertThat(kit.activeActivities(id)).containsExactly("handle");
    assertThat(kit.variable(id, "source")).isEqualTo("test");
    assertThat(kit.history(id))
        .extracting(r -> r.get("activity_id") + ":" + r.get("activity_type"))
        .contains("started:signalStartEvent");
  }

  @Test
  void anIntermediateThrowMovesOtherInstancesAndTheThrowerGoesOn() {
    kit.deploy(waitingFor("listener", "go"));
    kit.deploy(
        Bpmn.createExecutableProcess("thrower")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .intermediateThrowEvent("none")
            .intermediateThrowEvent("send")
            .signal("go")
            .userTask("afterThrow")
            .endEvent()
            .done());
    ProcessInstance listener = start("listener");

    ProcessInstance thrower = start("thrower");

    assertThat(kit.activeActivities(listener.id())).containsExactly("after");
    assertThat(kit.activeActivities(thrower.id())).containsExactly("afterThrow");
    assertThat(kit.history(thrower.id()))
        .extracting(r -> r.get("activity_id") + ":" + r.get("activity_type"))
        .contains("none:intermediateNoneThrowEvent", "send:intermediateSignalThrow");
  }

  @Test
  void aSignalEndEventReachesATokenOfItsOwnInstance() {
    kit.deploy(
        Bpmn.createExecutableProcess("both")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .parallelGateway("fork")
            .intermediateCatchEvent("wait")
            .signal("done")
            .endEvent("caught")
            .moveToNode("fork")
            .endEvent("shout")
            .signal("done")
            .done());

    ProcessInstance instance = start("both");

    assertThat(instance.ended()).isTrue();
    assertThat(kit.instanceState(instance.id())).isEqualTo("COMPLETED");
    assertThat(kit.history(instance.id()))
        .extracting(r -> r.get("activity_id") + ":" + r.get("activity_type"))
        .contains("shout:signalEndEvent", "caught:noneEndEvent");
    assertThat(kit.subscriptions()).isEmpty();
  }

  @Test
  void interruptingAndNonInterruptingSignalBoundaries() {
    kit.deploy(
        Bpmn.createExecutableProcess("work")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("task")
            .boundaryEvent("note")
            .cancelActivity(false)
            .signal("notify")
            .userTask("read")
            .moveToActivity("task")
            .boundaryEvent("abort")
            .signal("stop")
            .endEvent("aborted")
            .moveToActivity("task")
            .endEvent("done")
            .done());
    ProcessInstance instance = start("work");

    signals.signal("notify", null, null, false, Map.of());
    assertThat(kit.activeActivities(instance.id())).containsExactlyInAnyOrder("task", "read");

    signals.signal("stop", null, null, false, Map.of());
    assertThat(kit.activeActivities(instance.id())).containsExactly("read");
    assertThat(kit.history(instance.id()))
        .filteredOn(r -> "task".equals(r.get("activity_id")))
        .singleElement()
        .satisfies(r -> assertThat(r.get("canceled")).isEqualTo(true));
    assertThat(kit.subscriptions()).isEmpty();
  }

  @Test
  void anExecutionIdLimitsTheSignalToThatToken() {
    kit.deploy(waitingFor("a", "alarm"));
    ProcessInstance first = start("a");
    ProcessInstance second = start("a");

    // the catch event waits in an execution of its own (Camunda 7.24 reference server)
    String waiting =
        kit.subscriptions().stream()
            .filter(sub -> sub.processInstanceId().equals(second.id()))
            .findFirst()
            .orElseThrow()
            .executionId();
    signals.signal("alarm", waiting, null, false, Map.of());

    assertThat(kit.activeActivities(first.id())).containsExactly("wait");
    assertThat(kit.activeActivities(second.id())).containsExactly("after");
    assertThatThrownBy(() -> signals.signal("other", first.id(), null, false, Map.of()))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessage(
            "Execution '" + first.id() + "' has not subscribed to a signal event with name 'other'.");
    assertThatThrownBy(() -> signals.signal("alarm", first.id(), "t1", false, Map.of()))
        .hasMessageContaining("Cannot specify a tenant-id when deliver a signal to a single execution.");
    assertThat(kit.activeActivities(first.id())).containsExactly("wait");
  }

  @Test
  void aThrowerOfATenantReachesItsTenantAndTenantlessOnes() {
    String listener = Bpmn.convertToString(waitingFor("listener", "go"));
    kit.deploy(listener, "t1");
    kit.deploy(listener, "t2");
    kit.deploy(listener);
    kit.deploy(
        Bpmn.convertToString(
            Bpmn.createExecutableProcess("thrower")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .intermediateThrowEvent()
                .signal("go")
                .endEvent()
                .done()),
        "t1");
    var runtime = kit.engine.runtimeService();
    ProcessInstance one = runtime.startProcessInstanceByKey("listener", "t1", null, Map.of());
    ProcessInstance two = runtime.startProcessInstanceByKey("listener", "t2", null, Map.of());
    ProcessInstance none = start("listener");

    runtime.startProcessInstanceByKey("thrower", "t1", null, Map.of());

    assertThat(kit.activeActivities(one.id())).containsExactly("after");
    assertThat(kit.activeActivities(none.id())).containsExactly("after");
    assertThat(kit.activeActivities(two.id())).containsExactly("wait");

    signals.signal("go", null, "t2", false, Map.of());
    assertThat(kit.activeActivities(two.id())).containsExactly("after");
  }

  /** BPMN XML with the signal {@code sig} named {@code name} and the given process. */
  private static String withSignal(String name, String process) {
    return """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <signal id="sig" name="%s"/>
          %s
        </definitions>
        """
        .formatted(name, process);
  }

  private static String thrower(String signalDefinition) {
    return withSignal("go", """
          <process id="thrower" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="send"/>
            <intermediateThrowEvent id="send">
              <extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="note">urgent</camunda:inputParameter>
                </camunda:inputOutput>
              </extensionElements>
              %s
            </intermediateThrowEvent>
            <sequenceFlow id="f2" sourceRef="send" targetRef="afterThrow"/>
            <userTask id="afterThrow"/>
          </process>
        """
        .formatted(signalDefinition));
  }

  @Test
  void theInVariablesOfAThrownSignalReachTheCatchersAndTheInstancesItStarts() {
    kit.deploy(waitingFor("listener", "go"));
    kit.deploy(
        Bpmn.createExecutableProcess("onGo")
            .camundaHistoryTimeToLive(1)
            .startEvent("started")
            .signal("go")
            .userTask("handle")
            .endEvent()
            .done());
    kit.deploy(
        thrower(
            """
            <signalEventDefinition signalRef="sig">
              <extensionElements>
                <camunda:in source="order" target="orderId"/>
                <camunda:in sourceExpression="${amount * 2}" target="doubled"/>
                <camunda:in variables="all" local="true"/>
                <camunda:in businessKey="${order}"/>
              </extensionElements>
            </signalEventDefinition>
            """));
    ProcessInstance listener = start("listener");

    ProcessInstance thrower =
        kit.engine
            .runtimeService()
            .startProcessInstanceByKey("thrower", null, null, Map.of("order", "o-1", "amount", 5));

    assertThat(kit.activeActivities(thrower.id())).containsExactly("afterThrow");
    assertThat(kit.activeActivities(listener.id())).containsExactly("after");
    assertThat(kit.variable(listener.id(), "orderId")).isEqualTo("o-1");
    assertThat(kit.variable(listener.id(), "doubled")).isEqualTo(10L);
    assertThat(kit.variable(listener.id(), "note")).isEqualTo("urgent");
    assertThat(kit.variable(listener.id(), "amount")).isNull();
    List<Map<String, Object>> started =
        kit.rows(
            "SELECT id, business_key FROM tern_process_instance WHERE proc_def_key = 'onGo'");
    assertThat(started).singleElement().satisfies(r -> assertThat(r.get("business_key")).isEqualTo("o-1"));
    String startedId = (String) started.get(0).get("id");
    assertThat(kit.variable(startedId, "orderId")).isEqualTo("o-1");
    assertThat(kit.variable(startedId, "note")).isEqualTo("urgent");
    assertThat(kit.variable(startedId, "order")).isNull();
  }

  @Test
  void anAsynchronousSignalThrowIsRefusedAtDeployment() {
    assertThatThrownBy(
            () ->
                kit.deploy(
                    thrower("<signalEventDefinition signalRef=\"sig\" camunda:async=\"true\"/>")))
        .hasMessageContaining(
            "Signal event 'send' throws its signal asynchronously (camunda:async=\"true\"); Tern"
                + " delivers a thrown signal synchronously");
  }

  @Test
  void aSignalEndEventSendsItsVariablesToItsOwnInstanceAndANullBusinessKeyStaysNull() {
    kit.deploy(
        Bpmn.createExecutableProcess("onDone")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .signal("done")
            .userTask("handle")
            .done());
    kit.deploy(
        withSignal("done", """
          <process id="both" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="fork"/>
            <parallelGateway id="fork"/>
            <sequenceFlow id="f2" sourceRef="fork" targetRef="wait"/>
            <intermediateCatchEvent id="wait"><signalEventDefinition signalRef="sig"/></intermediateCatchEvent>
            <sequenceFlow id="f3" sourceRef="wait" targetRef="caught"/>
            <userTask id="caught"/>
            <sequenceFlow id="f4" sourceRef="fork" targetRef="shout"/>
            <endEvent id="shout">
              <signalEventDefinition signalRef="sig">
                <extensionElements>
                  <camunda:in sourceExpression="${'sent'}" target="state"/>
                  <camunda:in businessKey="${null}"/>
                </extensionElements>
              </signalEventDefinition>
            </endEvent>
          </process>
        """));

    ProcessInstance instance = start("both");

    assertThat(kit.activeActivities(instance.id())).containsExactly("caught");
    assertThat(kit.variable(instance.id(), "state")).isEqualTo("sent");
    assertThat(kit.rows("SELECT business_key FROM tern_process_instance WHERE proc_def_key = 'onDone'"))
        .singleElement()
        .satisfies(r -> assertThat(r.get("business_key")).isNull());
  }
}
