package dev.tern.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.task.Task;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The executions of a multi-instance activity as the Camunda 7.24 reference shows them: the body
 * ({@code act#multiInstanceBody}) is a scope execution of its own, a child of the instance, and
 * the inner instances of a parallel loop are its children, each holding its task; when the body
 * ends (completed or interrupted) its execution goes and the token goes on as before.
 */
@DatabaseTest
class MultiInstanceExecutionTest {

  private final ScopeEngine kit;

  MultiInstanceExecutionTest(TestDatabase db) {
    this.kit = new ScopeEngine(db);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  private static final String REVIEW_TWICE =
      "<userTask id=\"act\"><multiInstanceLoopCharacteristics isSequential=\"false\">"
          + "<loopCardinality>2</loopCardinality></multiInstanceLoopCharacteristics></userTask>";

  private Map<String, Object> row(String id) {
    return kit.rows("SELECT parent_id, state, activity_id FROM tern_execution WHERE id = ?", id).get(0);
  }

  @Test
  void theBodyIsAnExecutionOfItsOwnAndEachParallelInstanceAChildOfIt() {
    kit.deploy(ScopeEngine.aroundAct(REVIEW_TWICE, ""));
    String pi = kit.start("p");

    String body = kit.bodyExecution(pi);
    assertThat(body).isNotEqualTo(pi);
    List<Task> tasks = kit.tasks(pi);
    assertThat(tasks).hasSize(2);
    assertThat(tasks).extracting(Task::executionId).doesNotHaveDuplicates().doesNotContain(pi, body);
    assertThat(tasks).allSatisfy(task -> assertThat(row(task.executionId()).get("parent_id")).isEqualTo(body));
    assertThat(kit.historyOf(pi, "act#multiInstanceBody").get("execution_id")).isEqualTo(body);
    ActivityInstance root = kit.engine.processInstances().activityInstances(Caller.SYSTEM, pi);
    ActivityInstance bodyInstance = root.childActivityInstances().get(0);
    assertThat(bodyInstance.executionIds()).containsExactly(body);
    assertThat(bodyInstance.childActivityInstances())
        .flatExtracting(ActivityInstance::executionIds)
        .containsExactlyInAnyOrderElementsOf(tasks.stream().map(Task::executionId).toList());

    tasks.forEach(kit::completeTask);

    assertThat(kit.rows("SELECT id FROM tern_execution WHERE id = ?", body)).isEmpty();
    assertThat(kit.task(pi, "after").executionId()).isEqualTo(pi);
  }

  @Test
  void aBoundaryTimerOfTheBodyEndsItsExecutionAndTheInstanceGoesOn() {
    kit.deploy(
        ScopeEngine.aroundAct(
            REVIEW_TWICE,
            "<boundaryEvent id=\"late\" attachedToRef=\"act\"><timerEventDefinition>"
                + "<timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>"
                + ScopeEngine.flow("f4", "late", "escalated")
                + "<userTask id=\"escalated\"/>"));
    String pi = kit.start("p");
    String body = kit.bodyExecution(pi);
    assertThat(
            kit.rows("SELECT execution_id FROM tern_job WHERE process_instance_id = ?", pi))
        .extracting(r -> r.get("execution_id"))
        .containsExactly(body);

    kit.clock.advance(Duration.ofHours(2));
    kit.engine.jobExecutor().executeDueJobs();

    assertThat(kit.rows("SELECT id FROM tern_execution WHERE id = ? OR parent_id = ?", body, body)).isEmpty();
    assertThat(kit.task(pi, "escalated").executionId()).isEqualTo(pi);
    assertThat(kit.taskCount(pi)).isEqualTo(1);
  }
}
