package dev.tern.engine.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.deployment.ProcessDefinition;
import dev.tern.engine.runtime.MessageCorrelationService;
import dev.tern.engine.runtime.ProcessInstance;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Message events and {@code POST /message}'s engine side, as Camunda 7.24 documents them: message
 * start events (beside a none start event), intermediate catch events, receive tasks, interrupting
 * and non-interrupting message boundary events, and the correlation rules (business key,
 * correlation keys, process instance, tenant; exactly one receiver unless {@code all}).
 */
@DatabaseTest
class MessageCorrelationTest {

  private final MessageEngine kit;
  private final MessageCorrelationService messages;

  MessageCorrelationTest(TestDatabase db) {
    this.kit = new MessageEngine(db);
    this.messages = kit.engine.messageCorrelationService();
  }

  @AfterEach
  void close() {
    kit.close();
  }

  private static BpmnModelInstance waitingForPayment(String key) {
    return Bpmn.createExecutableProcess(key)
        .camundaHistoryTimeToLive(1)
        .startEvent("start")
        .intermediateCatchEvent("paid")
        .message("payment")
        .userTask("ship")
        .endEvent("end")
        .done();
  }

  private ProcessInstance start(String key, String businessKey, Map<String, Object> variables) {
    return kit.engine.runtimeService().startProcessInstanceByKey(key, null, businessKey, variables);
  }

  private List<dev.tern.engine.event.MessageCorrelationResult> correlate(MessageCorrelation.Builder builder) {
    return messages.correlate(builder.build());
  }

