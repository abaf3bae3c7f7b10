package dev.tern.engine.runtime;

import static dev.tern.engine.runtime.ScopeEngine.flow;
import static dev.tern.engine.runtime.ScopeEngine.process;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.task.Task;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Multi-instance activities as Camunda 7.24 runs them: a body ({@code …#multiInstanceBody}) holds
 * the instances, one per element of {@code camunda:collection} or {@code loopCardinality} many,
 * parallel or sequential, with {@code loopCounter}, the element variable and the {@code nrOf…}
 * counts; a completion condition ends the rest; boundary events belong to the body.
 */
@DatabaseTest
class MultiInstanceTest {

  private final ScopeEngine kit;

  MultiInstanceTest(TestDatabase db) {
    this.kit = new ScopeEngine(db);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  private void deployAround(String activity, String boundaries) {
    kit.deploy(ScopeEngine.aroundAct(activity, boundaries));
  }

  private static String loop(boolean sequential, String inside) {
    return "<multiInstanceLoopCharacteristics isSequential=\"" + sequential + "\"" + inside
        + "</multiInstanceLoopCharacteristics>";
  }

  private static final String REVIEW_EACH =
      "<userTask id=\"act\" camunda:assignee=\"${reviewer}\">"
          + loop(false, " camunda:collection=\"reviewers\" camunda:elementVariable=\"reviewer\">")
          + "</userTask>";

  @Test
  void aParallelUserTaskRunsOncePerElementAndTheTokenGoesOnWhenAllAreDone() {
    deployAround(REVIEW_EACH, "");
    String pi = kit.start("p", Map.of("reviewers", List.of("ann", "bob", "cy")));

    assertThat(kit.tasks(pi)).extracting(Task::assignee).containsExactlyInAnyOrder("ann", "bob", "cy");
    assertThat(kit.rows("SELECT state, loop_counter FROM tern_execution WHERE process_instance_id = ?", pi))
        .extracting(r -> r.get("state") + ":" + r.get("loop_counter"))
        .containsExactlyInAnyOrder("BODY:null", "WAITING:0", "WAITING:1", "WAITING:2");
    assertThat(kit.historyOf(pi, "act#multiInstanceBody").get("activity_type")).isEqualTo("multiInstanceBody");

    List<Task> tasks = kit.tasks(pi);
    kit.completeTask(tasks.get(0));
    kit.completeTask(tasks.get(1));
    assertThat(kit.activeActivities(pi)).containsExactly("act", "act");

    kit.completeTask(tasks.get(2));

    assertThat(kit.activeActivities(pi)).containsExactly("after");
    assertThat(kit.historyOf(pi, "act#multiInstanceBody").get("end_time")).isNotNull();
  }

  @Test
  void theCompletionConditionCancelsTheRemainingInstances() {
    deployAround(
        "<userTask id=\"act\">"
            + loop(false, "><loopCardinality>3</loopCardinality>"
                + "<completionCondition>${nrOfCompletedInstances >= 2}</completionCondition>")
            + "</userTask>",
        "");
    String pi = kit.start("p");
    List<Task> tasks = kit.tasks(pi);
    assertThat(tasks).hasSize(3);

    kit.completeTask(tasks.get(0));
    kit.completeTask(tasks.get(1));

    assertThat(kit.activeActivities(pi)).containsExactly("after");
    assertThat(kit.taskCount(pi)).isEqualTo(1);
    assertThat(kit.history(pi))
        .filteredOn(r -> "act".equals(r.get("activity_id")))
        .extracting(r -> r.get("canceled"))
        .containsExactlyInAnyOrder(false, false, true);
  }

  @Test
  void aSequentialLoopRunsOneInstanceAfterTheOtherWithItsLoopCounter() {
    deployAround(
        "<serviceTask id=\"act\" camunda:expression=\"${loopCounter * 10}\" camunda:resultVariable=\"last\">"
            + loop(true, "><loopCardinality>${count}</loopCardinality>")
            + "</serviceTask>",
        "");
    String pi = kit.start("p", Map.of("count", 3));

    assertThat(kit.activeActivities(pi)).containsExactly("after");
    assertThat(kit.variable(pi, "last")).isEqualTo(20L);
    assertThat(kit.history(pi)).filteredOn(r -> "act".equals(r.get("activity_id"))).hasSize(3);
  }

  @Test
  void sequentialUserTasksWaitOneAtATime() {
    deployAround(
        "<userTask id=\"act\" camunda:assignee=\"${reviewer}\">"
            + loop(true, " camunda:collection=\"${reviewers}\" camunda:elementVariable=\"reviewer\">")
            + "</userTask>",
        "");
    String pi = kit.start("p", Map.of("reviewers", List.of("ann", "bob")));

    assertThat(kit.tasks(pi)).extracting(Task::assignee).containsExactly("ann");
    kit.completeTask(kit.tasks(pi).get(0));
    assertThat(kit.tasks(pi)).extracting(Task::assignee).containsExactly("bob");
    kit.completeTask(kit.tasks(pi).get(0));

    assertThat(kit.activeActivities(pi)).containsExactly("after");
  }

  @Test
  void aParallelSubProcessRunsItsInsideOncePerElement() {
    deployAround(
        "<subProcess id=\"act\">"
            + loop(false, " camunda:collection=\"items\" camunda:elementVariable=\"item\">")
            + "<startEvent id=\"in_start\"/>"
            + flow("i1", "in_start", "pack")
            + "<userTask id=\"pack\" camunda:assignee=\"${item}\"/>"
            + flow("i2", "pack", "note")
            + "<serviceTask id=\"note\" camunda:expression=\"${item.concat(':').concat(loopCounter)}\""
            + " camunda:resultVariable=\"lastPacked\"/>"
            + flow("i3", "note", "in_end")
            + "<endEvent id=\"in_end\"/></subProcess>",
        "");
    String pi = kit.start("p", Map.of("items", List.of("x", "y")));

    assertThat(kit.tasks(pi)).extracting(Task::assignee).containsExactlyInAnyOrder("x", "y");
    Task y = kit.tasks(pi).stream().filter(t -> "y".equals(t.assignee())).findFirst().orElseThrow();
    kit.completeTask(y);
    // a later call: the inside reads its instance's element and loop counter again
    assertThat(kit.variable(pi, "lastPacked")).isEqualTo("y:1");
    kit.tasks(pi).forEach(kit::completeTask);

    assertThat(kit.variable(pi, "lastPacked")).isEqualTo("x:0");
    assertThat(kit.activeActivities(pi)).containsExactly("after");
  }

  @Test
  void noInstancesLetTheTokenPassAtOnce() {
    deployAround(REVIEW_EACH, "");
    String pi = kit.start("p", Map.of("reviewers", List.of()));

    assertThat(kit.activeActivities(pi)).containsExactly("after");
  }

  @Test
  void aBoundaryTimerOfTheActivityEndsEveryInstance() {
    deployAround(
        REVIEW_EACH,
        "<boundaryEvent id=\"late\" attachedToRef=\"act\"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>"
            + flow("b1", "late", "remind")
            + "<userTask id=\"remind\"/>");
    String pi = kit.start("p", Map.of("reviewers", List.of("ann", "bob")));
    assertThat(kit.count("tern_job", pi)).isEqualTo(1);

    kit.clock.advance(Duration.ofHours(2));
    kit.engine.jobExecutor().executeDueJobs();

    assertThat(kit.activeActivities(pi)).containsExactly("remind");
    assertThat(kit.taskCount(pi)).isEqualTo(1);
    assertThat(kit.historyOf(pi, "act#multiInstanceBody").get("canceled")).isEqualTo(true);
  }

  @Test
  void aBpmnErrorOfOneExternalTaskInstanceIsCaughtByTheActivitysBoundaryAndEndsAll() {
    deployAround(
        "<serviceTask id=\"act\" camunda:type=\"external\" camunda:topic=\"charge\">"
            + loop(false, "><loopCardinality>2</loopCardinality>")
            + "</serviceTask>",
        "<boundaryEvent id=\"failed\" attachedToRef=\"act\"><errorEventDefinition errorRef=\"e1\"/></boundaryEvent>"
            + flow("b1", "failed", "handle")
            + "<userTask id=\"handle\"/>");
    String pi = kit.start("p");
    assertThat(kit.count("tern_external_task", pi)).isEqualTo(2);

    kit.engine.externalTaskService().handleBpmnError(kit.fetchOne("charge"), "w", "E1", null, null);

    assertThat(kit.activeActivities(pi)).containsExactly("handle");
    assertThat(kit.count("tern_external_task", pi)).isZero();
  }
}
