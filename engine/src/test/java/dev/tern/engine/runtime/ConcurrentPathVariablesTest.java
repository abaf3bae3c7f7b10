package dev.tern.engine.runtime;

import static dev.tern.engine.runtime.ScopeEngine.flow;
import static dev.tern.engine.runtime.ScopeEngine.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Local variables of a concurrent path (Camunda's concurrent execution), each case as the Camunda
 * 7.24 reference server answered: a path can hold them; when the other paths end and the path goes
 * back into its scope execution they become the scope's (a name the scope holds takes the path's
 * value); when the path ends (an end event, a join) they go, their history stays {@code CREATED}
 * and names the path's execution and the activity instance they were set in.
 */
@DatabaseTest
class ConcurrentPathVariablesTest {

  private final ScopeEngine kit;

  ConcurrentPathVariablesTest(TestDatabase db) {
    this.kit = new ScopeEngine(db);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  /** start → fork → a, b (user tasks) → {@code afterA}, {@code afterB}. */
  private void deployFork(String afterA, String afterB) {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>"
                + flow("f0", "start", "fork")
                + "<parallelGateway id=\"fork\"/>"
                + flow("f1", "fork", "a")
                + flow("f2", "fork", "b")
                + "<userTask id=\"a\"/><userTask id=\"b\"/>"
                + afterA
                + afterB));
  }

  private void deployForkToEnds() {
    deployFork(
        flow("f3", "a", "endA") + "<endEvent id=\"endA\"/>",
        flow("f4", "b", "endB") + "<endEvent id=\"endB\"/>");
  }

  private String pathOf(String pi, String activityId) {
    return kit.task(pi, activityId).executionId();
  }

  private void setLocal(String execution, String name, Object value) {
    kit.engine
        .executions()
        .modifyLocalVariables(
            Caller.SYSTEM, execution, Map.of(name, TypedValue.fromJava(value)), List.of());
  }

  private List<Map<String, Object>> historicVariables(String pi) {
    return kit.rows(
        "SELECT name, execution_id, act_inst_id, text_value, state FROM tern_hi_variable"
            + " WHERE process_instance_id = ? ORDER BY create_time, name",
        pi);
  }

  @Test
  void aPathsLocalsMoveIntoTheInstanceWhenTheOtherPathEnds() {
    deployForkToEnds();
    String pi = kit.start("p");
    String path = pathOf(pi, "a");
    String activityA = (String) kit.historyOf(pi, "a").get("id");

    setLocal(path, "loc", "x");
    setLocal(path, "loc2", 5);

    ExecutionService executions = kit.engine.executions();
    assertThat(executions.localVariables(Caller.SYSTEM, path)).containsOnlyKeys("loc", "loc2");
    assertThat(executions.localVariable(Caller.SYSTEM, path, "loc").orElseThrow().value())
        .isEqualTo("x");
    assertThat(kit.engine.processInstances().variables(pi)).isEmpty();
    assertThat(kit.runtimeVariables(pi))
        .extracting(r -> r.get("execution_id"))
        .containsExactly(path, path);

    kit.complete(pi, "b");

    assertThat(kit.task(pi, "a").executionId()).isEqualTo(pi);
    assertThat(kit.engine.processInstances().variables(pi)).containsOnlyKeys("loc", "loc2");
    assertThat(kit.runtimeVariables(pi))
        .extracting(r -> r.get("execution_id"), r -> r.get("act_inst_id"))
        .containsOnly(tuple(pi, pi));
    // history keeps the path's execution and the activity instance the locals were set in
    assertThat(historicVariables(pi))
        .extracting(r -> r.get("execution_id"), r -> r.get("act_inst_id"), r -> r.get("state"))
        .containsOnly(tuple(path, activityA, "CREATED"));

    kit.complete(pi, "a");

    assertThat(kit.instanceExists(pi)).isFalse();
    assertThat(historicVariables(pi)).hasSize(2);
  }

  @Test
  void aPathsLocalsGoWhenThePathEnds() {
    deployForkToEnds();
    String pi = kit.start("p");
    String path = pathOf(pi, "a");
    setLocal(path, "loc", "x");

    kit.complete(pi, "a");

    assertThat(kit.runtimeVariables(pi)).isEmpty();
    assertThat(kit.engine.processInstances().variables(pi)).isEmpty();
    assertThat(historicVariables(pi))
        .extracting(r -> r.get("execution_id"), r -> r.get("state"))
        .containsExactly(tuple(path, "CREATED"));
  }

  @Test
  void aPathsLocalTakesOverTheInstancesVariableOfTheSameName() {
    deployForkToEnds();
    String pi = kit.start("p", Map.of("loc", "p"));
    String path = pathOf(pi, "a");
    setLocal(path, "loc", "x");
    assertThat(kit.variable(pi, "loc")).isEqualTo("p");

    kit.complete(pi, "b");

    assertThat(kit.variable(pi, "loc")).isEqualTo("x");
    assertThat(kit.runtimeVariables(pi))
        .extracting(r -> r.get("execution_id"), r -> r.get("text_value"))
        .containsExactly(tuple(pi, "x"));
    // the instance's variable took the value, the path's stays in history as it was
    assertThat(historicVariables(pi))
        .extracting(r -> r.get("execution_id"), r -> r.get("text_value"), r -> r.get("state"))
        .containsExactlyInAnyOrder(
            tuple(pi, "x", "CREATED"),
            tuple(path, "x", "CREATED"));
  }

  @Test
  void aPathsLocalsStayWhileItWaitsAtAJoinAndGoWhenTheJoinFires() {
    deployFork(
        flow("f3", "a", "join"),
        flow("f4", "b", "join")
            + "<parallelGateway id=\"join\"/>"
            + flow("f5", "join", "c")
            + "<userTask id=\"c\"/>"
            + flow("f6", "c", "end")
            + "<endEvent id=\"end\"/>");
    String pi = kit.start("p");
    String path = pathOf(pi, "a");
    setLocal(path, "loc", "x");

    kit.complete(pi, "a");

    assertThat(kit.runtimeVariables(pi))
        .extracting(r -> r.get("execution_id"))
        .containsExactly(path);
    assertThat(kit.engine.executions().localVariables(Caller.SYSTEM, path)).containsOnlyKeys("loc");

    kit.complete(pi, "b");

    assertThat(kit.activeActivities(pi)).containsExactly("c");
    assertThat(kit.runtimeVariables(pi)).isEmpty();
    assertThat(historicVariables(pi))
        .extracting(r -> r.get("state"))
        .containsExactly("CREATED");
  }

  /**
   * start → sub (fork → a, b → end events) → after; a message boundary on the sub-process cancels
   * it and goes to after too.
   */
  private void deployForkInASubProcess() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>"
                + flow("f0", "start", "sub")
                + ScopeEngine.subProcess(
                    "sub",
                    flow("s0", "sub_start", "fork")
                        + "<parallelGateway id=\"fork\"/>"
                        + flow("s1", "fork", "a")
                        + flow("s2", "fork", "b")
                        + "<userTask id=\"a\"/><userTask id=\"b\"/>"
                        + flow("s3", "a", "endA")
                        + "<endEvent id=\"endA\"/>"
                        + flow("s4", "b", "endB")
                        + "<endEvent id=\"endB\"/>")
                + flow("f1", "sub", "after")
                + "<boundaryEvent id=\"cancel\" attachedToRef=\"sub\">"
                + "<messageEventDefinition messageRef=\"m\"/></boundaryEvent>"
                + flow("f2", "cancel", "after")
                + "<userTask id=\"after\"/>"));
  }

  @Test
  void aPathsLocalsInASubProcessMoveIntoItsScopeExecution() {
    deployForkInASubProcess();
    String pi = kit.start("p");
    String scope = (String) kit.historyOf(pi, "sub").get("execution_id");
    String path = pathOf(pi, "a");
    assertThat(path).isNotIn(pi, scope);
    setLocal(path, "loc", "x");

    kit.complete(pi, "b");

    assertThat(kit.task(pi, "a").executionId()).isEqualTo(scope);
    assertThat(kit.engine.executions().localVariables(Caller.SYSTEM, scope))
        .containsOnlyKeys("loc");
    assertThat(kit.engine.processInstances().variables(pi)).isEmpty();

    kit.complete(pi, "a");

    assertThat(kit.activeActivities(pi)).containsExactly("after");
    assertThat(kit.runtimeVariables(pi)).isEmpty();
  }

  @Test
  void aPathsLocalsGoWhenItsSubProcessIsCancelled() {
    deployForkInASubProcess();
    String pi = kit.start("p");
    setLocal(pathOf(pi, "a"), "loc", "x");

    kit.engine
        .messageCorrelationService()
        .correlate(dev.tern.engine.event.MessageCorrelation.named("cancel").build());

    assertThat(kit.activeActivities(pi)).containsExactly("after");
    assertThat(kit.runtimeVariables(pi)).isEmpty();
    assertThat(historicVariables(pi)).extracting(r -> r.get("state")).containsExactly("CREATED");
  }

  @Test
  void aNonInterruptingBoundaryEventsPathKeepsItsLocalsWhenItGoesBackIntoTheInstance() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>"
                + flow("f0", "start", "task")
                + "<userTask id=\"task\"/>"
                + "<boundaryEvent id=\"nb\" attachedToRef=\"task\" cancelActivity=\"false\">"
                + "<messageEventDefinition messageRef=\"m\"/></boundaryEvent>"
                + flow("f1", "nb", "extra")
                + "<userTask id=\"extra\"/>"
                + flow("f2", "extra", "endExtra")
                + "<endEvent id=\"endExtra\"/>"
                + flow("f3", "task", "end")
                + "<endEvent id=\"end\"/>"));
    String pi = kit.start("p");
    kit.engine
        .messageCorrelationService()
        .correlate(
            dev.tern.engine.event.MessageCorrelation.named("cancel").processInstanceId(pi).build());
    String path = pathOf(pi, "extra");
    assertThat(path).isNotEqualTo(pi);
    setLocal(path, "loc", "x");

    kit.complete(pi, "task");

    assertThat(kit.task(pi, "extra").executionId()).isEqualTo(pi);
    assertThat(kit.variable(pi, "loc")).isEqualTo("x");
  }
}
