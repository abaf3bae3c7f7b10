package dev.tern.engine.runtime;

import static dev.tern.engine.runtime.ScopeEngine.flow;
import static dev.tern.engine.runtime.ScopeEngine.process;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Message intermediate throw and end events as Camunda 7.24 runs them: with an implementation on
 * the message event definition ({@code camunda:expression}, {@code delegateExpression}, {@code
 * class}, {@code type="external"}) they work like a service task; without one, like a none
 * event.
 */
@DatabaseTest
class MessageThrowEventTest {

  private final ScopeEngine kit;

  MessageThrowEventTest(TestDatabase db) {
    this.kit = new ScopeEngine(db);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  @Test
  void aThrowEventWithAnExpressionRunsItAndPassesOn() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>" + flow("f1", "start", "notify")
                + "<intermediateThrowEvent id=\"notify\"><messageEventDefinition messageRef=\"m\""
                + " camunda:expression=\"${execution.setVariable('sent', greeting)}\"/></intermediateThrowEvent>"
                + flow("f2", "notify", "plain")
                + "<intermediateThrowEvent id=\"plain\"><messageEventDefinition messageRef=\"m\"/></intermediateThrowEvent>"
                + flow("f3", "plain", "wait") + "<userTask id=\"wait\"/>"));

    String pi = kit.start("p", Map.of("greeting", "hello"));

    assertThat(kit.variable(pi, "sent")).isEqualTo("hello");
    assertThat(kit.activeActivities(pi)).containsExactly("wait");
    assertThat(kit.historyOf(pi, "notify").get("activity_type")).isEqualTo("intermediateMessageThrowEvent");
    assertThat(kit.historyOf(pi, "plain").get("activity_type")).isEqualTo("intermediateNoneThrowEvent");
  }

  @Test
  void anExternalMessageEndEventWaitsForItsWorkerThenEndsTheInstance() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>" + flow("f1", "start", "confirm")
                + "<endEvent id=\"confirm\"><extensionElements><camunda:properties>"
                + "<camunda:property name=\"channel\" value=\"mail\"/></camunda:properties></extensionElements>"
                + "<messageEventDefinition messageRef=\"m\" camunda:type=\"external\" camunda:topic=\"confirmations\"/>"
                + "</endEvent>"));

    String pi = kit.start("p");
    assertThat(kit.activeActivities(pi)).containsExactly("confirm");

    String task = kit.fetchOne("confirmations");
    kit.engine.externalTaskService().complete(task, "w", Map.of("confirmed", true), Map.of());

    assertThat(kit.instanceExists(pi)).isFalse();
    assertThat(kit.historyOf(pi, "confirm").get("activity_type")).isEqualTo("messageEndEvent");
    assertThat(kit.rows("SELECT end_activity_id FROM tern_hi_process_instance WHERE id = ?", pi))
        .extracting(r -> r.get("end_activity_id"))
        .containsExactly("confirm");
  }

  @Test
  void aMessageEndEventWithAnExpressionEndsItsToken() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>" + flow("f1", "start", "done")
                + "<endEvent id=\"done\"><messageEventDefinition messageRef=\"m\""
                + " camunda:expression=\"${execution.setVariable('told', true)}\"/></endEvent>"));

    String pi = kit.start("p");

    assertThat(kit.instanceExists(pi)).isFalse();
    assertThat(kit.rows("SELECT var_type FROM tern_hi_variable WHERE process_instance_id = ? AND name = 'told'", pi))
        .hasSize(1);
  }
}
