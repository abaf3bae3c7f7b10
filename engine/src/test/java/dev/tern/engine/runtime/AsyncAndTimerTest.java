package dev.tern.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.job.Job;
import dev.tern.engine.job.JobDefinition;
import dev.tern.engine.job.JobFixture;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

@DatabaseTest
class AsyncAndTimerTest {

  private final RuntimeTestKit kit;
  private final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();

  AsyncAndTimerTest(TestDatabase db) {
    this.kit =
        new RuntimeTestKit(
            db,
            Map.of(
                "recorder", (JavaDelegate) execution -> calls.add(execution.getActivityId()),
                "failing",
                    (JavaDelegate)
                        execution -> {
                          throw new IllegalStateException("service unavailable");
                        }));
  }

  @Test
  void asyncBeforeMakesAMessageJobWithTheJobDefinitionAndRunsTheTaskOnlyInTheJob() {
    String definition =
        kit.deploy(
            Bpmn.createExecutableProcess("asyncBefore")
                .startEvent("start")
                .serviceTask("call")
                .camundaAsyncBefore()
                .camundaDelegateExpression("${recorder}")
                .endEvent("end")
                .done());
    JobDefinition jobDefinition =
        new JobDefinition(
            kit.ids.next(), definition, "asyncBefore", "call", "async-continuation", "async-before",
            false, null, null, kit.deploymentOf(definition));
    JobFixture.insert(kit.database, jobDefinition);

    ProcessInstance instance = kit.start(definition);

    assertThat(instance.ended()).isFalse();
    assertThat(calls).isEmpty();
    Job job = kit.onlyJob(instance.id());
    assertThat(job.kind()).isEqualTo(Job.MESSAGE);
    assertThat(job.handlerType()).isEqualTo("async-continuation");
    assertThat(job.handlerConfig()).isEqualTo("async-before");
    assertThat(job.activityId()).isEqualTo("call");
    assertThat(job.executionId()).isEqualTo(instance.id());
    assertThat(job.jobDefinitionId()).isEqualTo(jobDefinition.id());
    assertThat(job.processDefinitionId()).isEqualTo(definition);
    assertThat(job.processDefinitionKey()).isEqualTo("asyncBefore");
    assertThat(job.deploymentId()).isEqualTo(kit.deploymentOf(definition));
    assertThat(job.retries()).isEqualTo(3);
    assertThat(job.priority()).isZero();
    assertThat(job.dueDate()).isNull();
    assertThat(job.exclusive()).isTrue();
    assertThat(job.suspended()).isFalse();
    assertThat(kit.executions(instance.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.state()).isEqualTo(ExecutionState.ASYNC));

    kit.runDueJobs();

    assertThat(calls).containsExactly("call");
    assertThat(kit.instanceExists(instance.id())).isFalse();
    assertThat(kit.historicInstance(instance.id()).get("state")).isEqualTo("COMPLETED");
  }

  @Test
  void nonExclusiveAsyncTaskMakesANonExclusiveJob() {
    String definition =
        kit.deploy(
            Bpmn.createExecutableProcess("nonExclusive")
                .startEvent()
                .serviceTask("call")
                .camundaAsyncBefore()
                .camundaExclusive(false)
                .camundaExpression("${true}")
                .endEvent()
                .done());

    ProcessInstance instance = kit.start(definition);

    assertThat(kit.onlyJob(instance.id()).exclusive()).isFalse();
  }

