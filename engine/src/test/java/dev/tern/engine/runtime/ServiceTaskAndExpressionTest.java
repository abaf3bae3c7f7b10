package dev.tern.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

@DatabaseTest
class ServiceTaskAndExpressionTest {

  /** A bean expressions call by name. */
  public static final class Pricing {
    public long total(long amount, long quantity) {
      return amount * quantity;
    }

    public String describe(DelegateExecution execution) {
      return execution.getCurrentActivityId()
          + "@"
          + execution.getBusinessKey()
          + "/"
          + execution.getCurrentActivityName();
    }
  }

  /** A delegate named by camunda:class. */
  public static final class MarkingDelegate implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable("markedBy", execution.getActivityId());
      execution.setVariable("sawLocal", execution.getVariable("localInput"));
    }
  }

  /** A delegate that fails with a checked exception. */
  public static final class CheckedFailure implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) throws Exception {
      throw new java.io.IOException("disk full");
    }
  }

  private final RuntimeTestKit kit;

  ServiceTaskAndExpressionTest(TestDatabase db) {
    this.kit =
        new RuntimeTestKit(
            db,
            Map.of(
                "pricing", new Pricing(),
                "stamp", (JavaDelegate) execution -> execution.setVariable("stamped", execution.getProcessInstanceId())));
  }

  @Test
  void expressionsReachVariablesBeansAndTheExecution() {
    String definition =
        kit.deploy(
            Bpmn.createExecutableProcess("beans")
                .startEvent()
                .serviceTask("price")
                .name("Price it")
                .camundaExpression("${pricing.total(amount, quantity)}")
                .camundaResultVariable("total")
                .serviceTask("describe")
                .name("Describe")
                .camundaExpression("${pricing.describe(execution)}")
                .camundaResultVariable("description")
                .serviceTask("setter")
                .camundaExpression("${execution.setVariable('viaExecution', execution.getVariable('total') + 1)}")
                .userTask("wait")
                .endEvent()
                .done());

    ProcessInstance instance =
        kit.runtime.startProcessInstanceById(definition, "bk-7", Map.of("amount", 6, "quantity", 7L));

    assertThat(kit.variable(instance.id(), "total")).isEqualTo(42L);
    assertThat(kit.variable(instance.id(), "description")).isEqualTo("describe@bk-7/Describe");
    assertThat(kit.variable(instance.id(), "viaExecution")).isEqualTo(43L);
  }

  @Test
  void delegateExpressionAndClassDelegatesRun() {
    String definition =
        kit.deploy(
            Bpmn.createExecutableProcess("delegates")
                .startEvent()
                .serviceTask("byBean")
                .camundaDelegateExpression("${stamp}")
                .serviceTask("byClass")
                .camundaClass(MarkingDelegate.class.getName())
                .camundaInputParameter("localInput", "${'in-' += amount}")
                .userTask("wait")
                .endEvent()
                .done());

    ProcessInstance instance = kit.start(definition, Map.of("amount", 3));

    assertThat(kit.variable(instance.id(), "stamped")).isEqualTo(instance.id());
    assertThat(kit.variable(instance.id(), "markedBy")).isEqualTo("byClass");
    assertThat(kit.variable(instance.id(), "sawLocal")).isEqualTo("in-3");
    assertThat(kit.variables(instance.id())).doesNotContainKey("localInput");
  }

  @Test
  void delegateExpressionThatIsNoDelegateIsRefused() {
    String definition =
        kit.deploy(
            Bpmn.createExecutableProcess("notADelegate")
                .startEvent()
                .serviceTask("bad")
                .camundaDelegateExpression("${pricing}")
                .endEvent()
                .done());

    assertThatThrownBy(() -> kit.start(definition))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("${pricing}")
        .hasMessageContaining(JavaDelegate.class.getName());
  }

  @Test
  void checkedDelegateExceptionKeepsItsMessageAndNothingIsKept() {
    String definition =
        kit.deploy(
            Bpmn.createExecutableProcess("checked")
                .startEvent()
                .serviceTask("fail")
                .camundaClass(CheckedFailure.class.getName())
                .endEvent()
                .done());

    assertThatThrownBy(() -> kit.start(definition))
        .hasMessage("disk full")
        .hasCauseInstanceOf(java.io.IOException.class);
    assertThat(kit.count("SELECT COUNT(*) FROM tern_hi_process_instance WHERE proc_def_id = ?", definition))
        .isZero();
  }

  @Test
  void unknownVariableInAServiceExpressionNamesIt() {
    String definition =
        kit.deploy(
            Bpmn.createExecutableProcess("unknownVar")
                .startEvent()
                .serviceTask("t")
                .camundaExpression("${x}")
                .endEvent()
                .done());

    assertThatThrownBy(() -> kit.start(definition))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessage("Unknown property used in expression: ${x}. Cause: Cannot resolve identifier 'x'");
  }

  @Test
  void inputsAreLocalWhileTheActivityRunsAndOutputsReachTheInstance() {
    String xml =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="io" isExecutable="true" camunda:historyTimeToLive="30">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
            <serviceTask id="task" camunda:expression="${execution.setVariable('seen', greeting)}">
              <extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="greeting">Hello ${name}</camunda:inputParameter>
                  <camunda:inputParameter name="literal">plain text</camunda:inputParameter>
                  <camunda:inputParameter name="config">
                    <camunda:map>
                      <camunda:entry key="who">${name}</camunda:entry>
                      <camunda:entry key="tags">
                        <camunda:list>
                          <camunda:value>a</camunda:value>
                          <camunda:value>${name}</camunda:value>
                        </camunda:list>
                      </camunda:entry>
                    </camunda:map>
                  </camunda:inputParameter>
                  <camunda:outputParameter name="shout">${greeting}!</camunda:outputParameter>
                  <camunda:outputParameter name="who">${config.who}</camunda:outputParameter>
                  <camunda:outputParameter name="secondTag">${config.tags[1]}</camunda:outputParameter>
                  <camunda:outputParameter name="copy">${literal}</camunda:outputParameter>
                </camunda:inputOutput>
              </extensionElements>
            </serviceTask>
            <sequenceFlow id="f2" sourceRef="task" targetRef="wait"/>
            <userTask id="wait"/>
            <sequenceFlow id="f3" sourceRef="wait" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;
    String definition = kit.deployXml(xml);

    ProcessInstance instance = kit.start(definition, Map.of("name", "Ada"));

    Map<String, TypedValue> variables = kit.variables(instance.id());
    assertThat(variables.get("shout").value()).isEqualTo("Hello Ada!");
    assertThat(variables.get("who").value()).isEqualTo("Ada");
    assertThat(variables.get("secondTag").value()).isEqualTo("Ada");
    assertThat(variables.get("copy").value()).isEqualTo("plain text");
    assertThat(variables.get("seen").value()).isEqualTo("Hello Ada");
    assertThat(variables).doesNotContainKeys("greeting", "literal", "config");
  }

  @Test
  void userTaskOutputsReadItsInputsAndTheVariablesGivenOnCompletion() {
    String definition =
        kit.deploy(
            Bpmn.createExecutableProcess("userIo")
                .startEvent()
                .userTask("review")
                .camundaInputParameter("reviewer", "${'clerk-' += team}")
                .camundaOutputParameter("reviewedBy", "${reviewer}")
                .camundaOutputParameter("verdict", "${approved ? 'ok' : 'rejected'}")
                .userTask("after")
                .endEvent()
                .done());
    ProcessInstance instance = kit.start(definition, Map.of("team", "b"));

    kit.runtime.completeUserTask(instance.id(), "review", Map.of("approved", true));

    Map<String, TypedValue> variables = kit.variables(instance.id());
    assertThat(variables.get("reviewedBy").value()).isEqualTo("clerk-b");
    assertThat(variables.get("verdict").value()).isEqualTo("ok");
    assertThat(variables).doesNotContainKey("reviewer");
  }

  @Test
  void mapsAndListsStoredAsVariablesBecomeJson() {
    String definition =
        kit.deploy(
            Bpmn.createExecutableProcess("jsonVar")
                .startEvent()
                .serviceTask("t")
                .camundaExpression("${execution.setVariable('items', execution.getVariables().keySet())}")
                .userTask("wait")
                .endEvent()
                .done());

    ProcessInstance instance = kit.start(definition, Map.of("a", 1));

    TypedValue items = kit.variables(instance.id()).get("items");
    assertThat(items.type()).isEqualTo(ValueType.JSON);
    assertThat(items.value()).isEqualTo("[\"a\"]");
    assertThat(List.of(items.value())).hasSize(1);
  }
}
