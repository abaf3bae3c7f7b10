package dev.tern.engine.event;

import static dev.tern.engine.event.MessageEngine.definitions;
import static dev.tern.engine.event.MessageEngine.flow;
import static dev.tern.engine.event.MessageEngine.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.runtime.ExecutionTriggers;
import dev.tern.engine.runtime.ProcessInstance;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /execution/{id}/signal} and {@code /execution/{id}/messageSubscriptions/{name}} on the
 * engine side, with what the Camunda 7.24 reference server answered for the same model: a signal
 * moves a token on from a receive task (with or without a message), a message catch event or a
 * user task (whose task is deleted); a message is delivered to the execution's own subscription
 * only.
 */
@DatabaseTest
class ExecutionTriggersTest {

  private static final String MODEL =
      definitions(
          "<message id=\"a\" name=\"msgA\"/><message id=\"b\" name=\"msgB\"/>"
              + process(
                  "triggers",
                  "<startEvent id=\"s\"/>"
                      + flow("f1", "s", "recv")
                      + "<receiveTask id=\"recv\" messageRef=\"a\"/>"
                      + flow("f2", "recv", "catch")
                      + "<intermediateCatchEvent id=\"catch\"><messageEventDefinition messageRef=\"b\"/></intermediateCatchEvent>"
                      + flow("f3", "catch", "plain")
                      + "<receiveTask id=\"plain\"/>"
                      + flow("f4", "plain", "ut")
                      + "<userTask id=\"ut\"/>"
                      + flow("f5", "ut", "e")
                      + "<endEvent id=\"e\"/>"));

  private final MessageEngine kit;
  private final ExecutionTriggers triggers;

  ExecutionTriggersTest(TestDatabase db) {
    this.kit = new MessageEngine(db);
    this.triggers = kit.engine.executionTriggers();
  }

  @AfterEach
  void close() {
    kit.close();
  }

  private ProcessInstance start() {
    kit.deploy(MODEL);
    return kit.engine.runtimeService().startProcessInstanceByKey("triggers", null, null, Map.of());
  }

  private String executionAt(String processInstanceId, String activityId) {
    return (String)
        kit.rows(
                "SELECT id FROM tern_execution WHERE process_instance_id = ? AND activity_id = ?",
                processInstanceId,
                activityId)
            .get(0)
            .get("id");
  }

  @Test
  void signalsMoveTheTokenOnFromEachKindOfWaitStateUntilTheInstanceEnds() {
    ProcessInstance instance = start();

    triggers.signal(Caller.SYSTEM, executionAt(instance.id(), "recv"), Map.of("b", "x"));
    assertThat(kit.activeActivities(instance.id())).containsExactly("catch");
    assertThat(kit.subscriptions()).extracting(EventSubscription::eventName).containsExactly("msgB");

    triggers.signal(Caller.SYSTEM, executionAt(instance.id(), "catch"), Map.of());
    assertThat(kit.activeActivities(instance.id())).containsExactly("plain");
    assertThat(kit.subscriptions()).isEmpty();

    triggers.signal(Caller.SYSTEM, executionAt(instance.id(), "plain"), Map.of("d", "z"));
    assertThat(kit.activeActivities(instance.id())).containsExactly("ut");
    assertThat(kit.rows("SELECT id FROM tern_task WHERE process_instance_id = ?", instance.id())).hasSize(1);

    triggers.signal(Caller.SYSTEM, executionAt(instance.id(), "ut"), Map.of());

    assertThat(kit.instanceState(instance.id())).isEqualTo("COMPLETED");
    assertThat(kit.rows("SELECT id FROM tern_task")).isEmpty();
    assertThat(kit.rows("SELECT delete_reason FROM tern_hi_task WHERE process_instance_id = ?", instance.id()))
        .extracting(row -> row.get("delete_reason"))
        .containsExactly("deleted");
    assertThat(kit.rows("SELECT name FROM tern_hi_variable WHERE process_instance_id = ? ORDER BY name", instance.id()))
        .extracting(row -> row.get("name"))
        .containsExactly("b", "d");
  }

  @Test
  void aMessageGoesToTheExecutionsOwnSubscriptionWithItsVariables() {
    ProcessInstance instance = start();
    String waiting = executionAt(instance.id(), "recv");

    EventSubscription subscription = triggers.messageSubscription(Caller.SYSTEM, waiting, "msgA");
    assertThat(subscription.activityId()).isEqualTo("recv");
    assertThat(subscription.executionId()).isEqualTo(waiting);

    triggers.triggerMessage(Caller.SYSTEM, waiting, "msgA", Map.of("a", 1));

    assertThat(kit.activeActivities(instance.id())).containsExactly("catch");
    assertThat(kit.variable(instance.id(), "a")).isEqualTo(1);
  }

  @Test
  void unknownExecutionsAndSubscriptionsAndTokensThatCannotBeSignalledAreRefusedAndNothingMoves() {
    ProcessInstance instance = start();
    String waiting = executionAt(instance.id(), "recv");

    assertThatThrownBy(() -> triggers.messageSubscription(Caller.SYSTEM, waiting, "msgB"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Message event subscription for execution " + waiting + " named msgB does not exist");
    assertThatThrownBy(() -> triggers.triggerMessage(Caller.SYSTEM, waiting, "msgB", Map.of("x", 1)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage(
            "Cannot trigger message msgB for execution "
                + waiting
                + ": Execution with id '"
                + waiting
                + "' does not have a subscription to a message event with name 'msgB'");
    assertThatThrownBy(() -> triggers.signal(Caller.SYSTEM, "nope", Map.of()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("Cannot signal execution nope: execution nope doesn't exist");

    assertThat(kit.activeActivities(instance.id())).containsExactly("recv");
    assertThat(kit.variable(instance.id(), "x")).isNull();
    assertThat(kit.subscriptions()).extracting(EventSubscription::eventName).isEqualTo(List.of("msgA"));
  }

  @Test
  void anAsyncContinuationIsNotAWaitStateASignalCanEnd() {
    kit.deploy(
        definitions(
            process(
                "async",
                "<startEvent id=\"s\"/>"
                    + flow("f1", "s", "t")
                    + "<serviceTask id=\"t\" camunda:asyncBefore=\"true\" camunda:expression=\"${true}\"/>"
                    + flow("f2", "t", "e")
                    + "<endEvent id=\"e\"/>")));
    ProcessInstance instance =
        kit.engine.runtimeService().startProcessInstanceByKey("async", null, null, Map.of());
    String resting = executionAt(instance.id(), "t");

    assertThatThrownBy(() -> triggers.signal(Caller.SYSTEM, resting, Map.of()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Cannot signal execution " + resting);
    assertThat(kit.activeActivities(instance.id())).containsExactly("t");
  }
}