  @Test
  void intermediateCatchEventWaitsSubscribedAndTheMessageMovesItOnWithVariables() {
    kit.deploy(waitingForPayment("order"));
    ProcessInstance instance = start("order", "o-1", Map.of());

    assertThat(kit.activeActivities(instance.id())).containsExactly("paid");
    assertThat(kit.subscriptions())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.eventType()).isEqualTo("message");
              assertThat(s.eventName()).isEqualTo("payment");
              assertThat(s.activityId()).isEqualTo("paid");
              assertThat(s.processInstanceId()).isEqualTo(instance.id());
              // the catch event waits in an execution of its own (Camunda 7.24 reference server)
              assertThat(s.executionId()).isNotEqualTo(instance.id());
            });

    List<MessageCorrelationResult> results =
        correlate(
            MessageCorrelation.named("payment")
                .businessKey("o-1")
                .processVariables(Map.of("amount", 42)));

    assertThat(results)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.type()).isEqualTo(MessageCorrelationResult.Type.EXECUTION);
              assertThat(r.processInstanceId()).isEqualTo(instance.id());
              assertThat(r.executionEnded()).isFalse();
            });
    assertThat(kit.activeActivities(instance.id())).containsExactly("ship");
    assertThat(kit.variable(instance.id(), "amount")).isEqualTo(42);
    assertThat(kit.subscriptions()).isEmpty();
    assertThat(kit.history(instance.id()))
        .filteredOn(r -> "paid".equals(r.get("activity_id")))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.get("activity_type")).isEqualTo("intermediateMessageCatch");
              assertThat(r.get("end_time")).isNotNull();
            });
  }

  @Test
  void nothingMatchingIsCamundasMismatchAndChangesNothing() {
    kit.deploy(waitingForPayment("order"));
    ProcessInstance instance = start("order", "o-1", Map.of());

    assertThatThrownBy(
            () ->
                correlate(
                    MessageCorrelation.named("payment")
                        .businessKey("o-2")
                        .processVariables(Map.of("amount", 1))))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessage(
            "Cannot correlate message 'payment': No process definition or execution matches the"
                + " parameters")
        .satisfies(
            e ->
                assertThat(((ProcessEngineException) e).type())
                    .isEqualTo("MismatchingMessageCorrelationException"));
    assertThatThrownBy(() -> correlate(MessageCorrelation.named("unknown").all(true)))
        .hasMessageContaining("No process definition or execution matches the parameters");

    assertThat(kit.activeActivities(instance.id())).containsExactly("paid");
    assertThat(kit.variable(instance.id(), "amount")).isNull();
  }

  @Test
  void severalMatchingTokensAreAmbiguousUnlessAllIsAsked() {
    kit.deploy(waitingForPayment("order"));
    ProcessInstance first = start("order", "o-1", Map.of());
    ProcessInstance second = start("order", "o-2", Map.of());

    assertThatThrownBy(() -> correlate(MessageCorrelation.named("payment")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageStartingWith(
            "ENGINE-13031 Cannot correlate a message with name 'payment' to a single execution. 2"
                + " executions match the correlation keys: CorrelationSet [businessKey=null,");
    assertThat(kit.activeActivities(first.id())).containsExactly("paid");
    assertThat(kit.activeActivities(second.id())).containsExactly("paid");

    List<MessageCorrelationResult> results = correlate(MessageCorrelation.named("payment").all(true));

    assertThat(results)
        .extracting(MessageCorrelationResult::processInstanceId)
        .containsExactlyInAnyOrder(first.id(), second.id());
    assertThat(kit.activeActivities(first.id())).containsExactly("ship");
    assertThat(kit.activeActivities(second.id())).containsExactly("ship");
  }

  @Test
  void receiveTaskIsFoundByCorrelationKeysAndByProcessInstanceId() {
    kit.deploy(
        Bpmn.createExecutableProcess("invoice")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .receiveTask("await")
            .message("confirmation")
            .endEvent("done")
            .done());
    ProcessInstance a = start("invoice", null, Map.of("invoiceNo", "A-1", "total", 10L));
    ProcessInstance b = start("invoice", null, Map.of("invoiceNo", "B-2", "total", 10L));

    assertThat(
            correlate(
                MessageCorrelation.named("confirmation")
                    .correlationKeys(Map.of("invoiceNo", "B-2", "total", 10L))))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.processInstanceId()).isEqualTo(b.id());
              assertThat(r.executionEnded()).isTrue();
              assertThat(r.instanceEnded()).isTrue();
            });
    assertThat(kit.instanceState(b.id())).isEqualTo("COMPLETED");
    assertThat(kit.activeActivities(a.id())).containsExactly("await");

    assertThatThrownBy(
            () -> correlate(MessageCorrelation.named("confirmation").correlationKeys(Map.of("invoiceNo", "C-3"))))
        .hasMessageContaining("No process definition or execution matches");
    correlate(MessageCorrelation.named("confirmation").processInstanceId(a.id()));
    assertThat(kit.instanceState(a.id())).isEqualTo("COMPLETED");
    assertThat(kit.history(a.id()))
        .extracting(r -> r.get("activity_type"))
        .contains("receiveTask");
  }

  /**
   * As the Camunda 7.24 reference server answered: the catch event waits in an execution of its
   * own, so the instance's variables are no local variables of the subscribed execution.
   */
  @Test
  void localCorrelationKeysMatchOnlyTheVariablesOfTheSubscribedExecution() {
    kit.deploy(waitingForPayment("order"));
    ProcessInstance instance = start("order", null, Map.of("region", "north"));

    assertThatThrownBy(
            () ->
                correlate(
                    MessageCorrelation.named("payment").localCorrelationKeys(Map.of("region", "north"))))
        .hasMessageContaining("No process definition or execution matches");
    correlate(MessageCorrelation.named("payment").correlationKeys(Map.of("region", "north")));

    assertThat(kit.activeActivities(instance.id())).containsExactly("ship");
  }

  @Test
  void suspendedInstancesDoNotReceiveMessages() {
    kit.deploy(waitingForPayment("order"));
    ProcessInstance instance = start("order", "o-1", Map.of());
    kit.engine.processInstances().suspend(instance.id());

    assertThatThrownBy(() -> correlate(MessageCorrelation.named("payment")))
        .hasMessageContaining("No process definition or execution matches");
    assertThat(kit.activeActivities(instance.id())).containsExactly("paid");
  }

  @Test
  void messageStartEventBesideANoneStartEventStartsAnInstanceThere() {
    ProcessDefinition definition =
        kit.deploy(
            MessageEngine.definitions(
                "<message id=\"m\" name=\"orderPlaced\"/>"
                    + MessageEngine.process(
                        "shop",
                        "<startEvent id=\"plain\"/>"
                            + "<startEvent id=\"byMessage\"><messageEventDefinition messageRef=\"m\"/></startEvent>"
                            + "<userTask id=\"pack\"/>"
                            + MessageEngine.flow("f1", "plain", "pack")
                            + MessageEngine.flow("f2", "byMessage", "pack"))));

    assertThat(kit.subscriptions())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.isStart()).isTrue();
              assertThat(s.activityId()).isEqualTo("byMessage");
              assertThat(s.processDefinitionId()).isEqualTo(definition.id());
              assertThat(s.processInstanceId()).isNull();
            });

    MessageCorrelationResult result =
        correlate(
                MessageCorrelation.named("orderPlaced")
                    .businessKey("order-7")
                    .processVariables(Map.of("items", 3)))
            .get(0);

    assertThat(result.type()).isEqualTo(MessageCorrelationResult.Type.PROCESS_DEFINITION);
    assertThat(result.businessKey()).isEqualTo("order-7");
    assertThat(result.processDefinitionId()).isEqualTo(definition.id());
    assertThat(kit.activeActivities(result.processInstanceId())).containsExactly("pack");
    assertThat(kit.variable(result.processInstanceId(), "items")).isEqualTo(3);
    assertThat(kit.history(result.processInstanceId()))
        .extracting(r -> r.get("activity_id") + ":" + r.get("activity_type"))
        .contains("byMessage:messageStartEvent");
    assertThat(
            kit.rows(
                    "SELECT start_activity_id FROM tern_hi_process_instance WHERE id = ?",
                    result.processInstanceId())
                .get(0)
                .get("start_activity_id"))
        .isEqualTo("byMessage");

    ProcessInstance plain =
        kit.engine.runtimeService().startProcessInstanceById(definition.id(), null, Map.of());
    assertThat(kit.history(plain.id())).extracting(r -> r.get("activity_id")).contains("plain");
  }

  @Test
  void aNewVersionTakesOverTheStartSubscriptionAndAnotherKeyMayNotReuseTheMessage() {
    String xml =
        MessageEngine.definitions(
            "<message id=\"m\" name=\"go\"/>"
                + MessageEngine.process(
                    "starter",
                    "<startEvent id=\"s\"><messageEventDefinition messageRef=\"m\"/></startEvent>"
                        + "<userTask id=\"t\"/>"
                        + MessageEngine.flow("f", "s", "t")));
    kit.deploy(xml);
    ProcessDefinition second = kit.deploy(xml.replace("<userTask id=\"t\"/>", "<userTask id=\"t\" name=\"v2\"/>"));

    assertThat(kit.subscriptions())
        .singleElement()
        .satisfies(s -> assertThat(s.processDefinitionId()).isEqualTo(second.id()));
    assertThat(correlate(MessageCorrelation.named("go")).get(0).processDefinitionId())
        .isEqualTo(second.id());

    assertThatThrownBy(() -> kit.deploy(xml.replace("id=\"starter\"", "id=\"other\"")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessage(
            "Cannot deploy process definition 'process.bpmn': there already is a message event"
                + " subscription for the message with name 'go'.");
    assertThat(kit.subscriptions()).hasSize(1);
  }

  @Test
  void tenantIdSelectsTheTenantsSubscriptionsAndWithoutTenantIdThoseOfNone() {
    String xml = Bpmn.convertToString(waitingForPayment("order"));
    kit.deploy(xml, "t1");
    kit.deploy(xml);
    ProcessInstance tenant =
        kit.engine.runtimeService().startProcessInstanceByKey("order", "t1", null, Map.of());
    ProcessInstance shared = start("order", null, Map.of());

    correlate(MessageCorrelation.named("payment").tenantId("t1"));
    assertThat(kit.activeActivities(tenant.id())).containsExactly("ship");
    assertThat(kit.activeActivities(shared.id())).containsExactly("paid");

    assertThatThrownBy(() -> correlate(MessageCorrelation.named("payment").tenantId("t1")))
        .hasMessageContaining("No process definition or execution matches");
    correlate(MessageCorrelation.named("payment").withoutTenantId());
    assertThat(kit.activeActivities(shared.id())).containsExactly("ship");
  }

  @Test
  void interruptingMessageBoundaryCancelsTheTaskAndTakesItsPath() {
    kit.deploy(
        Bpmn.createExecutableProcess("claim")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("review")
            .boundaryEvent("withdrawn")
            .message("withdraw")
            .endEvent("closed")
            .moveToActivity("review")
            .endEvent("approved")
            .done());
    ProcessInstance instance = start("claim", "c-1", Map.of());
    assertThat(kit.subscriptions())
        .singleElement()
        .satisfies(s -> assertThat(s.activityId()).isEqualTo("withdrawn"));

    correlate(MessageCorrelation.named("withdraw").businessKey("c-1"));

    assertThat(kit.instanceState(instance.id())).isEqualTo("COMPLETED");
    assertThat(kit.subscriptions()).isEmpty();
    assertThat(kit.history(instance.id()))
        .filteredOn(r -> "review".equals(r.get("activity_id")))
        .singleElement()
        .satisfies(r -> assertThat(r.get("canceled")).isEqualTo(true));
    assertThat(kit.history(instance.id()))
        .extracting(r -> r.get("activity_id") + ":" + r.get("activity_type"))
        .contains("withdrawn:boundaryMessage", "closed:noneEndEvent");
  }

  @Test
  void nonInterruptingMessageBoundaryStartsAPathEachTimeWhileTheTaskWaits() {
    kit.deploy(
        Bpmn.createExecutableProcess("claim")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("review")
            .boundaryEvent("reminder")
            .cancelActivity(false)
            .message("remind")
            .userTask("answer")
            .endEvent("answered")
            .moveToActivity("review")
            .endEvent("approved")
            .done());
    ProcessInstance instance = start("claim", "c-1", Map.of());

    correlate(MessageCorrelation.named("remind"));
    correlate(MessageCorrelation.named("remind"));

    assertThat(kit.activeActivities(instance.id()))
        .containsExactlyInAnyOrder("review", "answer", "answer");
    assertThat(kit.subscriptions()).singleElement().satisfies(s -> assertThat(s.activityId()).isEqualTo("reminder"));

    kit.engine.runtimeService().completeUserTask(instance.id(), "review");

    assertThat(kit.subscriptions()).isEmpty();
    assertThat(kit.activeActivities(instance.id())).containsExactly("answer", "answer");
    assertThatThrownBy(() -> correlate(MessageCorrelation.named("remind")))
        .hasMessageContaining("No process definition or execution matches");
  }

  @Test
  void deletingTheInstanceOrTheDeploymentRemovesItsSubscriptions() {
    ProcessDefinition definition = kit.deploy(waitingForPayment("order"));
    ProcessInstance instance = start("order", null, Map.of());
    kit.engine.processInstances().delete(instance.id(), "gone");
    assertThat(kit.subscriptions()).isEmpty();

    start("order", null, Map.of());
    kit.engine.deploymentService().deleteDeployment(definition.deploymentId(), true);
    assertThat(kit.subscriptions()).isEmpty();
  }
}
