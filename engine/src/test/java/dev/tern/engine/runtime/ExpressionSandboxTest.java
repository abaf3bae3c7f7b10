package dev.tern.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.deployment.ParseException;
import dev.tern.engine.job.Job;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployed model is untrusted: its expressions must not run operating-system commands, whatever
 * route they take to {@code Runtime.exec}. Each test would create a marker file if the command ran.
 */
@DatabaseTest
class ExpressionSandboxTest {

  /** A bean whose methods hand out dangerous JDK objects, as a careless application bean might. */
  public static final class CarelessTools {
    public Runtime runtime() {
      return Runtime.getRuntime();
    }

    public ProcessBuilder processBuilder(String... command) {
      return new ProcessBuilder(command);
    }

    public Path path(String name) {
      return Path.of(name);
    }

    public String greet(String name) {
      return "hello " + name;
    }
  }

  /** A bean whose method throws a checked exception. */
  public static final class Failing {
    public String call() throws IOException {
      throw new IOException("disk full");
    }
  }

  @TempDir Path dir;

  private final RuntimeTestKit kit;

  ExpressionSandboxTest(TestDatabase db) {
    this.kit = new RuntimeTestKit(db, Map.of("tools", new CarelessTools(), "failing", new Failing()));
  }

  private Path marker() {
    return dir.resolve("marker");
  }

  private String touch() {
    return "touch " + marker();
  }

  private static BpmnModelInstance expressionTask(String expression) {
    return Bpmn.createExecutableProcess("sandbox")
        .startEvent()
        .serviceTask("evil")
        .camundaExpression(expression)
        .camundaResultVariable("result")
        .userTask("wait")
        .endEvent()
        .done();
  }

  @Test
  void runtimeExecThroughGetClassIsRefusedAtDeployment() {
    String payload =
        "${\"\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\")"
            + ".invoke(null).exec(\"" + touch() + "\")}";

    assertThatThrownBy(() -> kit.deploy(expressionTask(payload)))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("'getClass', which expressions may not use")
        .hasMessageContaining("evil");
    assertThat(marker()).doesNotExist();
  }

  @Test
  void dotClassInAnInputParameterIsRefusedAtDeployment() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("sandbox")
            .startEvent()
            .userTask("wait")
            .camundaInputParameter("x", "${cmd.class.forName('java.lang.Runtime')}")
            .endEvent()
            .done();

    assertThatThrownBy(() -> kit.deploy(model))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("'class', which expressions may not use");
  }

  @Test
  void getClassNamedAtRunTimeIsRefusedWhenEvaluated() {
    String definition =
        kit.deploy(
            expressionTask(
                "${s[m]().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec(cmd)}"));

    assertThatThrownBy(
            () -> kit.start(definition, Map.of("s", "", "m", "getClass", "cmd", touch())))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("was refused: expressions may not use 'getClass'");
    assertThat(marker()).doesNotExist();
    assertThat(kit.count("SELECT COUNT(*) FROM tern_hi_process_instance")).isZero();
  }

  @Test
  void classPropertyNamedAtRunTimeInALambdaIsRefused() {
    String definition = kit.deploy(expressionTask("${(x -> x[c].forName('java.lang.Runtime'))(s)}"));

    assertThatThrownBy(() -> kit.start(definition, Map.of("s", "", "c", "class")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("expressions may not use 'class'");
  }

  @Test
  void aRuntimeHandedOutByABeanCannotBeUsed() {
    String definition = kit.deploy(expressionTask("${tools.runtime().exec(cmd)}"));

    assertThatThrownBy(() -> kit.start(definition, Map.of("cmd", touch())))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("expressions may not use objects of class java.lang.Runtime");
    assertThat(marker()).doesNotExist();
  }

  @Test
  void aProcessBuilderOrAPathHandedOutByABeanCannotBeUsed() {
    String start = kit.deploy(expressionTask("${tools.processBuilder('touch', marker).start()}"));
    String write = kit.deploy(expressionTask("${tools.path(marker).toFile().createNewFile()}"));

    assertThatThrownBy(() -> kit.start(start, Map.of("marker", marker().toString())))
        .hasMessageContaining("expressions may not use objects of class java.lang.ProcessBuilder");
    assertThatThrownBy(() -> kit.start(write, Map.of("marker", marker().toString())))
        .hasMessageContaining("expressions may not use objects of class");
    assertThat(marker()).doesNotExist();
  }

  @Test
  void staticMembersCannotBeNamed() {
    String definition = kit.deploy(expressionTask("${Runtime.getRuntime().exec(cmd)}"));

    assertThatThrownBy(() -> kit.start(definition, Map.of("cmd", touch())))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Cannot resolve identifier 'Runtime'");
    assertThat(marker()).doesNotExist();
  }

  @Test
  void asyncEvaluationFailsTheJobWithoutSideEffect() {
    String definition =
        kit.deploy(
            Bpmn.createExecutableProcess("sandbox")
                .startEvent()
                .serviceTask("evil")
                .camundaAsyncBefore()
                .camundaExpression("${tools.runtime().exec(cmd)}")
                .endEvent()
                .done());
    ProcessInstance instance = kit.start(definition, Map.of("cmd", touch()));

    kit.runDueJobs();

    Job job = kit.onlyJob(instance.id());
    assertThat(job.exceptionMessage()).contains("was refused");
    assertThat(marker()).doesNotExist();
  }

  @Test
  void ordinaryExpressionsStillWork() {
    String definition =
        kit.deploy(
            expressionTask(
                "${tools.greet(name.toUpperCase()) += ' ' += (amount * 2) += ' ' += flag"
                    + " += ' ' += name.length() += ' ' += execution.getProcessInstanceId().isEmpty()}"));

    ProcessInstance instance =
        kit.start(definition, Map.of("name", "ann", "amount", 21, "flag", true));

    assertThat(kit.variable(instance.id(), "result")).isEqualTo("hello ANN 42 true 3 false");
  }

  @Test
  void aCheckedExceptionInAnExpressionIsAClientErrorWithItsMessage() {
    String definition = kit.deploy(expressionTask("${failing.call()}"));

    assertThatThrownBy(() -> kit.start(definition))
        .isInstanceOf(dev.tern.engine.TernException.class)
        .hasMessage("disk full")
        .satisfies(
            e ->
                assertThat(((dev.tern.engine.TernException) e).category())
                    .isEqualTo(dev.tern.engine.TernException.Category.BAD_REQUEST));
  }
}
