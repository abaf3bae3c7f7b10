package dev.tern.engine.runtime;

import static dev.tern.engine.runtime.ScopeEngine.flow;
import static dev.tern.engine.runtime.ScopeEngine.process;
import static dev.tern.engine.runtime.ScopeEngine.subProcess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.job.Job;
import dev.tern.engine.job.JobQuery;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Timers name the execution Camunda 7.24 gives them (checked against the reference server): an
 * activity with boundary events and a timer catch event have a child execution of their own, the
 * timer of an event sub-process names its scope's execution (the instance in the process).
 */
@DatabaseTest
class TimerExecutionTest {

  private static final String TIMER =
      "<timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>";

  private final ScopeEngine kit;

  TimerExecutionTest(TestDatabase db) {
    this.kit = new ScopeEngine(db);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  private void deployBoundaryTimer() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>" + flow("f1", "start", "work") + "<userTask id=\"work\"/>"
                + flow("f2", "work", "done") + "<endEvent id=\"done\"/>"
                + "<boundaryEvent id=\"timeout\" attachedToRef=\"work\">" + TIMER + "</boundaryEvent>"
                + flow("f3", "timeout", "late") + "<endEvent id=\"late\"/>"));
  }

  private List<Job> jobs(String pi) {
    return kit.engine.jobService().listJobs(new JobQuery(kit.clock).processInstanceId(pi), 0, 100);
  }

  private void assertNothingLeft(String pi) {
    assertThat(kit.instanceExists(pi)).isFalse();
    assertThat(kit.count("tern_execution", pi)).isZero();
    assertThat(kit.count("tern_job", pi)).isZero();
  }

  @Test
  void aTaskWithABoundaryTimerWaitsInAChildExecutionThatItsTimerAndTaskName() {
    deployBoundaryTimer();
    String pi = kit.start("p");

    Job timer = jobs(pi).get(0);
    String child = timer.executionId();
    assertThat(child).isNotEqualTo(pi);
    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrder(pi, child);
    assertThat(kit.task(pi, "work").executionId()).isEqualTo(child);
    assertThat(kit.historyOf(pi, "work").get("execution_id")).isEqualTo(child);
    ActivityInstance root = kit.activityInstances(pi);
    assertThat(root.executionIds()).containsExactly(pi);
    assertThat(root.childActivityInstances())
        .singleElement()
        .satisfies(work -> assertThat(work.executionIds()).containsExactly(child));

    kit.complete(pi, "work");

    assertThat(kit.historyOf(pi, "done").get("execution_id")).isEqualTo(pi);
    assertNothingLeft(pi);
  }

  @Test
  void theFiredBoundaryTimerEndsTheTasksExecutionAndTheInstanceGoesOn() {
    deployBoundaryTimer();
    String pi = kit.start("p");

    kit.engine.jobService().executeJob(jobs(pi).get(0).id());

    assertThat(kit.historyOf(pi, "work").get("canceled")).isEqualTo(true);
    assertThat(kit.historyOf(pi, "timeout").get("execution_id")).isEqualTo(pi);
    assertThat(kit.historyOf(pi, "late").get("execution_id")).isEqualTo(pi);
    assertNothingLeft(pi);
  }

  @Test
  void deletingTheInstanceRemovesTheTasksExecutionAndTimer() {
    deployBoundaryTimer();
    String pi = kit.start("p");

    kit.engine.processInstances().delete(pi, "test");

    assertNothingLeft(pi);
  }

  @Test
  void aTimerCatchEventWaitsInAChildExecutionAndTheInstanceGoesOnWhenItFires() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>" + flow("f1", "start", "wait")
                + "<intermediateCatchEvent id=\"wait\">" + TIMER + "</intermediateCatchEvent>"
                + flow("f2", "wait", "work") + "<userTask id=\"work\"/>"
                + flow("f3", "work", "done") + "<endEvent id=\"done\"/>"));
    String pi = kit.start("p");

    Job timer = jobs(pi).get(0);
    String child = timer.executionId();
    assertThat(child).isNotEqualTo(pi);
    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrder(pi, child);
    assertThat(kit.activityInstances(pi).childActivityInstances())
        .singleElement()
        .satisfies(
            wait -> {
              assertThat(wait.activityType()).isEqualTo("intermediateTimer");
              assertThat(wait.executionIds()).containsExactly(child);
            });

    kit.engine.jobService().executeJob(timer.id());

    assertThat(kit.historyOf(pi, "wait").get("execution_id")).isEqualTo(child);
    assertThat(kit.task(pi, "work").executionId()).isEqualTo(pi);
    assertThat(kit.executionIds(pi)).containsExactly(pi);
    assertThat(jobs(pi)).isEmpty();
    kit.complete(pi, "work");
    assertNothingLeft(pi);
  }

  @Test
  void theTimerOfAnEventSubProcessNamesItsScopesExecutionAndItsStartIsAStartTimerEvent() {
    String eventSubProcess =
        "<subProcess id=\"onTime\" triggeredByEvent=\"true\">"
            + "<startEvent id=\"onTime_start\" isInterrupting=\"false\">" + TIMER + "</startEvent>"
            + flow("t1", "onTime_start", "onTime_task") + "<userTask id=\"onTime_task\"/>"
            + flow("t2", "onTime_task", "onTime_end") + "<endEvent id=\"onTime_end\"/>"
            + "</subProcess>";
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>" + flow("f1", "start", "work") + "<userTask id=\"work\"/>"
                + flow("f2", "work", "done") + "<endEvent id=\"done\"/>" + eventSubProcess));
    String pi = kit.start("p");

    Job timer = jobs(pi).get(0);
    assertThat(timer.executionId()).isEqualTo(pi);
    assertThat(kit.engine.jobService().getJob(Caller.SYSTEM, timer.id()).executionId()).isEqualTo(pi);
    JobQuery byExecution = new JobQuery(kit.clock);
    byExecution.filters().set("executionId", pi);
    assertThat(kit.engine.jobService().listJobs(byExecution, 0, 10))
        .extracting(Job::id)
        .containsExactly(timer.id());

    kit.engine.jobService().executeJob(timer.id());

    assertThat(kit.historyOf(pi, "onTime").get("activity_type")).isEqualTo("subProcess");
    assertThat(kit.historyOf(pi, "onTime_start").get("activity_type")).isEqualTo("startTimerEvent");
    assertThat(kit.activityInstances(pi).childActivityInstances())
        .extracting(ActivityInstance::activityId, ActivityInstance::activityType)
        .contains(org.assertj.core.groups.Tuple.tuple("onTime", "subProcess"));
    kit.complete(pi, "work");
    kit.complete(pi, "onTime_task");
    assertNothingLeft(pi);
  }

  @Test
  void theTimerOfAnEventSubProcessInASubProcessNamesTheSubProcessExecution() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>" + flow("f1", "start", "sub")
                + subProcess(
                    "sub",
                    flow("s1", "sub_start", "inner") + "<userTask id=\"inner\"/>"
                        + flow("s2", "inner", "sub_end") + "<endEvent id=\"sub_end\"/>"
                        + "<subProcess id=\"onTime\" triggeredByEvent=\"true\">"
                        + "<startEvent id=\"onTime_start\">" + TIMER + "</startEvent>"
                        + flow("t1", "onTime_start", "onTime_task") + "<userTask id=\"onTime_task\"/>"
                        + flow("t2", "onTime_task", "onTime_end") + "<endEvent id=\"onTime_end\"/>"
                        + "</subProcess>")
                + flow("f2", "sub", "done") + "<endEvent id=\"done\"/>"));
    String pi = kit.start("p");
    // the sub-process's scope execution, in which its user task waits (Camunda 7.24)
    String subScope = kit.task(pi, "inner").executionId();
    assertThat(kit.historyOf(pi, "sub").get("execution_id")).isEqualTo(subScope);

    Job timer = jobs(pi).get(0);
    assertThat(timer.executionId()).isEqualTo(subScope);

    kit.engine.jobService().executeJob(timer.id());

    assertThat(kit.historyOf(pi, "inner").get("canceled")).isEqualTo(true);
    assertThat(kit.historyOf(pi, "onTime_start").get("activity_type")).isEqualTo("startTimerEvent");
    kit.complete(pi, "onTime_task");
    assertNothingLeft(pi);
  }
}
