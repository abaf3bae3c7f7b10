package dev.tern.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.deployment.BpmnParser;
import dev.tern.engine.deployment.ParseException;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Execution listeners as Camunda 7.24 documents them: {@code start} and {@code end} on the process
 * and its flow nodes, {@code take} on sequence flows, with {@code expression}, {@code
 * delegateExpression} (a bean) or {@code class}; in order: process start, node start, node end,
 * take, next node start …, process end.
 */
@DatabaseTest
class ExecutionListenerTest {

  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final RuntimeTestKit kit;

  ExecutionListenerTest(TestDatabase db) {
    JavaDelegate recorder = execution -> calls.add("delegate@" + execution.getCurrentActivityId());
    this.kit = new RuntimeTestKit(db, Map.of("recorder", recorder));
  }

  private static String process(String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\">"
        + "<process id=\"p\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
        + body
        + "</process></definitions>";
  }

  private static String listener(String event, String attribute, String value) {
    return "<camunda:executionListener"
        + (event == null ? "" : " event=\"" + event + "\"")
        + " "
        + attribute
        + "=\""
        + value
        + "\"/>";
  }

  @Test
  void listenersRunOnProcessNodesAndFlowsInCamundasOrder() {
    String definition =
        kit.deployXml(
            process(
                "<extensionElements>"
                    + listener("start", "expression", "${execution.setVariable('processStart', true)}")
                    + listener("end", "delegateExpression", "${recorder}")
                    + "</extensionElements>"
                    + "<startEvent id=\"start\"/>"
                    + "<sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"task\">"
                    + "<extensionElements>"
                    + listener(null, "delegateExpression", "${recorder}")
                    + "</extensionElements></sequenceFlow>"
                    + "<userTask id=\"task\"><extensionElements>"
                    + listener("start", "delegateExpression", "${recorder}")
                    + listener("end", "expression", "${execution.setVariable('taskEnded', true)}")
                    + listener("end", "delegateExpression", "${recorder}")
                    + "</extensionElements></userTask>"
                    + "<sequenceFlow id=\"f2\" sourceRef=\"task\" targetRef=\"end\"/>"
                    + "<endEvent id=\"end\"><extensionElements>"
                    + listener("start", "delegateExpression", "${recorder}")
                    + "</extensionElements></endEvent>"));

    ProcessInstance instance = kit.start(definition);

    assertThat(kit.variable(instance.id(), "processStart")).isEqualTo(true);
    assertThat(calls).containsExactly("delegate@start", "delegate@task");

    kit.runtime.completeUserTask(instance.id(), "task");

    assertThat(calls)
        .containsExactly(
            "delegate@start", "delegate@task", "delegate@task", "delegate@end", "delegate@end");
    assertThat(kit.historicInstance(instance.id()).get("state")).isEqualTo("COMPLETED");
  }

  @Test
  void aFailingListenerFailsTheCallAndNothingIsKept() {
    String definition =
        kit.deployXml(
            process(
                "<startEvent id=\"start\"><extensionElements>"
                    + listener("end", "expression", "${unknownBean.call()}")
                    + "</extensionElements></startEvent>"
                    + "<sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"end\"/>"
                    + "<endEvent id=\"end\"/>"));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> kit.start(definition))
        .hasMessageContaining("unknownBean");
    assertThat(kit.count("SELECT COUNT(*) FROM tern_process_instance")).isZero();
  }

  @Test
  void scriptsFieldsAndUnknownEventsAreRefusedAtDeployment() {
    String xml =
        process(
            "<startEvent id=\"start\"><extensionElements>"
                + "<camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"groovy\">x</camunda:script></camunda:executionListener>"
                + listener("take", "expression", "${true}")
                + "</extensionElements></startEvent>"
                + "<sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"end\"><extensionElements>"
                + listener("start", "expression", "${true}")
                + "</extensionElements></sequenceFlow>"
                + "<endEvent id=\"end\"/>");

    ParseException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ParseException.class,
            () -> new BpmnParser(false).parse("test.bpmn", xml.getBytes(StandardCharsets.UTF_8)));

    assertThat(e.getMessage())
        .contains("Execution listener of 'start' uses a script or field injection")
        .contains("Execution listener event 'take' is not supported on 'start'")
        .contains("Execution listener event 'start' is not supported on 'f1'");
  }
}
