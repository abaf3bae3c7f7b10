package dev.tern.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.query.Page;
import dev.tern.engine.task.Task;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The variables of a multi-instance activity as Camunda 7.24 stores them (its answers on the
 * reference server): the counts are locals of the body's execution, the loop counter and element
 * locals of each parallel instance's execution (sequential: of the body's), updated in place, ended
 * with their execution and kept in history with every update.
 */
@DatabaseTest
class MultiInstanceVariablesTest {

  private final ScopeEngine kit;

  MultiInstanceVariablesTest(TestDatabase db) {
    this.kit = new ScopeEngine(db);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  private static String loop(boolean sequential, String characteristics) {
    return "<multiInstanceLoopCharacteristics isSequential=\"" + sequential + "\"" + characteristics
        + "</multiInstanceLoopCharacteristics>";
  }

  private static final String REVIEW_EACH_UNTIL_TWO =
      "<userTask id=\"act\">"
          + loop(false, " camunda:collection=\"${items}\" camunda:elementVariable=\"item\">"
              + "<completionCondition>${nrOfCompletedInstances == 2}</completionCondition>")
          + "</userTask>";

  /** name@executionId → value of the instance's runtime variables, without the process's. */
  private Map<String, Object> runtime(String pi) {
    Map<String, Object> found = new java.util.TreeMap<>();
    kit.engine
        .variableInstances()
        .list(Caller.SYSTEM, new VariableInstanceQuery().set("processInstanceIdIn", List.of(pi)), Page.ALL)
        .stream()
        .filter(v -> !v.executionId().equals(pi))
        .forEach(v -> found.put(v.name() + "@" + v.executionId(), v.value().value()));
    return found;
  }

  private List<VariableInstance> runtimeNamed(String pi, String name) {
    return kit.engine
        .variableInstances()
        .list(
            Caller.SYSTEM,
            new VariableInstanceQuery().set("processInstanceIdIn", List.of(pi)).set("variableName", name),
            Page.ALL);
  }

  private List<HistoricVariableInstance> history(String pi) {
    return kit.engine
        .historicVariableInstances()
        .list(
            Caller.SYSTEM,
            kit.engine.historicVariableInstances().createQuery().set("processInstanceId", pi),
            Page.ALL);
  }

  /** The updates of one variable name by revision (all are written in one clock millisecond): revision, value, execution. */
  private List<List<Object>> updates(String pi, String name) {
    return kit.engine
        .historicDetails()
        .list(
            Caller.SYSTEM,
            kit.engine.historicDetails().createQuery().set("processInstanceId", pi),
            Page.ALL)
        .stream()
        .filter(d -> d.variable().name().equals(name))
        .sorted(java.util.Comparator.comparing(HistoricDetail::revision))
        .map(d -> List.<Object>of(d.revision(), d.variable().value().value(), d.owner().executionId()))
        .toList();
  }

  @Test
  void parallelCountsAreLocalsOfTheBodyAndEachInstanceHoldsItsLoopCounterAndElement() {
    kit.deploy(ScopeEngine.aroundAct(REVIEW_EACH_UNTIL_TWO, ""));
    String pi = kit.start("p", Map.of("items", List.of("a", "b", "c")));
    String body = kit.bodyExecution(pi);
    List<Task> tasks = new ArrayList<>(kit.tasks(pi));
    tasks.sort(java.util.Comparator.comparing(t -> (Integer) runtimeOf(pi, t.executionId(), "loopCounter")));

    Map<String, Object> expected = new java.util.TreeMap<>();
    expected.put("nrOfInstances@" + body, 3);
    expected.put("nrOfCompletedInstances@" + body, 0);
    expected.put("nrOfActiveInstances@" + body, 3);
    for (int i = 0; i < 3; i++) {
      expected.put("loopCounter@" + tasks.get(i).executionId(), i);
      expected.put("item@" + tasks.get(i).executionId(), List.of("a", "b", "c").get(i));
    }
    assertThat(runtime(pi)).isEqualTo(expected);
    // the instance's variables show the activity instance its execution is in, as in Camunda
    assertThat(runtimeNamed(pi, "loopCounter"))
        .extracting(VariableInstance::activityInstanceId)
        .containsExactlyInAnyOrderElementsOf(tasks.stream().map(Task::activityInstanceId).toList());
    String bodyInstance = (String) kit.historyOf(pi, "act#multiInstanceBody").get("id");
    assertThat(runtimeNamed(pi, "nrOfInstances"))
        .extracting(VariableInstance::activityInstanceId)
        .containsExactly(bodyInstance);
    assertThat(kit.engine.executions().localVariables(Caller.SYSTEM, tasks.get(1).executionId()))
        .containsOnlyKeys("loopCounter", "item");
    assertThat(kit.engine.executions().localVariables(Caller.SYSTEM, body))
        .containsOnlyKeys("nrOfInstances", "nrOfCompletedInstances", "nrOfActiveInstances");

    kit.completeTask(tasks.get(0));

    assertThat(runtime(pi))
        .containsEntry("nrOfCompletedInstances@" + body, 1)
        .containsEntry("nrOfActiveInstances@" + body, 2)
        .doesNotContainKey("loopCounter@" + tasks.get(0).executionId())
        .containsEntry("loopCounter@" + tasks.get(2).executionId(), 2);

    kit.completeTask(tasks.get(1));

    // the completion condition holds: the body and its instances end, their variables with them
    assertThat(runtime(pi)).isEmpty();
    assertThat(kit.activeActivities(pi)).containsExactly("after");
    assertThat(history(pi))
        .filteredOn(v -> !v.owner().executionId().equals(pi))
        .extracting(v -> v.name(), v -> v.value().value(), v -> v.owner().activityInstanceId(), v -> v.state())
        .containsExactlyInAnyOrder(
            tuple("nrOfInstances", 3, bodyInstance, "CREATED"),
            tuple("nrOfCompletedInstances", 2, bodyInstance, "CREATED"),
            tuple("nrOfActiveInstances", 1, bodyInstance, "CREATED"),
            tuple("loopCounter", 0, bodyInstance, "CREATED"),
            tuple("loopCounter", 1, bodyInstance, "CREATED"),
            tuple("loopCounter", 2, bodyInstance, "CREATED"),
            tuple("item", "a", bodyInstance, "CREATED"),
            tuple("item", "b", bodyInstance, "CREATED"),
            tuple("item", "c", bodyInstance, "CREATED"));
    assertThat(updates(pi, "nrOfCompletedInstances"))
        .containsExactly(List.of(0, 0, body), List.of(1, 1, body), List.of(2, 2, body));
    assertThat(updates(pi, "nrOfActiveInstances"))
        .containsExactly(List.of(0, 3, body), List.of(1, 2, body), List.of(2, 1, body));
    assertThat(updates(pi, "loopCounter")).hasSize(3).allSatisfy(u -> assertThat(u.get(0)).isEqualTo(0));
  }

  private Object runtimeOf(String pi, String executionId, String name) {
    return runtime(pi).get(name + "@" + executionId);
  }

  @Test
  void aSequentialLoopKeepsEveryVariableOnTheBodyAndUpdatesThemInPlace() {
    kit.deploy(
        ScopeEngine.aroundAct(
            "<userTask id=\"act\">"
                + loop(true, " camunda:collection=\"${items}\" camunda:elementVariable=\"item\">")
                + "</userTask>",
            ""));
    String pi = kit.start("p", Map.of("items", List.of("a", "b")));
    String body = kit.bodyExecution(pi);

    assertThat(runtime(pi))
        .isEqualTo(
            Map.of(
                "nrOfInstances@" + body, 2,
                "nrOfCompletedInstances@" + body, 0,
                "nrOfActiveInstances@" + body, 1,
                "loopCounter@" + body, 0,
                "item@" + body, "a"));

    kit.completeTask(kit.tasks(pi).get(0));

    assertThat(runtime(pi))
        .isEqualTo(
            Map.of(
                "nrOfInstances@" + body, 2,
                "nrOfCompletedInstances@" + body, 1,
                "nrOfActiveInstances@" + body, 1,
                "loopCounter@" + body, 1,
                "item@" + body, "b"));
    assertThat(updates(pi, "loopCounter")).containsExactly(List.of(0, 0, body), List.of(1, 1, body));
    assertThat(updates(pi, "item")).containsExactly(List.of(0, "a", body), List.of(1, "b", body));
    assertThat(updates(pi, "nrOfActiveInstances")).containsExactly(List.of(0, 1, body));

    kit.completeTask(kit.tasks(pi).get(0));

    assertThat(runtime(pi)).isEmpty();
    assertThat(kit.activeActivities(pi)).containsExactly("after");
    assertThat(updates(pi, "nrOfCompletedInstances"))
        .extracting(u -> u.get(1))
        .containsExactly(0, 1, 2);
  }

  @Test
  void eachInstanceOfAParallelSubProcessHoldsItsLoopCounterAboveTheSubProcessScope() {
    kit.deploy(
        ScopeEngine.aroundAct(
            "<subProcess id=\"act\">"
                + loop(false, "><loopCardinality>2</loopCardinality>")
                + "<startEvent id=\"s1\"/>"
                + ScopeEngine.flow("sf1", "s1", "inner")
                + "<userTask id=\"inner\" camunda:assignee=\"${'r'.concat(loopCounter).concat('/').concat(nrOfInstances)}\"/>"
                + ScopeEngine.flow("sf2", "inner", "innerEnd")
                + "<endEvent id=\"innerEnd\"/></subProcess>",
            ""));
    String pi = kit.start("p");
    String body = kit.bodyExecution(pi);

    List<VariableInstance> counters = runtimeNamed(pi, "loopCounter");
    assertThat(counters).hasSize(2);
    assertThat(kit.rows("SELECT parent_id FROM tern_execution WHERE id = ?", counters.get(0).executionId()))
        .extracting(r -> r.get("parent_id"))
        .containsExactly(body);
    assertThat(kit.tasks(pi)).extracting(Task::assignee).containsExactlyInAnyOrder("r0/2", "r1/2");

    kit.tasks(pi).forEach(kit::completeTask);

    assertThat(runtime(pi)).isEmpty();
    assertThat(kit.activeActivities(pi)).containsExactly("after");
  }

  @Test
  void eachInstanceOfAParallelCallActivityHoldsItsLoopCounterOnTheExecutionThatCalls() {
    kit.deployAll(
        Map.of(
            "callee.bpmn",
            ScopeEngine.process(
                "callee",
                "<startEvent id=\"cs\"/>" + ScopeEngine.flow("c1", "cs", "ct") + "<userTask id=\"ct\"/>"),
            "p.bpmn",
            ScopeEngine.aroundAct(
                "<callActivity id=\"act\" calledElement=\"callee\"><extensionElements>"
                    + "<camunda:in source=\"loopCounter\" target=\"number\"/></extensionElements>"
                    + loop(false, "><loopCardinality>2</loopCardinality>")
                    + "</callActivity>",
                "")));
    String pi = kit.start("p");
    String body = kit.bodyExecution(pi);

    List<String> callers =
        kit.rows("SELECT super_execution_id FROM tern_process_instance WHERE super_process_instance_id = ?", pi)
            .stream()
            .map(r -> (String) r.get("super_execution_id"))
            .toList();
    assertThat(runtimeNamed(pi, "loopCounter"))
        .extracting(VariableInstance::executionId)
        .containsExactlyInAnyOrderElementsOf(callers);
    List<String> called = kit.calledBy(pi);
    assertThat(called).extracting(c -> kit.variable(c, "number")).containsExactlyInAnyOrder(0, 1);

    kit.completeTask(kit.tasks(called.get(0)).get(0));

    assertThat(runtime(pi))
        .containsEntry("nrOfCompletedInstances@" + body, 1)
        .containsEntry("nrOfActiveInstances@" + body, 1);
    assertThat(runtimeNamed(pi, "loopCounter")).hasSize(1);
  }

  @Test
  void aBoundaryEventEndingTheBodyRemovesEveryLoopVariableAndHistoryKeepsThem() {
    kit.deploy(
        ScopeEngine.aroundAct(
            "<userTask id=\"act\">" + loop(false, "><loopCardinality>3</loopCardinality>") + "</userTask>",
            "<boundaryEvent id=\"late\" attachedToRef=\"act\"><timerEventDefinition>"
                + "<timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>"
                + ScopeEngine.flow("f4", "late", "escalated")
                + "<userTask id=\"escalated\"/>"));
    String pi = kit.start("p");
    assertThat(runtime(pi)).hasSize(6);

    kit.clock.advance(Duration.ofHours(2));
    kit.engine.jobExecutor().executeDueJobs();

    assertThat(kit.activeActivities(pi)).containsExactly("escalated");
    assertThat(runtime(pi)).isEmpty();
    assertThat(history(pi)).hasSize(6);
  }

  @Test
  void instancesCancelledBeforeTheyRestLeaveNoVariablesAndNoInstancesStoreNone() {
    kit.deploy(
        ScopeEngine.aroundAct(
            "<serviceTask id=\"act\" camunda:expression=\"${loopCounter}\">"
                + loop(false, "><loopCardinality>${n}</loopCardinality>"
                    + "<completionCondition>${nrOfCompletedInstances == 1}</completionCondition>")
                + "</serviceTask>",
            ""));

    String pi = kit.start("p", Map.of("n", 3));

    assertThat(kit.activeActivities(pi)).containsExactly("after");
    assertThat(runtime(pi)).isEmpty();
    assertThat(updates(pi, "nrOfCompletedInstances")).extracting(u -> u.get(1)).containsExactly(0, 1);

    String none = kit.start("p", Map.of("n", 0));

    assertThat(kit.activeActivities(none)).containsExactly("after");
    assertThat(history(none)).extracting(HistoricVariableInstance::name).containsExactly("n");
  }

  @Test
  void twoInstancesCompletedAtOnceAreBothCounted() throws Exception {
    kit.deploy(
        ScopeEngine.aroundAct(
            "<userTask id=\"act\">" + loop(false, "><loopCardinality>3</loopCardinality>") + "</userTask>",
            ""));
    String pi = kit.start("p");
    String body = kit.bodyExecution(pi);
    List<Task> tasks = kit.tasks(pi);

    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Void>> racing = new ArrayList<>();
    for (Task task : tasks.subList(0, 2)) {
      racing.add(
          CompletableFuture.runAsync(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                kit.completeTask(task);
              }));
    }
    go.countDown();
    CompletableFuture.allOf(racing.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    assertThat(runtime(pi))
        .containsEntry("nrOfCompletedInstances@" + body, 2)
        .containsEntry("nrOfActiveInstances@" + body, 1);
    assertThat(updates(pi, "nrOfCompletedInstances")).extracting(u -> u.get(1)).containsExactly(0, 1, 2);

    kit.completeTask(tasks.get(2));

    assertThat(kit.activeActivities(pi)).containsExactly("after");
  }
}