  @Test
  void failingJobRollsBackAndLeavesTheTokenWaitingForTheRetry() {
    String definition =
        kit.deploy(
            Bpmn.createExecutableProcess("failingAsync")
                .startEvent()
                .serviceTask("first")
                .camundaDelegateExpression("${recorder}")
                .serviceTask("call")
                .camundaAsyncBefore()
                .camundaInputParameter("local", "x")
                .camundaOutputParameter("written", "${local}")
                .camundaDelegateExpression("${failing}")
                .endEvent()
                .done());
    ProcessInstance instance = kit.start(definition);
    Job job = kit.onlyJob(instance.id());

    kit.runDueJobs();

    Job failed = kit.onlyJob(instance.id());
    assertThat(failed.id()).isEqualTo(job.id());
    assertThat(failed.retries()).isZero();
    assertThat(failed.exceptionMessage()).isEqualTo("service unavailable");
    assertThat(kit.count("SELECT COUNT(*) FROM tern_incident WHERE configuration = ?", job.id())).isEqualTo(1);
    assertThat(kit.executions(instance.id()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.state()).isEqualTo(ExecutionState.ASYNC);
              assertThat(e.activityId()).isEqualTo("call");
            });
    assertThat(kit.variables(instance.id())).doesNotContainKey("written");
    assertThat(kit.historicActivityIds(instance.id())).doesNotContain("call");
  }

  @Test
  void asyncAfterEndsTheActivityFirstAndTheJobTakesTheOutgoingFlow() {
    String definition =
        kit.deploy(
            Bpmn.createExecutableProcess("asyncAfter")
                .startEvent()
                .serviceTask("call")
                .camundaAsyncAfter()
                .camundaDelegateExpression("${recorder}")
                .userTask("next")
                .endEvent()
                .done());

    ProcessInstance instance = kit.start(definition);

    assertThat(calls).containsExactly("call");
    Job job = kit.onlyJob(instance.id());
    assertThat(job.handlerConfig()).isEqualTo("async-after");
    assertThat(job.activityId()).isEqualTo("call");
    assertThat(kit.historicActivities(instance.id()))
        .filteredOn(r -> r.get("activity_id").equals("call"))
        .singleElement()
        .satisfies(r -> assertThat(r.get("end_time")).isNotNull());

    kit.runDueJobs();

    assertThat(calls).containsExactly("call");
    assertThat(kit.executions(instance.id())).extracting(ExecutionRow::activityId).containsExactly("next");
  }

  @Test
  void parallelAsyncBranchesJoinWhenBothJobsHaveRun() {
    String definition =
        kit.deploy(
            Bpmn.createExecutableProcess("asyncJoin")
                .startEvent()
                .parallelGateway("fork")
                .serviceTask("left")
                .camundaAsyncBefore()
                .camundaExclusive(false)
                .camundaDelegateExpression("${recorder}")
                .parallelGateway("join")
                .userTask("after")
                .endEvent()
                .moveToNode("fork")
                .serviceTask("right")
                .camundaAsyncBefore()
                .camundaExclusive(false)
                .camundaDelegateExpression("${recorder}")
                .connectTo("join")
                .done());

    ProcessInstance instance = kit.start(definition);

    assertThat(kit.jobs(instance.id())).extracting(Job::activityId).containsExactlyInAnyOrder("left", "right");
    assertThat(kit.jobs(instance.id()).stream().map(Job::executionId).distinct()).hasSize(2);

    kit.runDueJobs();

    assertThat(calls).containsExactlyInAnyOrder("left", "right");
    assertThat(kit.executions(instance.id()))
        .extracting(e -> e.activityId() + "/" + e.state())
        .containsExactly("after/WAITING");
  }

  @Test
  void intermediateTimerDurationFiresOnlyAfterTheClockPassesTheDueDate() {
    String definition =
        kit.deploy(
            Bpmn.createExecutableProcess("timerDuration")
                .startEvent()
                .intermediateCatchEvent("wait")
                .timerWithDuration("PT10M")
                .userTask("after")
                .endEvent()
                .done());
    Instant started = kit.clock.instant();

    ProcessInstance instance = kit.start(definition);

    Job timer = kit.onlyJob(instance.id());
    assertThat(timer.kind()).isEqualTo(Job.TIMER);
    assertThat(timer.handlerType()).isEqualTo("timer-intermediate-transition");
    assertThat(timer.activityId()).isEqualTo("wait");
    assertThat(timer.dueDate()).isEqualTo(started.plus(Duration.ofMinutes(10)));
    assertThat(timer.retries()).isEqualTo(3);

    kit.clock.advance(Duration.ofMinutes(9));
    kit.runDueJobs();
    assertThat(kit.onlyJob(instance.id()).id()).isEqualTo(timer.id());
    assertThat(kit.executions(instance.id())).extracting(ExecutionRow::activityId).containsExactly("wait");

    kit.clock.advance(Duration.ofMinutes(1));
    kit.runDueJobs();
    assertThat(kit.jobs(instance.id())).isEmpty();
    assertThat(kit.executions(instance.id())).extracting(ExecutionRow::activityId).containsExactly("after");
  }

  @Test
  void timerDateAndDurationExpressionsAreEvaluated() {
    String byDate =
        kit.deploy(
            Bpmn.createExecutableProcess("timerDate")
                .startEvent()
                .intermediateCatchEvent("wait")
                .timerWithDate("2026-03-04T05:06:07Z")
                .endEvent()
                .done());
    String byExpression =
        kit.deploy(
            Bpmn.createExecutableProcess("timerExpression")
                .startEvent()
                .intermediateCatchEvent("wait")
                .timerWithDuration("${delay}")
                .endEvent()
                .done());

    ProcessInstance dated = kit.start(byDate);
    ProcessInstance delayed = kit.start(byExpression, Map.of("delay", "P1DT2H"));

    assertThat(kit.onlyJob(dated.id()).dueDate()).isEqualTo(Instant.parse("2026-03-04T05:06:07Z"));
    assertThat(kit.onlyJob(delayed.id()).dueDate())
        .isEqualTo(kit.clock.instant().plus(Duration.ofHours(26)));
  }

  @Test
  void boundaryTimerInterruptsTheUserTaskAndTakesItsOwnFlow() {
    String definition = kit.deploy(boundaryModel("boundaryUser", false));
    ProcessInstance instance = kit.start(definition);

    Job timer = kit.onlyJob(instance.id());
    assertThat(timer.handlerType()).isEqualTo("timer-transition");
    assertThat(timer.activityId()).isEqualTo("timeout");
    // the task has an execution of its own (Camunda's scope execution for boundary events)
    ExecutionRow work = kit.executions(instance.id()).get(0);
    assertThat(work.activityId()).isEqualTo("work");
    assertThat(work.id()).isNotEqualTo(instance.id());
    assertThat(work.outerId()).isEqualTo(instance.id());
    assertThat(timer.executionId()).isEqualTo(work.id());

    kit.clock.advance(Duration.ofHours(1));
    kit.runDueJobs();

    assertThat(kit.executions(instance.id())).extracting(ExecutionRow::activityId).containsExactly("escalate");
    assertThat(kit.jobs(instance.id())).isEmpty();
    assertThat(kit.historicActivities(instance.id()))
        .filteredOn(r -> r.get("activity_id").equals("work"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.get("canceled")).isEqualTo(true);
              assertThat(r.get("end_time")).isNotNull();
            });
    assertThat(kit.historicActivityIds(instance.id())).contains("timeout");
  }

  @Test
  void completingTheTaskBeforeTheTimerRemovesTheTimer() {
    String definition = kit.deploy(boundaryModel("boundaryDone", false));
    ProcessInstance instance = kit.start(definition);

    kit.runtime.completeUserTask(instance.id(), "work");

    assertThat(kit.jobs(instance.id())).isEmpty();
    kit.clock.advance(Duration.ofHours(2));
    kit.runDueJobs();
    assertThat(kit.instanceExists(instance.id())).isFalse();
    assertThat(kit.historicInstance(instance.id()).get("end_activity_id")).isEqualTo("done");
  }

  @Test
  void aBoundaryTimerStartsWithItsActivityNotBeforeTheAsyncContinuation() {
    String definition = kit.deploy(boundaryModel("boundaryAsync", true));
    ProcessInstance instance = kit.start(definition);

    // as in Camunda, the activity (and its timer) starts only when the continuation succeeds
    Job async = kit.onlyJob(instance.id());
    assertThat(async.handlerType()).isEqualTo("async-continuation");
    assertThat(async.executionId()).isEqualTo(instance.id());
    kit.runDueJobs();
    assertThat(kit.count("SELECT COUNT(*) FROM tern_incident WHERE configuration = ?", async.id())).isEqualTo(1);

    kit.clock.advance(Duration.ofHours(2));
    kit.runDueJobs();

    assertThat(kit.jobs(instance.id())).extracting(Job::id).containsExactly(async.id());
    assertThat(kit.executions(instance.id()))
        .extracting(ExecutionRow::id, ExecutionRow::activityId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(instance.id(), "work"));
  }

  private static org.camunda.bpm.model.bpmn.BpmnModelInstance boundaryModel(String key, boolean asyncService) {
    var builder = Bpmn.createExecutableProcess(key).startEvent("start");
    var task =
        asyncService
            ? builder.serviceTask("work").camundaAsyncBefore().camundaDelegateExpression("${failing}")
            : builder.userTask("work");
    return task.boundaryEvent("timeout")
        .timerWithDuration("PT1H")
        .userTask("escalate")
        .endEvent("escalated")
        .moveToActivity("work")
        .endEvent("done")
        .done();
  }

  @Test
  void aJobLeftOnTheExecutionOfTheLastTokenGoesWhenTheInstanceEnds() {
    String definition =
        kit.deploy(
            Bpmn.createExecutableProcess("lastToken")
                .startEvent()
                .serviceTask("call")
                .camundaAsyncBefore()
                .camundaDelegateExpression("${recorder}")
                .endEvent("end")
                .done());
    ProcessInstance instance = kit.start(definition);
    Job async = kit.onlyJob(instance.id());
    Job stray = kit.insertStrayTimer(async, async.executionId());

    assertThat(kit.runDueJobs()).isEqualTo(1);

    assertThat(kit.instanceExists(instance.id())).isFalse();
    assertThat(kit.jobs(instance.id())).isEmpty();
    assertThat(deletionLogEntries(stray.id())).isEqualTo(1);
  }

  @Test
  void aJobLeftOnTheExecutionOfAnEndedPathGoesWhileTheInstanceWaitsElsewhere() {
    String definition =
        kit.deploy(
            Bpmn.createExecutableProcess("endedPath")
                .startEvent()
                .parallelGateway("fork")
                .serviceTask("call")
                .camundaAsyncBefore()
                .camundaDelegateExpression("${recorder}")
                .endEvent("endA")
                .moveToNode("fork")
                .receiveTask("wait")
                .endEvent("endB")
                .done());
    ProcessInstance instance = kit.start(definition);
    Job async = kit.onlyJob(instance.id());
    assertThat(async.executionId()).isNotEqualTo(instance.id());
    Job stray = kit.insertStrayTimer(async, async.executionId());

    assertThat(kit.runDueJobs()).isEqualTo(1);

    assertThat(calls).containsExactly("call");
    assertThat(kit.executions(instance.id()))
        .extracting(e -> e.activityId() + "/" + e.state())
        .containsExactly("wait/WAITING");
    assertThat(kit.jobs(instance.id())).isEmpty();
    assertThat(deletionLogEntries(stray.id())).isEqualTo(1);
  }

  private long deletionLogEntries(String jobId) {
    return kit.count(
        "SELECT COUNT(*) FROM tern_hi_job_log WHERE job_id = ? AND job_state = 3", jobId);
  }
}
