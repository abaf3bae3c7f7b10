package dev.tern.engine.runtime;

import static dev.tern.engine.runtime.ScopeEngine.flow;
import static dev.tern.engine.runtime.ScopeEngine.process;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Variables of scope executions as Camunda 7.24 keeps them: a sub-process's input parameters are
 * locals of its scope (stored with the scope execution and its activity instance) until it ends,
 * {@code setVariable} inside updates the local where it exists and otherwise the process instance,
 * output parameters see the locals, and history keeps the ended locals as {@code CREATED}.
 */
@DatabaseTest
class ScopeVariablesTest {

  private final ScopeEngine kit;

  ScopeVariablesTest(TestDatabase db) {
    this.kit = new ScopeEngine(db);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  /** start → sub(io; inside) → after (user task) → end. */
  private void deploy(String io, String inside) {
    deploy(io, inside, "<startEvent id=\"start\"/>" + flow("f1", "start", "sub"));
  }

  /**
   * start → fork → side (user task) and sub(io; inside) → after: the token entering the
   * sub-process is not the instance's first token (whose execution id is the instance's), so its
   * scope execution is addressable on its own.
   */
  private void deployBesideATask(String io, String inside) {
    deploy(
        io,
        inside,
        "<startEvent id=\"start\"/>"
            + flow("f0", "start", "fork")
            + "<parallelGateway id=\"fork\"/>"
            + flow("f0a", "fork", "side")
            + "<userTask id=\"side\"/>"
            + flow("f1", "fork", "sub"));
  }

  private void deploy(String io, String inside, String before) {
    kit.deploy(
        process(
            "p",
            before
                + "<subProcess id=\"sub\"><extensionElements><camunda:inputOutput>"
                + io
                + "</camunda:inputOutput></extensionElements>"
                + "<startEvent id=\"sub_start\"/>"
                + inside
                + "</subProcess>"
                + flow("f2", "sub", "after")
                + "<userTask id=\"after\"/>"
                + flow("f3", "after", "end")
                + "<endEvent id=\"end\"/>"));
  }

  /** Camunda's scope execution of the sub-process {@code sub}, which the activity history names. */
  private String scopeExecution(String pi) {
    return (String) kit.historyOf(pi, "sub").get("execution_id");
  }

  @Test
  void inputsAreLocalsOfTheSubProcessScopeUntilItEndsAndOutputsSeeThem() {
    deploy(
        "<camunda:inputParameter name=\"x\">in</camunda:inputParameter>"
            + "<camunda:outputParameter name=\"out\">${x}</camunda:outputParameter>",
        flow("s1", "sub_start", "inner")
            + "<userTask id=\"inner\"/>"
            + flow("s2", "inner", "sub_end")
            + "<endEvent id=\"sub_end\"/>");
    String pi = kit.start("p", Map.of("g", 1));
    String scope = scopeExecution(pi);
    String scopeActivityInstance = (String) kit.historyOf(pi, "sub").get("id");

    assertThat(kit.runtimeVariables(pi))
        .extracting(r -> r.get("name") + "@" + r.get("execution_id") + "/" + r.get("act_inst_id"))
        .containsExactly("g@" + pi + "/" + pi, "x@" + scope + "/" + scopeActivityInstance);
    assertThat(kit.engine.processInstances().variables(pi)).containsOnlyKeys("g");
    assertThat(kit.engine.variableInstances().list(
            Caller.SYSTEM, kit.engine.variableInstances().createQuery(),
            dev.tern.engine.query.Page.ALL))
        .filteredOn(v -> v.name().equals("x"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.executionId()).isEqualTo(scope);
              assertThat(v.activityInstanceId()).isEqualTo(scopeActivityInstance);
            });

    kit.complete(pi, "inner");

    assertThat(kit.runtimeVariables(pi)).extracting(r -> r.get("name")).containsExactly("g", "out");
    assertThat(kit.variable(pi, "out")).isEqualTo("in");
    assertThat(
            kit.rows(
                "SELECT state, execution_id, act_inst_id FROM tern_hi_variable"
                    + " WHERE process_instance_id = ? AND name = 'x'",
                pi))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.get("state")).isEqualTo("CREATED");
              assertThat(r.get("execution_id")).isEqualTo(scope);
              assertThat(r.get("act_inst_id")).isEqualTo(scopeActivityInstance);
            });
  }

  @Test
  void setVariableInsideUpdatesTheLocalWhereItExistsAndOtherwiseTheProcessInstance() {
    deploy(
        "<camunda:inputParameter name=\"x\">in</camunda:inputParameter>"
            + "<camunda:outputParameter name=\"out\">${x}</camunda:outputParameter>",
        flow("s1", "sub_start", "set")
            + "<serviceTask id=\"set\" camunda:expression=\"${execution.setVariable('x', 'changed')"
            + " == null and execution.setVariable('y', 'new') == null}\"/>"
            + flow("s2", "set", "inner")
            + "<userTask id=\"inner\"/>"
            + flow("s3", "inner", "sub_end")
            + "<endEvent id=\"sub_end\"/>");
    String pi = kit.start("p");

    assertThat(kit.runtimeVariables(pi))
        .extracting(r -> r.get("name") + "=" + r.get("text_value") + "@" + r.get("execution_id"))
        .containsExactly("x=changed@" + scopeExecution(pi), "y=new@" + pi);

    kit.complete(pi, "inner");

    assertThat(kit.variable(pi, "out")).isEqualTo("changed");
    assertThat(kit.runtimeVariables(pi)).extracting(r -> r.get("name")).containsExactly("out", "y");
  }

  @Test
  void localsSetThroughTheExecutionLiveOnItsScopeAndEndWhenABoundaryEventCancelsIt() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>"
                + flow("f0", "start", "fork")
                + "<parallelGateway id=\"fork\"/>"
                + flow("f0a", "fork", "side")
                + "<userTask id=\"side\"/>"
                + flow("f1", "fork", "sub")
                + ScopeEngine.subProcess(
                    "sub",
                    flow("s1", "sub_start", "inner")
                        + "<userTask id=\"inner\"/>"
                        + flow("s2", "inner", "sub_end")
                        + "<endEvent id=\"sub_end\"/>")
                + flow("f2", "sub", "after")
                + "<userTask id=\"after\"/>"
                + "<boundaryEvent id=\"cancel\" attachedToRef=\"sub\">"
                + "<messageEventDefinition messageRef=\"m\"/></boundaryEvent>"
                + flow("f3", "cancel", "after")));
    String pi = kit.start("p");
    String scope = scopeExecution(pi);
    assertThat(scope).isNotEqualTo(pi);
    ExecutionService executions = kit.engine.executions();

    executions.modifyLocalVariables(
        Caller.SYSTEM, scope, Map.of("y", TypedValue.fromJava("L")), List.of());

    assertThat(executions.localVariables(Caller.SYSTEM, scope)).containsOnlyKeys("y");
    assertThat(executions.localVariable(Caller.SYSTEM, scope, "y")).isPresent();
    assertThat(kit.engine.processInstances().variables(pi)).isEmpty();
    // the inner task waits in the scope execution itself (Camunda 7.24)
    assertThat(kit.executions(pi))
        .filteredOn(r -> "inner".equals(r.get("activity_id")))
        .extracting(r -> r.get("id"))
        .containsExactly(scope);

    kit.engine
        .messageCorrelationService()
        .correlate(dev.tern.engine.event.MessageCorrelation.named("cancel").build());

    assertThat(kit.activeActivities(pi)).containsExactlyInAnyOrder("side", "after");
    assertThat(kit.runtimeVariables(pi)).isEmpty();
    assertThat(kit.rows("SELECT state FROM tern_hi_variable WHERE process_instance_id = ?", pi))
        .extracting(r -> r.get("state"))
        .containsExactly("CREATED");
  }

  @Test
  void aLocalRemovedThroughTheExecutionIsDeletedInHistory() {
    deployBesideATask(
        "<camunda:inputParameter name=\"x\">in</camunda:inputParameter>",
        flow("s1", "sub_start", "inner")
            + "<userTask id=\"inner\"/>"
            + flow("s2", "inner", "sub_end")
            + "<endEvent id=\"sub_end\"/>");
    String pi = kit.start("p");
    String scope = scopeExecution(pi);

    kit.engine.executions().modifyLocalVariables(Caller.SYSTEM, scope, Map.of(), List.of("x"));

    assertThat(kit.runtimeVariables(pi)).isEmpty();
    assertThat(kit.rows("SELECT state FROM tern_hi_variable WHERE process_instance_id = ?", pi))
        .extracting(r -> r.get("state"))
        .containsExactly("DELETED");
  }
  @Test
  void eachInstanceOfAMultiInstanceSubProcessHasItsOwnInputs() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>"
                + flow("f1", "start", "sub")
                + "<subProcess id=\"sub\"><extensionElements><camunda:inputOutput>"
                + "<camunda:inputParameter name=\"x\">${loopCounter * 10}</camunda:inputParameter>"
                + "<camunda:outputParameter name=\"last\">${x}</camunda:outputParameter>"
                + "</camunda:inputOutput></extensionElements>"
                + "<multiInstanceLoopCharacteristics isSequential=\"false\">"
                + "<loopCardinality>2</loopCardinality></multiInstanceLoopCharacteristics>"
                + "<startEvent id=\"sub_start\"/>"
                + flow("s1", "sub_start", "inner")
                + "<userTask id=\"inner\"/>"
                + flow("s2", "inner", "sub_end")
                + "<endEvent id=\"sub_end\"/>"
                + "</subProcess>"
                + flow("f2", "sub", "after")
                + "<userTask id=\"after\"/>"));
    String pi = kit.start("p");

    assertThat(
            kit.rows(
                "SELECT v.long_value, e.loop_counter FROM tern_variable v"
                    + " JOIN tern_execution e ON e.scope_execution_id = v.execution_id"
                    + " AND e.activity_instance_id = v.act_inst_id"
                    + " WHERE v.process_instance_id = ? AND v.name = 'x' ORDER BY e.loop_counter",
                pi))
        .extracting(r -> ((Number) r.get("long_value")).longValue() + "@" + r.get("loop_counter"))
        .containsExactly("0@0", "10@1");

    kit.completeTask(kit.tasks(pi).get(0));
    kit.completeTask(kit.tasks(pi).get(0));

    assertThat(kit.activeActivities(pi)).containsExactly("after");
    assertThat(kit.runtimeVariables(pi)).extracting(r -> r.get("name")).containsExactly("last");
  }
}
