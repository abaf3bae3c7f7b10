package dev.tern.engine.runtime;

import static dev.tern.engine.runtime.ScopeEngine.flow;
import static dev.tern.engine.runtime.ScopeEngine.process;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.event.MessageCorrelation;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where a message's {@code processVariablesLocal} and {@code processVariablesToTriggeredScope}
 * land, as Camunda 7.24 answers: on an event sub-process the locals go to the scope it belongs to
 * and the triggered ones to its own scope execution (until it ends); on a message start event both
 * are process variables; on a waiting catch event both belong to the event (its output parameters
 * see them) and end with it.
 */
@DatabaseTest
class MessageScopeVariablesTest {

  private final ScopeEngine kit;

  MessageScopeVariablesTest(TestDatabase db) {
    this.kit = new ScopeEngine(db);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  private List<String> runtimeVariables(String pi) {
    return kit
        .rows(
            "SELECT name, execution_id, act_inst_id FROM tern_variable"
                + " WHERE process_instance_id = ? ORDER BY name",
            pi)
        .stream()
        .map(
            r ->
                r.get("name")
                    + "@"
                    + (pi.equals(r.get("execution_id")) ? "instance" : "token")
                    + "/"
                    + (pi.equals(r.get("act_inst_id")) ? "instance" : "scope"))
        .toList();
  }

  private void correlate(String message, String pi) {
    kit.engine
        .messageCorrelationService()
        .correlate(
            MessageCorrelation.named(message)
                .processInstanceId(pi)
                .processVariablesLocal(Map.of("loc", "L"))
                .processVariablesToTriggeredScope(Map.of("trig", "T"))
                .build());
  }

  @Test
  void anEventSubProcessGetsTheTriggeredVariablesAsLocalsOfItsScopeUntilItEnds() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>"
                + flow("f1", "start", "wait")
                + "<userTask id=\"wait\"/>"
                + "<subProcess id=\"events\" triggeredByEvent=\"true\">"
                + "<startEvent id=\"onCancel\" isInterrupting=\"false\">"
                + "<messageEventDefinition messageRef=\"m\"/></startEvent>"
                + flow("ev1", "onCancel", "handle")
                + "<userTask id=\"handle\"/>"
                + flow("ev2", "handle", "handled")
                + "<endEvent id=\"handled\"/></subProcess>"));
    String pi = kit.start("p");

    correlate("cancel", pi);

    assertThat(runtimeVariables(pi)).containsExactly("loc@instance/instance", "trig@token/scope");
    assertThat(
            kit.rows(
                "SELECT v.act_inst_id FROM tern_variable v WHERE v.name = 'trig'"
                    + " AND v.act_inst_id = (SELECT id FROM tern_hi_activity_instance"
                    + " WHERE activity_id = 'events' AND process_instance_id = ?)",
                pi))
        .hasSize(1);

    kit.complete(pi, "handle");

    assertThat(runtimeVariables(pi)).containsExactly("loc@instance/instance");
    assertThat(
            kit.rows(
                "SELECT state FROM tern_hi_variable WHERE process_instance_id = ? AND name = 'trig'",
                pi))
        .extracting(r -> r.get("state"))
        .containsExactly("CREATED");
  }

  @Test
  void aMessageStartEventMakesBothProcessVariables() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"><messageEventDefinition messageRef=\"m\"/></startEvent>"
                + flow("f1", "start", "wait")
                + "<userTask id=\"wait\"/>"));

    String pi =
        kit.engine
            .messageCorrelationService()
            .correlate(
                MessageCorrelation.named("cancel")
                    .processVariablesLocal(Map.of("loc", "L"))
                    .processVariablesToTriggeredScope(Map.of("trig", "T"))
                    .build())
            .get(0)
            .processInstanceId();

    assertThat(runtimeVariables(pi)).containsExactly("loc@instance/instance", "trig@instance/instance");
  }

  @Test
  void aCatchEventsOutputsSeeBothAndTheyEndWithIt() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>"
                + flow("f1", "start", "catch")
                + "<intermediateCatchEvent id=\"catch\"><extensionElements><camunda:inputOutput>"
                + "<camunda:outputParameter name=\"copied\">${loc}${trig}</camunda:outputParameter>"
                + "</camunda:inputOutput></extensionElements>"
                + "<messageEventDefinition messageRef=\"m\"/></intermediateCatchEvent>"
                + flow("f2", "catch", "wait")
                + "<userTask id=\"wait\"/>"));
    String pi = kit.start("p");

    correlate("cancel", pi);

    assertThat(runtimeVariables(pi)).containsExactly("copied@instance/instance");
    assertThat(kit.variable(pi, "copied")).isEqualTo("LT");
  }

  /** start → work (user task, non-interrupting message boundary {@code ping}) → end, plus {@code rest}. */
  private void deployWorkWithPing(String rest) {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>"
                + flow("f1", "start", "work")
                + "<userTask id=\"work\"/>"
                + flow("f2", "work", "end")
                + "<endEvent id=\"end\"/>"
                + "<boundaryEvent id=\"ping\" attachedToRef=\"work\" cancelActivity=\"false\">"
                + "<messageEventDefinition messageRef=\"m\"/></boundaryEvent>"
                + rest));
  }

  @Test
  void aNonInterruptingBoundaryEventsLocalsBelongToTheTasksExecutionUntilTheTaskEnds() {
    deployWorkWithPing(flow("f3", "ping", "follow") + "<userTask id=\"follow\"/>");
    String pi = kit.start("p");
    String workExecution = kit.task(pi, "work").executionId();
    String workInstance = (String) kit.historyOf(pi, "work").get("id");

    correlate("cancel", pi);
    correlate("cancel", pi);

    // Camunda 7.24: on the task's execution with the task's activity instance, once per name
    assertThat(
            kit.rows(
                "SELECT name, execution_id, act_inst_id FROM tern_variable WHERE process_instance_id = ?",
                pi))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("name")).isEqualTo("loc");
              assertThat(row.get("execution_id")).isEqualTo(workExecution);
              assertThat(row.get("act_inst_id")).isEqualTo(workInstance);
            });
    assertThat(kit.activeActivities(pi)).containsExactlyInAnyOrder("work", "follow", "follow");

    kit.complete(pi, "work");

    assertThat(runtimeVariables(pi)).isEmpty();
    assertThat(kit.activeActivities(pi)).containsExactly("follow", "follow");
  }

  @Test
  void theLocalsGoWhenAnotherBoundaryEventInterruptsTheTask() {
    deployWorkWithPing(
        flow("f3", "ping", "pinged")
            + "<endEvent id=\"pinged\"/>"
            + "<boundaryEvent id=\"stop\" attachedToRef=\"work\">"
            + "<signalEventDefinition signalRef=\"s\"/></boundaryEvent>"
            + flow("f4", "stop", "stopped")
            + "<userTask id=\"stopped\"/>");
    String pi = kit.start("p");
    correlate("cancel", pi);
    assertThat(runtimeVariables(pi)).containsExactly("loc@token/scope");

    kit.engine.signalService().signal("notify", null, null, false, Map.of());

    assertThat(kit.activeActivities(pi)).containsExactly("stopped");
    assertThat(runtimeVariables(pi)).isEmpty();
  }
}
