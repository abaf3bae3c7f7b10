package dev.tern.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.job.JobService;
import dev.tern.engine.task.Task;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code camunda:asyncBefore}/{@code asyncAfter} on {@code multiInstanceLoopCharacteristics}: a
 * continuation around every inner instance, as the Camunda 7.24 reference answered: the job
 * definition names the inner activity ({@code act}; async on the activity itself names {@code
 * act#multiInstanceBody}), each job the execution of its instance, which holds its loop counter and
 * element; the body counts an instance only when its async-after job has run; a failing inner job
 * loses its retries and opens its incident on the inner activity and instance.
 */
@DatabaseTest
class MultiInstanceAsyncTest {

  private final ScopeEngine kit;

  MultiInstanceAsyncTest(TestDatabase db) {
    this.kit = new ScopeEngine(db);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  private void deploy(String activity) {
    kit.deploy(ScopeEngine.aroundAct(activity, ""));
  }

  private static String loop(boolean sequential, String attributes) {
    return "<multiInstanceLoopCharacteristics isSequential=\"" + sequential + "\""
        + " camunda:collection=\"items\" camunda:elementVariable=\"item\" " + attributes + "/>";
  }

  /** Each instance records its element under a name of its own. */
  private static final String RECORD_ITEM =
      "camunda:expression=\"${execution.setVariable('seen_'.concat(item), loopCounter)}\"";

  private List<Map<String, Object>> jobs(String pi) {
    return kit.rows(
        "SELECT j.id, j.execution_id, j.activity_id, j.handler_config, j.retries, d.activity_id AS def_activity"
            + " FROM tern_job j LEFT JOIN tern_job_definition d ON d.id = j.job_definition_id"
            + " WHERE j.process_instance_id = ? ORDER BY j.create_time, j.id",
        pi);
  }

  private Map<String, Object> execution(String id) {
    return kit.rows("SELECT parent_id, loop_counter, state FROM tern_execution WHERE id = ?", id).get(0);
  }

  private JobService jobService() {
    return kit.engine.jobService();
  }

  @Test
  void parallelInnerAsyncBeforeMakesOneJobPerInstanceInItsExecution() {
    deploy("<serviceTask id=\"act\" " + RECORD_ITEM + ">" + loop(false, "camunda:asyncBefore=\"true\"") + "</serviceTask>");

    assertThat(kit.rows("SELECT activity_id, job_type, job_configuration FROM tern_job_definition"))
        .extracting(r -> r.get("activity_id") + " " + r.get("job_type") + " " + r.get("job_configuration"))
        .containsExactly("act async-continuation async-before");

    String pi = kit.start("p", Map.of("items", List.of("a", "b", "c")));

    String body = kit.bodyExecution(pi);
    List<Map<String, Object>> jobs = jobs(pi);
    assertThat(jobs).hasSize(3);
    assertThat(jobs).allSatisfy(job -> {
      assertThat(job.get("activity_id")).isEqualTo("act");
      assertThat(job.get("def_activity")).isEqualTo("act");
      assertThat(job.get("handler_config")).isEqualTo("async-before");
      Map<String, Object> execution = execution((String) job.get("execution_id"));
      assertThat(execution.get("parent_id")).isEqualTo(body);
      assertThat(execution.get("state")).isEqualTo("ASYNC");
    });
    assertThat(jobs).extracting(job -> execution((String) job.get("execution_id")).get("loop_counter"))
        .containsExactlyInAnyOrder(0, 1, 2);
    assertThat(kit.history(pi)).filteredOn(r -> "act".equals(r.get("activity_id"))).isEmpty();
    ActivityInstance root = kit.engine.processInstances().activityInstances(Caller.SYSTEM, pi);
    ActivityInstance bodyInstance = root.childActivityInstances().get(0);
    assertThat(bodyInstance.activityId()).isEqualTo("act#multiInstanceBody");
    assertThat(bodyInstance.childTransitionInstances())
        .extracting(t -> t.activityId() + " " + t.activityType())
        .containsExactly("act serviceTask", "act serviceTask", "act serviceTask");

    jobService().executeJob((String) jobs.get(1).get("id"));

    assertThat(kit.activeActivities(pi)).doesNotContain("after");
    assertThat(jobs(pi)).hasSize(2);

    kit.engine.jobExecutor().executeDueJobs();

    assertThat(kit.activeActivities(pi)).containsExactly("after");
    assertThat(kit.variable(pi, "seen_a")).isEqualTo(0);
    assertThat(kit.variable(pi, "seen_b")).isEqualTo(1);
    assertThat(kit.variable(pi, "seen_c")).isEqualTo(2);
    assertThat(kit.history(pi)).filteredOn(r -> "act".equals(r.get("activity_id"))).hasSize(3);
  }

  @Test
  void sequentialInnerAsyncBeforeMakesTheNextJobWhenThePreviousInstanceIsDone() {
    deploy("<serviceTask id=\"act\" " + RECORD_ITEM + ">" + loop(true, "camunda:asyncBefore=\"true\"") + "</serviceTask>");
    String pi = kit.start("p", Map.of("items", List.of("a", "b")));

    Map<String, Object> first = jobs(pi).get(0);
    assertThat(jobs(pi)).hasSize(1);
    assertThat(execution((String) first.get("execution_id")).get("loop_counter")).isEqualTo(0);

    jobService().executeJob((String) first.get("id"));

    assertThat(kit.variable(pi, "seen_a")).isEqualTo(0);
    assertThat(kit.variable(pi, "seen_b")).isNull();
    Map<String, Object> second = jobs(pi).get(0);
    assertThat(jobs(pi)).hasSize(1);
    assertThat(execution((String) second.get("execution_id")).get("loop_counter")).isEqualTo(1);

    jobService().executeJob((String) second.get("id"));

    assertThat(kit.variable(pi, "seen_b")).isEqualTo(1);
    assertThat(kit.activeActivities(pi)).containsExactly("after");
  }

  @Test
  void innerAsyncAfterCountsAnInstanceOnlyWhenItsJobHasRun() {
    deploy(
        "<userTask id=\"act\"><multiInstanceLoopCharacteristics isSequential=\"false\""
            + " camunda:collection=\"items\" camunda:elementVariable=\"item\" camunda:asyncAfter=\"true\">"
            + "<completionCondition>${nrOfCompletedInstances == 1}</completionCondition>"
            + "</multiInstanceLoopCharacteristics></userTask>");
    String pi = kit.start("p", Map.of("items", List.of("a", "b")));
    List<Task> tasks = kit.tasks(pi);
    assertThat(tasks).hasSize(2);

    kit.completeTask(tasks.get(0));

    List<Map<String, Object>> jobs = jobs(pi);
    assertThat(jobs).singleElement().satisfies(job -> {
      assertThat(job.get("handler_config")).isEqualTo("async-after");
      assertThat(job.get("def_activity")).isEqualTo("act");
      assertThat(job.get("execution_id")).isEqualTo(tasks.get(0).executionId());
    });
    assertThat(kit.taskCount(pi)).isEqualTo(1);
    assertThat(kit.historyOf(pi, "act#multiInstanceBody").get("end_time")).isNull();

    kit.engine.jobExecutor().executeDueJobs();

    // the completion condition saw the first instance counted: the other one is cancelled
    assertThat(kit.activeActivities(pi)).containsExactly("after");
    assertThat(kit.taskCount(pi)).isEqualTo(1);
  }

  @Test
  void aFailingInnerJobLosesItsRetriesAndOpensItsIncidentOnTheInnerActivityAndInstance() {
    deploy("<serviceTask id=\"act\" camunda:expression=\"${missing}\">"
        + loop(false, "camunda:asyncBefore=\"true\"") + "</serviceTask>");
    String pi = kit.start("p", Map.of("items", List.of("a", "b")));
    String jobId = (String) jobs(pi).get(0).get("id");
    String instanceExecution = (String) jobs(pi).get(0).get("execution_id");

    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> jobService().executeJob(jobId)).isInstanceOf(JobService.JobFailedException.class);
    }

    assertThat(jobService().getJob(jobId).retries()).isZero();
    assertThat(kit.rows("SELECT activity_id, failed_activity_id, execution_id FROM tern_incident WHERE process_instance_id = ?", pi))
        .singleElement()
        .satisfies(incident -> {
          assertThat(incident.get("activity_id")).isEqualTo("act");
          assertThat(incident.get("failed_activity_id")).isEqualTo("act");
          assertThat(incident.get("execution_id")).isEqualTo(instanceExecution);
        });

    kit.engine.processInstances().setVariable(pi, "missing", TypedValue.fromJava("found"));
    jobService().setRetries(jobId, 1, null, false);
    kit.engine.jobExecutor().executeDueJobs();

    assertThat(kit.activeActivities(pi)).containsExactly("after");
    assertThat(kit.rows("SELECT id FROM tern_incident WHERE process_instance_id = ?", pi)).isEmpty();
  }

  @Test
  void asyncOnTheActivityItselfBelongsToItsMultiInstanceBody() {
    deploy("<userTask id=\"act\" camunda:asyncBefore=\"true\">" + loop(false, "") + "</userTask>");

    assertThat(kit.rows("SELECT activity_id FROM tern_job_definition"))
        .extracting(r -> r.get("activity_id"))
        .containsExactly("act#multiInstanceBody");

    String pi = kit.start("p", Map.of("items", List.of("a", "b")));

    assertThat(jobs(pi)).singleElement().satisfies(job -> {
      assertThat(job.get("activity_id")).isEqualTo("act#multiInstanceBody");
      assertThat(job.get("def_activity")).isEqualTo("act#multiInstanceBody");
    });
    ActivityInstance root = kit.engine.processInstances().activityInstances(Caller.SYSTEM, pi);
    assertThat(root.childTransitionInstances())
        .extracting(t -> t.activityId() + " " + t.activityType())
        .containsExactly("act#multiInstanceBody multiInstanceBody");

    kit.engine.jobExecutor().executeDueJobs();

    assertThat(kit.tasks(pi)).hasSize(2);
  }
}
