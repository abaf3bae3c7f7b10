package dev.tern.engine.runtime;

import static dev.tern.engine.runtime.ScopeEngine.aroundSub;
import static dev.tern.engine.runtime.ScopeEngine.child;
import static dev.tern.engine.runtime.ScopeEngine.flow;
import static dev.tern.engine.runtime.ScopeEngine.subProcess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.event.EventSubscription;
import dev.tern.engine.event.MessageCorrelation;
import dev.tern.engine.job.Job;
import dev.tern.engine.query.Page;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scope execution of an embedded sub-process, as Camunda 7.24 creates it (the reference
 * server's answers in the differential's nested order, docs/differential.md cases 99–118): a child
 * execution of the token that reaches the sub-process, in which the first token inside runs. The
 * sub-process's activity instance and history row, its boundary timer jobs, subscriptions and
 * local variables name it; a user task inside waits in it.
 */
@DatabaseTest
class SubProcessExecutionTest {

  private final ScopeEngine kit;

  SubProcessExecutionTest(TestDatabase db) {
    this.kit = new ScopeEngine(db);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  private static final String TASK_INSIDE =
      flow("s1", "sub_start", "inner")
          + "<userTask id=\"inner\"/>"
          + flow("s2", "inner", "sub_end")
          + "<endEvent id=\"sub_end\"/>";

  /** An interrupting timer on the sub-process, after which the token waits in task {@code late}. */
  private static final String TIMEOUT =
      "<boundaryEvent id=\"timeout\" attachedToRef=\"sub\"><timerEventDefinition>"
          + "<timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>"
          + flow("b1", "timeout", "late")
          + "<userTask id=\"late\"/>";

  /** Reference: the differential's nested order (cases 99–102): two executions, one named by all. */
  @Test
  void theUserTaskInsideWaitsInTheSubProcesssScopeExecution() {
    kit.deploy(aroundSub(TASK_INSIDE, ""));
    String pi = kit.start("p");

    String scope = kit.task(pi, "inner").executionId();
    assertThat(scope).isNotEqualTo(pi);
    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrder(pi, scope);
    ActivityInstance root = kit.activityInstances(pi);
    assertThat(root.executionIds()).containsExactly(pi);
    ActivityInstance sub = child(root, "sub");
    assertThat(sub.executionIds()).containsExactly(scope);
    assertThat(child(sub, "inner").executionIds()).containsExactly(scope);
    assertThat(kit.historicExecution(pi, "start")).isEqualTo(pi);
    assertThat(kit.historicExecution(pi, "sub")).isEqualTo(scope);
    assertThat(kit.historicExecution(pi, "sub_start")).isEqualTo(scope);
    assertThat(kit.historicExecution(pi, "inner")).isEqualTo(scope);

    kit.complete(pi, "inner");

    // the scope execution ended with the sub-process; the token goes on as the instance
    assertThat(kit.executionIds(pi)).containsExactly(pi);
    assertThat(kit.task(pi, "after").executionId()).isEqualTo(pi);
    assertThat(kit.historicExecution(pi, "sub_end")).isEqualTo(scope);
    assertThat(kit.historicExecution(pi, "sub")).isEqualTo(scope);
    assertThat(kit.historicExecution(pi, "after")).isEqualTo(pi);
  }

  @Test
  void nestedSubProcessesEachHaveAScopeExecutionBelowTheEnclosingOne() {
    kit.deploy(
        aroundSub(
            flow("s1", "sub_start", "nested")
                + subProcess(
                    "nested",
                    flow("n1", "nested_start", "inner")
                        + "<userTask id=\"inner\"/>"
                        + flow("n2", "inner", "nested_end")
                        + "<endEvent id=\"nested_end\"/>")
                + flow("s2", "nested", "sub_end")
                + "<endEvent id=\"sub_end\"/>",
            ""));
    String pi = kit.start("p");

    String nestedScope = kit.task(pi, "inner").executionId();
    String outerScope = kit.historicExecution(pi, "sub");
    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrder(pi, outerScope, nestedScope);
    assertThat(kit.historicExecution(pi, "nested")).isEqualTo(nestedScope);
    assertThat(kit.historicExecution(pi, "sub_start")).isEqualTo(outerScope);
    ActivityInstance sub = child(kit.activityInstances(pi), "sub");
    assertThat(sub.executionIds()).containsExactly(outerScope);
    ActivityInstance nested = child(sub, "nested");
    assertThat(nested.executionIds()).containsExactly(nestedScope);
    assertThat(child(nested, "inner").executionIds()).containsExactly(nestedScope);

    kit.complete(pi, "inner");

    assertThat(kit.executionIds(pi)).containsExactly(pi);
    assertThat(kit.activeActivities(pi)).containsExactly("after");
  }

  @Test
  void aTimerBoundaryOfTheSubProcessIsAJobOfItsScopeExecution() {
    kit.deploy(
        aroundSub(
            TASK_INSIDE,
            TIMEOUT));
    String pi = kit.start("p");
    String scope = kit.task(pi, "inner").executionId();
    assertThat(kit.jobs(pi)).singleElement().extracting(Job::executionId).isEqualTo(scope);

    kit.clock.advance(Duration.ofHours(2));
    kit.engine.jobExecutor().executeDueJobs();

    assertThat(kit.activeActivities(pi)).containsExactly("late");
    assertThat(kit.task(pi, "late").executionId()).isEqualTo(pi);
    assertThat(kit.historyOf(pi, "sub").get("canceled")).isEqualTo(true);
    assertThat(kit.historyOf(pi, "inner").get("canceled")).isEqualTo(true);
    assertThat(kit.executionIds(pi)).containsExactly(pi);
    assertThat(kit.jobs(pi)).isEmpty();
  }

  @Test
  void aMessageBoundaryOfTheSubProcessIsASubscriptionOfItsScopeExecution() {
    kit.deploy(
        aroundSub(
            TASK_INSIDE,
            "<boundaryEvent id=\"cancelled\" attachedToRef=\"sub\">"
                + "<messageEventDefinition messageRef=\"m\"/></boundaryEvent>"
                + flow("b1", "cancelled", "late")
                + "<userTask id=\"late\"/>"));
    String pi = kit.start("p");
    String scope = kit.task(pi, "inner").executionId();
    assertThat(kit.subscriptions(pi)).singleElement().extracting(EventSubscription::executionId).isEqualTo(scope);

    kit.engine.messageCorrelationService().correlate(MessageCorrelation.named("cancel").build());

    assertThat(kit.activeActivities(pi)).containsExactly("late");
    assertThat(kit.subscriptions(pi)).isEmpty();
    assertThat(kit.executionIds(pi)).containsExactly(pi);
  }

  /**
   * The scope execution keeps naming the sub-process while its first token rests in an execution
   * of its own (a task with a boundary timer), a child of the scope execution.
   */
  @Test
  void aTaskWithABoundaryEventInsideRunsInAChildOfTheScopeExecution() {
    kit.deploy(
        aroundSub(
            TASK_INSIDE
                + "<boundaryEvent id=\"remind\" attachedToRef=\"inner\" cancelActivity=\"false\">"
                + "<timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>"
                + "</boundaryEvent>"
                + flow("r1", "remind", "sub_remindEnd")
                + "<endEvent id=\"sub_remindEnd\"/>",
            ""));
    String pi = kit.start("p");

    String own = kit.task(pi, "inner").executionId();
    String scope = kit.historicExecution(pi, "sub");
    assertThat(own).isNotIn(pi, scope);
    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrder(pi, scope, own);
    assertThat(kit.jobs(pi)).singleElement().extracting(Job::executionId).isEqualTo(own);
    ActivityInstance sub = child(kit.activityInstances(pi), "sub");
    assertThat(sub.executionIds()).containsExactly(scope);
    assertThat(child(sub, "inner").executionIds()).containsExactly(own);

    kit.complete(pi, "inner");

    assertThat(kit.historicExecution(pi, "sub_end")).isEqualTo(scope);
    assertThat(kit.executionIds(pi)).containsExactly(pi);
  }

  /** The first activity after the start event is the sub-process: the instance is its parent. */
  @Test
  void inputsOfTheSubProcessAreLocalsOfItsScopeExecutionReadThroughIt() {
    kit.deploy(
        aroundSub(TASK_INSIDE, "")
            .replace(
                "<subProcess id=\"sub\">",
                "<subProcess id=\"sub\"><extensionElements><camunda:inputOutput>"
                    + "<camunda:inputParameter name=\"x\">in</camunda:inputParameter>"
                    + "</camunda:inputOutput></extensionElements>"));
    String pi = kit.start("p");
    String scope = kit.task(pi, "inner").executionId();

    assertThat(kit.engine.executions().localVariables(Caller.SYSTEM, scope)).containsOnlyKeys("x");
    assertThat(kit.engine.executions().localVariables(Caller.SYSTEM, pi)).isEmpty();
    assertThat(
            kit.engine.variableInstances().list(
                Caller.SYSTEM, kit.engine.variableInstances().createQuery(), Page.ALL))
        .filteredOn(v -> v.processInstanceId().equals(pi))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.executionId()).isEqualTo(scope);
              assertThat(v.activityInstanceId()).isEqualTo(child(kit.activityInstances(pi), "sub").id());
            });
  }

  /** An async continuation inside is a job of the scope execution; the boundary timer stays. */
  @Test
  void anAsyncContinuationInsideRunsInTheScopeExecutionAndLeavesTheBoundaryTimer() {
    kit.deploy(
        aroundSub(
            flow("s1", "sub_start", "work")
                + "<serviceTask id=\"work\" camunda:asyncBefore=\"true\" camunda:expression=\"${1}\"/>"
                + flow("s2", "work", "inner")
                + "<userTask id=\"inner\"/>"
                + flow("s3", "inner", "sub_end")
                + "<endEvent id=\"sub_end\"/>",
            TIMEOUT));
    String pi = kit.start("p");
    String scope = kit.historicExecution(pi, "sub");
    assertThat(kit.jobs(pi)).extracting(Job::executionId).containsExactly(scope, scope);

    kit.engine.jobExecutor().executeDueJobs();

    assertThat(kit.task(pi, "inner").executionId()).isEqualTo(scope);
    assertThat(kit.jobs(pi)).singleElement().extracting(Job::activityId).isEqualTo("timeout");
  }

  private static final String FORK_INSIDE =
      flow("s1", "sub_start", "fork")
          + "<parallelGateway id=\"fork\"/>"
          + flow("sa", "fork", "a")
          + flow("sb", "fork", "b")
          + "<userTask id=\"a\"/><userTask id=\"b\"/>";

  /**
   * Paths forked inside run in concurrent executions below the scope execution, which stays as
   * their parent; the last one left goes back into the scope execution, as in the process scope.
   */
  @Test
  void pathsInsideAreConcurrentChildrenOfTheScopeExecutionAndTheLastOneGoesBackIntoIt() {
    kit.deploy(
        aroundSub(
            FORK_INSIDE
                + flow("sa2", "a", "endA")
                + flow("sb2", "b", "endB")
                + "<endEvent id=\"endA\"/><endEvent id=\"endB\"/>",
            ""));
    String pi = kit.start("p");
    String scope = kit.historicExecution(pi, "sub");
    String pathA = kit.task(pi, "a").executionId();
    String pathB = kit.task(pi, "b").executionId();

    assertThat(List.of(pathA, pathB)).doesNotContain(pi, scope);
    assertThat(pathA).isNotEqualTo(pathB);
    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrder(pi, scope, pathA, pathB);
    assertThat(kit.historicExecution(pi, "fork")).isEqualTo(scope);
    ActivityInstance sub = child(kit.activityInstances(pi), "sub");
    assertThat(sub.executionIds()).containsExactly(scope);
    assertThat(child(sub, "a").executionIds()).containsExactly(pathA);

    kit.complete(pi, "a");

    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrder(pi, scope);
    assertThat(kit.task(pi, "b").executionId()).isEqualTo(scope);
    assertThat(child(child(kit.activityInstances(pi), "sub"), "b").executionIds()).containsExactly(scope);
    // history keeps the path's execution, as Camunda's does
    assertThat(kit.historicExecution(pi, "b")).isEqualTo(pathB);

    kit.complete(pi, "b");

    assertThat(kit.executionIds(pi)).containsExactly(pi);
    assertThat(kit.task(pi, "after").executionId()).isEqualTo(pi);
  }

  @Test
  void pathsJoinedInsideGoOnAsTheScopeExecution() {
    kit.deploy(
        aroundSub(
            FORK_INSIDE
                + flow("sa2", "a", "join")
                + flow("sb2", "b", "join")
                + "<parallelGateway id=\"join\"/>"
                + flow("s3", "join", "c")
                + "<userTask id=\"c\"/>"
                + flow("s4", "c", "sub_end")
                + "<endEvent id=\"sub_end\"/>",
            TIMEOUT));
    String pi = kit.start("p");
    String scope = kit.historicExecution(pi, "sub");

    kit.complete(pi, "a");
    kit.complete(pi, "b");

    assertThat(kit.task(pi, "c").executionId()).isEqualTo(scope);
    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrder(pi, scope);
    // the sub-process's timer outlived the paths that ended inside it
    assertThat(kit.jobs(pi)).singleElement().extracting(Job::executionId).isEqualTo(scope);

    kit.complete(pi, "c");

    assertThat(kit.executionIds(pi)).containsExactly(pi);
    assertThat(kit.jobs(pi)).isEmpty();
    assertThat(kit.activeActivities(pi)).containsExactly("after");
  }

  /**
   * A parallel multi-instance sub-process: each instance (a child of the body) runs its sub-process
   * in a scope execution of its own, which its activity instance, history row and inputs name and
   * in which its task waits.
   */
  @Test
  void eachInstanceOfAMultiInstanceSubProcessRunsInAScopeExecutionOfItsOwn() {
    kit.deploy(
        aroundSub(TASK_INSIDE, "")
            .replace(
                "<subProcess id=\"sub\">",
                "<subProcess id=\"sub\"><extensionElements><camunda:inputOutput>"
                    + "<camunda:inputParameter name=\"x\">${loopCounter}</camunda:inputParameter>"
                    + "</camunda:inputOutput></extensionElements>"
                    + "<multiInstanceLoopCharacteristics isSequential=\"false\">"
                    + "<loopCardinality>2</loopCardinality></multiInstanceLoopCharacteristics>"));
    String pi = kit.start("p");
    String body = kit.bodyExecution(pi);

    List<String> scopes = kit.tasks(pi).stream().map(t -> t.executionId()).toList();
    assertThat(scopes).hasSize(2).doesNotHaveDuplicates().doesNotContain(pi, body);
    List<String> instances =
        kit.executions(pi).stream()
            .filter(r -> body.equals(r.get("parent_id")))
            .map(r -> (String) r.get("id"))
            .toList();
    assertThat(instances).hasSize(2).doesNotContainAnyElementsOf(scopes);
    List<String> all = new java.util.ArrayList<>(List.of(pi, body));
    all.addAll(instances);
    all.addAll(scopes);
    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrderElementsOf(all);
    ActivityInstance bodyInstance = child(kit.activityInstances(pi), "sub#multiInstanceBody");
    // Camunda lists the body's scope execution and the instances' concurrent executions above
    // their scope executions (reference: model "miSub")
    List<String> bodyExecutions = new java.util.ArrayList<>(List.of(body));
    bodyExecutions.addAll(instances);
    assertThat(bodyInstance.executionIds()).containsExactlyInAnyOrderElementsOf(bodyExecutions);
    assertThat(bodyInstance.childActivityInstances())
        .allSatisfy(
            sub ->
                assertThat(sub.executionIds())
                    .isEqualTo(child(sub, "inner").executionIds())
                    .singleElement()
                    .isIn(scopes));
    assertThat(kit.history(pi))
        .filteredOn(r -> "sub".equals(r.get("activity_id")))
        .extracting(r -> r.get("execution_id"))
        .containsExactlyInAnyOrderElementsOf(scopes);
    for (String scope : scopes) {
      assertThat(kit.engine.executions().localVariables(Caller.SYSTEM, scope)).containsOnlyKeys("x");
    }

    kit.tasks(pi).forEach(kit::completeTask);

    assertThat(kit.executionIds(pi)).containsExactly(pi);
    assertThat(kit.activeActivities(pi)).containsExactly("after");
  }
}
