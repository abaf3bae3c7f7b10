package dev.tern.engine.runtime;

import static dev.tern.engine.runtime.ScopeEngine.flow;
import static dev.tern.engine.runtime.ScopeEngine.process;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.event.EventSubscription;
import dev.tern.engine.event.MessageCorrelation;
import dev.tern.engine.job.Job;
import dev.tern.engine.query.Page;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The execution tree of concurrent paths and of Camunda's other scope wait states, each test
 * written from what the Camunda 7.24 reference server answered for the same model ({@code GET
 * /execution?processInstanceId=}, {@code /task}, {@code /job}, {@code /event-subscription},
 * {@code /variable-instance}, {@code /process-instance/{id}/activity-instances}, {@code
 * /history/activity-instance}).
 */
@DatabaseTest
class ConcurrentExecutionTest {

  private static final String FORK =
      "<startEvent id=\"start\"/>" + flow("f1", "start", "fork") + "<parallelGateway id=\"fork\"/>"
          + flow("fa", "fork", "a") + flow("fb", "fork", "b");

  private static final String FORK_AB = FORK + "<userTask id=\"a\"/><userTask id=\"b\"/>";

  private final ScopeEngine kit;

  ConcurrentExecutionTest(TestDatabase db) {
    this.kit = new ScopeEngine(db);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  private List<String> executionsOf(ActivityInstance root, String activityId) {
    return root.childActivityInstances().stream()
        .filter(child -> child.activityId().equals(activityId))
        .findFirst()
        .orElseThrow()
        .executionIds();
  }

  /** Start → sub-process {@code sub} (start → a → end, then {@code moreInside}). */
  private static String startThenSubWithA(String moreInside) {
    return "<startEvent id=\"start\"/>" + flow("f1", "start", "sub")
        + ScopeEngine.subProcess(
            "sub",
            flow("s1", "sub_start", "a") + "<userTask id=\"a\"/>" + flow("s2", "a", "sub_end")
                + "<endEvent id=\"sub_end\"/>" + moreInside);
  }

  private List<Map<String, Object>> historyOf(String pi, String activityId) {
    return kit.history(pi).stream().filter(r -> activityId.equals(r.get("activity_id"))).toList();
  }

  /** Reference: model "par" (fork to A and B, join, C) — 3 executions, then 3, then 1. */
  @Test
  void eachParallelPathRunsInAConcurrentExecutionAndTheJoinedPathGoesOnAsTheInstance() {
    kit.deploy(
        process(
            "p",
            FORK_AB + flow("fa2", "a", "join") + flow("fb2", "b", "join")
                + "<parallelGateway id=\"join\"/>" + flow("f3", "join", "c") + "<userTask id=\"c\"/>"
                + flow("f4", "c", "end") + "<endEvent id=\"end\"/>"));
    String pi = kit.start("p", Map.of("v1", 1));

    String pathA = kit.task(pi, "a").executionId();
    String pathB = kit.task(pi, "b").executionId();
    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrder(pi, pathA, pathB);
    assertThat(pathA).isNotIn(pi, pathB);
    ActivityInstance root = kit.activityInstances(pi);
    assertThat(root.executionIds()).containsExactly(pi);
    assertThat(executionsOf(root, "a")).containsExactly(pathA);
    assertThat(executionsOf(root, "b")).containsExactly(pathB);
    assertThat(historyOf(pi, "fork")).singleElement().extracting(r -> r.get("execution_id")).isEqualTo(pi);
    assertThat(historyOf(pi, "a")).singleElement().extracting(r -> r.get("execution_id")).isEqualTo(pathA);
    assertThat(kit.rows("SELECT execution_id FROM tern_variable WHERE process_instance_id = ?", pi))
        .singleElement()
        .extracting(r -> r.get("execution_id"))
        .isEqualTo(pi);

    kit.complete(pi, "a");
    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrder(pi, pathA, pathB);

    kit.complete(pi, "b");
    assertThat(kit.executionIds(pi)).containsExactly(pi);
    assertThat(kit.task(pi, "c").executionId()).isEqualTo(pi);
    assertThat(historyOf(pi, "join"))
        .extracting(r -> r.get("execution_id"))
        .containsExactlyInAnyOrder(pathA, pi);
    assertThat(historyOf(pi, "c")).singleElement().extracting(r -> r.get("execution_id")).isEqualTo(pi);
    assertThat(kit.activityInstances(pi).childActivityInstances())
        .singleElement()
        .satisfies(c -> assertThat(c.executionIds()).containsExactly(pi));

    kit.complete(pi, "c");
    assertThat(kit.instanceExists(pi)).isFalse();
  }

  /** Reference: model "incl" (inclusive fork to A and B, inclusive join, C) — as "par". */
  @Test
  void inclusivePathsRunInConcurrentExecutionsAndTheJoinGoesOnAsTheInstance() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>" + flow("f1", "start", "fork")
                + "<inclusiveGateway id=\"fork\"/>" + flow("fa", "fork", "a") + flow("fb", "fork", "b")
                + "<userTask id=\"a\"/><userTask id=\"b\"/>" + flow("fa2", "a", "join")
                + flow("fb2", "b", "join") + "<inclusiveGateway id=\"join\"/>"
                + flow("f3", "join", "c") + "<userTask id=\"c\"/>" + flow("f4", "c", "end")
                + "<endEvent id=\"end\"/>"));
    String pi = kit.start("p");
    String pathA = kit.task(pi, "a").executionId();
    String pathB = kit.task(pi, "b").executionId();
    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrder(pi, pathA, pathB);

    kit.complete(pi, "a");
    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrder(pi, pathA, pathB);
    kit.complete(pi, "b");

    assertThat(kit.executionIds(pi)).containsExactly(pi);
    assertThat(kit.task(pi, "c").executionId()).isEqualTo(pi);
    assertThat(historyOf(pi, "c")).singleElement().extracting(r -> r.get("execution_id")).isEqualTo(pi);
    kit.complete(pi, "c");
    assertThat(kit.instanceExists(pi)).isFalse();
  }

  /** Reference: model "parend2" — after A ends, B's task names the instance. */
  @Test
  void theLastPathLeftGoesBackIntoTheInstanceWithItsTask() {
    kit.deploy(
        process(
            "p",
            FORK_AB + flow("fa2", "a", "endA") + flow("fb2", "b", "endB")
                + "<endEvent id=\"endA\"/><endEvent id=\"endB\"/>"));
    String pi = kit.start("p");
    String pathB = kit.task(pi, "b").executionId();

    kit.complete(pi, "a");

    assertThat(kit.executionIds(pi)).containsExactly(pi);
    assertThat(kit.task(pi, "b").executionId()).isEqualTo(pi);
    assertThat(executionsOf(kit.activityInstances(pi), "b")).containsExactly(pi);
    // history keeps the path's execution, as Camunda's does
    assertThat(historyOf(pi, "b")).singleElement().extracting(r -> r.get("execution_id")).isEqualTo(pathB);

    kit.complete(pi, "b");
    assertThat(kit.instanceExists(pi)).isFalse();
  }

  /**
   * The last path, waiting at an async continuation with a failed job, goes back into the
   * instance: the job and its incident name the instance from then on, and the job runs on as it.
   */
  @Test
  void theLastPathLeftGoesBackIntoTheInstanceWithItsJobAndIncident() {
    kit.deploy(
        process(
            "p",
            FORK + "<userTask id=\"a\"/><userTask id=\"b\" camunda:asyncBefore=\"true\"/>"
                + flow("fa2", "a", "endA") + flow("fb2", "b", "endB")
                + "<endEvent id=\"endA\"/><endEvent id=\"endB\"/>"));
    String pi = kit.start("p");
    Job async = kit.jobs(pi).get(0);
    String pathB = async.executionId();
    assertThat(pathB).isNotEqualTo(pi);
    kit.engine.jobService().setRetries(async.id(), 0, null, false);
    assertThat(incidentExecutions(pi)).containsExactly(pathB);

    kit.complete(pi, "a");

    assertThat(kit.executionIds(pi)).containsExactly(pi);
    assertThat(kit.jobs(pi)).singleElement().extracting(Job::executionId).isEqualTo(pi);
    assertThat(incidentExecutions(pi)).containsExactly(pi);

    kit.engine.jobService().setRetries(async.id(), 1, null, false);
    kit.engine.jobService().executeJob(async.id());
    assertThat(kit.task(pi, "b").executionId()).isEqualTo(pi);
    kit.complete(pi, "b");
    assertThat(kit.instanceExists(pi)).isFalse();
  }

  private List<Object> incidentExecutions(String pi) {
    return kit.rows("SELECT execution_id FROM tern_incident WHERE process_instance_id = ?", pi)
        .stream()
        .map(r -> r.get("execution_id"))
        .toList();
  }

  /**
   * Reference: model "parend" (B has a boundary timer) — after A ends, B's own execution stays
   * (now a child of the instance): its task and timer keep naming it.
   */
  @Test
  void theLastPathLeftKeepsTheOwnExecutionOfItsActivity() {
    kit.deploy(
        process(
            "p",
            FORK_AB + flow("fa2", "a", "endA") + flow("fb2", "b", "endB")
                + "<endEvent id=\"endA\"/><endEvent id=\"endB\"/>"
                + "<boundaryEvent id=\"late\" attachedToRef=\"b\"><timerEventDefinition>"
                + "<timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>"
                + flow("fl", "late", "endLate") + "<endEvent id=\"endLate\"/>"));
    String pi = kit.start("p");
    String pathA = kit.task(pi, "a").executionId();
    String ownOfB = kit.task(pi, "b").executionId();
    assertThat(kit.jobs(pi)).singleElement().extracting(Job::executionId).isEqualTo(ownOfB);
    // the instance, A's path, B's path (no activity of its own) and B's own execution below it
    List<String> listed = kit.executionIds(pi);
    assertThat(listed).hasSize(4).contains(pi, pathA, ownOfB);
    String pathB =
        listed.stream().filter(id -> !List.of(pi, pathA, ownOfB).contains(id)).findFirst().orElseThrow();
    ExecutionQuery byActivity = kit.engine.executions().createQuery();
    byActivity.filters().set("processInstanceId", pi);
    byActivity.filters().set("activityId", "b");
    assertThat(kit.engine.executions().list(Caller.SYSTEM, byActivity, Page.ALL))
        .extracting(Execution::id)
        .containsExactly(ownOfB);
    assertThat(kit.activityInstances(pi).executionIds()).containsExactly(pi, pathB);

    kit.complete(pi, "a");

    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrder(pi, ownOfB);
    assertThat(kit.task(pi, "b").executionId()).isEqualTo(ownOfB);
    assertThat(kit.activityInstances(pi).executionIds()).containsExactly(pi);
    assertThat(kit.jobs(pi)).singleElement().extracting(Job::executionId).isEqualTo(ownOfB);

    kit.engine.jobService().executeJob(kit.jobs(pi).get(0).id());
    assertThat(historyOf(pi, "endLate")).singleElement().extracting(r -> r.get("execution_id")).isEqualTo(pi);
    assertThat(kit.instanceExists(pi)).isFalse();
  }

  /**
   * Reference: model "subb" (a task with a boundary timer inside a sub-process) — the instance,
   * the sub-process's execution and the task's own execution below it, which the task and the
   * timer name.
   */
  @Test
  void aTaskWithABoundaryEventInASubProcessRunsBelowTheSubProcessExecution() {
    kit.deploy(
        process(
            "p",
            startThenSubWithA(
                    "<boundaryEvent id=\"late\" attachedToRef=\"a\">"
                        + "<timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>"
                        + "</boundaryEvent>" + flow("s3", "late", "sub_end"))
                + flow("f2", "sub", "end") + "<endEvent id=\"end\"/>"));
    String pi = kit.start("p");

    String ownOfA = kit.task(pi, "a").executionId();
    assertThat(kit.jobs(pi)).singleElement().extracting(Job::executionId).isEqualTo(ownOfA);
    assertThat(kit.executionIds(pi)).hasSize(3).contains(pi, ownOfA);

    kit.complete(pi, "a");
    assertThat(kit.instanceExists(pi)).isFalse();
  }

  /**
   * Reference: models "caller"/"callee" — the call activity runs in an execution of its own, which
   * its activity instance and history row name; the called instance's end goes on as the instance.
   */
  @Test
  void aCallActivityRunsInAnExecutionOfItsOwn() {
    kit.deployAll(
        Map.of(
            "callee.bpmn",
            process(
                "callee",
                "<startEvent id=\"cs\"/>" + flow("c1", "cs", "t") + "<userTask id=\"t\"/>"
                    + flow("c2", "t", "ce") + "<endEvent id=\"ce\"/>"),
            "caller.bpmn",
            process(
                "caller",
                "<startEvent id=\"start\"/>" + flow("f1", "start", "call")
                    + "<callActivity id=\"call\" calledElement=\"callee\"/>"
                    + flow("f2", "call", "end") + "<endEvent id=\"end\"/>")));
    String pi = kit.start("caller");

    List<String> listed = kit.executionIds(pi);
    assertThat(listed).hasSize(2).contains(pi);
    String own = listed.stream().filter(id -> !id.equals(pi)).findFirst().orElseThrow();
    assertThat(executionsOf(kit.activityInstances(pi), "call")).containsExactly(own);
    assertThat(historyOf(pi, "call")).singleElement().extracting(r -> r.get("execution_id")).isEqualTo(own);

    String called = kit.calledBy(pi).get(0);
    kit.complete(called, "t");
    assertThat(historyOf(pi, "end")).singleElement().extracting(r -> r.get("execution_id")).isEqualTo(pi);
    assertThat(kit.instanceExists(pi)).isFalse();
  }

  /**
   * Reference: model "waits" — a message and a signal catch event, a receive task and an external
   * task each wait in an execution of their own, which their subscription or external task names;
   * the instance goes on as itself after each.
   */
  @Test
  void messageAndSignalCatchEventsReceiveAndExternalTasksWaitInExecutionsOfTheirOwn() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>" + flow("f1", "start", "mc")
                + "<intermediateCatchEvent id=\"mc\"><messageEventDefinition messageRef=\"m\"/>"
                + "</intermediateCatchEvent>" + flow("f2", "mc", "sc")
                + "<intermediateCatchEvent id=\"sc\"><signalEventDefinition signalRef=\"s\"/>"
                + "</intermediateCatchEvent>" + flow("f3", "sc", "rt")
                + "<receiveTask id=\"rt\" messageRef=\"m\"/>" + flow("f4", "rt", "xt")
                + "<serviceTask id=\"xt\" camunda:type=\"external\" camunda:topic=\"t1\"/>"
                + flow("f5", "xt", "end") + "<endEvent id=\"end\"/>"));
    String pi = kit.start("p");

    for (String waiting : List.of("mc", "sc", "rt")) {
      EventSubscription subscription = kit.subscriptions(pi).get(0);
      assertThat(subscription.activityId()).isEqualTo(waiting);
      String own = subscription.executionId();
      assertThat(own).isNotEqualTo(pi);
      assertThat(kit.executionIds(pi)).containsExactlyInAnyOrder(pi, own);
      assertThat(executionsOf(kit.activityInstances(pi), waiting)).containsExactly(own);
      assertThat(historyOf(pi, waiting)).singleElement().extracting(r -> r.get("execution_id")).isEqualTo(own);
      if (waiting.equals("sc")) {
        kit.engine.signalService().signal("notify", null, null, false, Map.of());
      } else {
        kit.engine.messageCorrelationService()
            .correlate(MessageCorrelation.named("cancel").processInstanceId(pi).build());
      }
    }
    String external = kit.fetchOne("t1");
    String own =
        (String) kit.rows("SELECT execution_id FROM tern_external_task WHERE id = ?", external)
            .get(0).get("execution_id");
    assertThat(own).isNotEqualTo(pi);
    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrder(pi, own);
    kit.engine.externalTaskService().complete(external, "w", Map.of(), Map.of());
    assertThat(historyOf(pi, "end")).singleElement().extracting(r -> r.get("execution_id")).isEqualTo(pi);
    assertThat(kit.instanceExists(pi)).isFalse();
  }

  /**
   * Reference: models "forkSub" and "subFork" — a concurrent execution whose child is a scope
   * execution (a sub-process's, an activity's own) is listed on the activity instance of its scope
   * beside the scope execution: the instance's for a path at a sub-process, the sub-process's for a
   * path inside it at a task with a boundary event.
   */
  @Test
  void aConcurrentExecutionAboveAScopeExecutionIsListedOnItsScopesActivityInstance() {
    kit.deploy(
        process(
            "p",
            FORK + "<userTask id=\"a\"/>" + flow("fa2", "a", "endA")
                + "<endEvent id=\"endA\"/>"
                + ScopeEngine.subProcess(
                    "b",
                    flow("s1", "b_start", "fork2") + "<parallelGateway id=\"fork2\"/>"
                        + flow("s2", "fork2", "x") + flow("s3", "fork2", "y")
                        + "<userTask id=\"x\"/><userTask id=\"y\"/>" + flow("s4", "x", "endX")
                        + flow("s5", "y", "endY") + "<endEvent id=\"endX\"/><endEvent id=\"endY\"/>"
                        + "<boundaryEvent id=\"late\" attachedToRef=\"y\"><timerEventDefinition>"
                        + "<timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>"
                        + flow("s6", "late", "endLate") + "<endEvent id=\"endLate\"/>")
                + flow("fb2", "b", "endB") + "<endEvent id=\"endB\"/>"));
    String pi = kit.start("p");
    String pathA = kit.task(pi, "a").executionId();
    String pathX = kit.task(pi, "x").executionId();
    String ownOfY = kit.task(pi, "y").executionId();
    String scope = (String) kit.historyOf(pi, "b").get("execution_id");
    List<String> listed = kit.executionIds(pi);
    // the instance, A's path, B's path, B's scope execution, X's path, Y's path, Y's own execution
    assertThat(listed).hasSize(7).doesNotHaveDuplicates().contains(pi, pathA, pathX, ownOfY, scope);
    ActivityInstance root = kit.activityInstances(pi);
    assertThat(root.executionIds()).hasSize(2).startsWith(pi).doesNotContain(pathA, scope);
    String pathB = root.executionIds().get(1);
    ActivityInstance sub =
        root.childActivityInstances().stream().filter(c -> c.activityId().equals("b")).findFirst().orElseThrow();
    assertThat(sub.executionIds()).hasSize(2).startsWith(scope).doesNotContain(pathB, pathX, ownOfY);
    assertThat(listed).contains(sub.executionIds().get(1));

    kit.complete(pi, "x");

    assertThat(kit.activityInstances(pi).childActivityInstances())
        .filteredOn(c -> c.activityId().equals("b"))
        .singleElement()
        .satisfies(b -> assertThat(b.executionIds()).containsExactly(scope));
  }

  /** Process p: start → a (user task) → end, and a non-interrupting message boundary on a → y. */
  private static final String A_WITH_MESSAGE_PATH =
      "<startEvent id=\"start\"/>" + flow("f1", "start", "a") + "<userTask id=\"a\"/>"
          + flow("f2", "a", "end") + "<endEvent id=\"end\"/>"
          + "<boundaryEvent id=\"nb\" attachedToRef=\"a\" cancelActivity=\"false\">"
          + "<messageEventDefinition messageRef=\"m\"/></boundaryEvent>" + flow("fb", "nb", "y")
          + "<userTask id=\"y\"/>" + flow("fy", "y", "endY") + "<endEvent id=\"endY\"/>";

  private void correlate(String pi) {
    kit.engine.messageCorrelationService()
        .correlate(MessageCorrelation.named("cancel").processInstanceId(pi).build());
  }

  private List<String> taskExecutions(String pi, String activityId) {
    return kit.tasks(pi).stream()
        .filter(t -> t.taskDefinitionKey().equals(activityId))
        .map(t -> t.executionId())
        .toList();
  }

  /**
   * Reference: model "nib" — each message sends a path in a concurrent execution of its own; A's
   * own execution stays and hangs below a new concurrent execution, which the instance's activity
   * instance lists; when A completes, that execution goes on to the end event; when one path is
   * left, it goes back into the instance.
   */
  @Test
  void aNonInterruptingBoundaryEventsPathsRunInConcurrentExecutions() {
    kit.deploy(process("p", A_WITH_MESSAGE_PATH));
    String pi = kit.start("p");
    String ownOfA = kit.task(pi, "a").executionId();
    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrder(pi, ownOfA);

    correlate(pi);

    String pathY = kit.task(pi, "y").executionId();
    List<String> listed = kit.executionIds(pi);
    assertThat(listed).hasSize(4).contains(pi, ownOfA, pathY).doesNotHaveDuplicates();
    String pathA =
        listed.stream().filter(id -> !List.of(pi, ownOfA, pathY).contains(id)).findFirst().orElseThrow();
    ActivityInstance root = kit.activityInstances(pi);
    assertThat(root.executionIds()).containsExactly(pi, pathA);
    assertThat(executionsOf(root, "a")).containsExactly(ownOfA);
    assertThat(executionsOf(root, "y")).containsExactly(pathY);
    assertThat(historyOf(pi, "nb")).singleElement().extracting(r -> r.get("execution_id")).isEqualTo(pathY);
    assertThat(kit.subscriptions(pi)).singleElement().satisfies(s -> assertThat(s.executionId()).isEqualTo(ownOfA));

    correlate(pi);

    List<String> pathsY = taskExecutions(pi, "y");
    assertThat(pathsY).hasSize(2).doesNotHaveDuplicates();
    assertThat(kit.executionIds(pi)).hasSize(5);
    assertThat(kit.activityInstances(pi).executionIds()).containsExactly(pi, pathA);

    kit.complete(pi, "a");

    assertThat(historyOf(pi, "end")).singleElement().extracting(r -> r.get("execution_id")).isEqualTo(pathA);
    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrderElementsOf(
        java.util.stream.Stream.concat(java.util.stream.Stream.of(pi), pathsY.stream()).toList());
    assertThat(kit.activityInstances(pi).executionIds()).containsExactly(pi);

    kit.completeTask(kit.tasks(pi).get(0));

    assertThat(kit.executionIds(pi)).containsExactly(pi);
    assertThat(kit.task(pi, "y").executionId()).isEqualTo(pi);
  }

  /** Reference: model "nib" (the path ends first) — A's own execution is the instance's child again. */
  @Test
  void whenTheBoundaryEventsPathEndsTheActivitysExecutionHangsBelowTheInstanceAgain() {
    kit.deploy(process("p", A_WITH_MESSAGE_PATH));
    String pi = kit.start("p");
    String ownOfA = kit.task(pi, "a").executionId();
    correlate(pi);

    kit.complete(pi, "y");

    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrder(pi, ownOfA);
    assertThat(kit.activityInstances(pi).executionIds()).containsExactly(pi);
    kit.complete(pi, "a");
    assertThat(historyOf(pi, "end")).singleElement().extracting(r -> r.get("execution_id")).isEqualTo(pi);
    assertThat(kit.instanceExists(pi)).isFalse();
  }

  /**
   * Reference: model "subNb" — a non-interrupting boundary event of a sub-process the instance ran
   * in: the sub-process's path becomes a concurrent execution (listed on the instance's activity
   * instance; the sub-process's scope execution hangs below it) and goes on as itself after the
   * sub-process.
   */
  @Test
  void aNonInterruptingBoundaryEventOfASubProcessMakesTheSubProcesssPathConcurrent() {
    kit.deploy(
        process(
            "p",
            startThenSubWithA("")
                + "<boundaryEvent id=\"nb\" attachedToRef=\"sub\" cancelActivity=\"false\">"
                + "<messageEventDefinition messageRef=\"m\"/></boundaryEvent>" + flow("fb", "nb", "y")
                + "<userTask id=\"y\"/>" + flow("fy", "y", "endY") + "<endEvent id=\"endY\"/>"
                + flow("f2", "sub", "after") + "<userTask id=\"after\"/>" + flow("f3", "after", "end")
                + "<endEvent id=\"end\"/>"));
    String pi = kit.start("p");
    String scope = kit.task(pi, "a").executionId();

    correlate(pi);

    String pathY = kit.task(pi, "y").executionId();
    List<String> listed = kit.executionIds(pi);
    assertThat(listed).hasSize(4).contains(pi, scope, pathY).doesNotHaveDuplicates();
    String pathSub =
        listed.stream().filter(id -> !List.of(pi, scope, pathY).contains(id)).findFirst().orElseThrow();
    ActivityInstance root = kit.activityInstances(pi);
    assertThat(root.executionIds()).containsExactly(pi, pathSub);
    assertThat(executionsOf(root, "sub")).containsExactly(scope);
    assertThat(kit.task(pi, "a").executionId()).isEqualTo(scope);

    kit.complete(pi, "a");

    assertThat(kit.task(pi, "after").executionId()).isEqualTo(pathSub);
    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrder(pi, pathSub, pathY);
    assertThat(kit.activityInstances(pi).executionIds()).containsExactly(pi);
  }

  /**
   * Reference: model "forkNb" — a non-interrupting timer of B on a forked path: the new path is
   * one more concurrent execution of the instance; B's path is listed on the instance's activity
   * instance.
   */
  @Test
  void aNonInterruptingTimerOnAForkedPathAddsAConcurrentExecution() {
    kit.deploy(
        process(
            "p",
            FORK_AB + flow("fa2", "a", "endA") + flow("fb2", "b", "endB")
                + "<endEvent id=\"endA\"/><endEvent id=\"endB\"/>"
                + "<boundaryEvent id=\"nb\" attachedToRef=\"b\" cancelActivity=\"false\">"
                + "<timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>"
                + "</boundaryEvent>" + flow("fn", "nb", "y") + "<userTask id=\"y\"/>"
                + flow("fy", "y", "endY") + "<endEvent id=\"endY\"/>"));
    String pi = kit.start("p");
    String pathA = kit.task(pi, "a").executionId();
    String ownOfB = kit.task(pi, "b").executionId();
    List<String> before = kit.executionIds(pi);
    String pathB =
        before.stream().filter(id -> !List.of(pi, pathA, ownOfB).contains(id)).findFirst().orElseThrow();

    kit.engine.jobService().executeJob(kit.jobs(pi).get(0).id());

    String pathY = kit.task(pi, "y").executionId();
    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrder(pi, pathA, pathB, ownOfB, pathY);
    assertThat(kit.activityInstances(pi).executionIds()).containsExactly(pi, pathB);

    kit.complete(pi, "b");

    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrder(pi, pathA, pathY);
    assertThat(kit.activityInstances(pi).executionIds()).containsExactly(pi);
  }

  /**
   * Reference: model "miTaskB" — a non-interrupting boundary event of a multi-instance task: the
   * body's execution hangs below a new concurrent execution, which the instance's activity
   * instance lists, beside the boundary event's path.
   */
  @Test
  void aNonInterruptingBoundaryEventOfAMultiInstanceBodyMakesTheBodysPathConcurrent() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>" + flow("f1", "start", "t")
                + "<userTask id=\"t\"><multiInstanceLoopCharacteristics isSequential=\"false\">"
                + "<loopCardinality>2</loopCardinality></multiInstanceLoopCharacteristics></userTask>"
                + "<boundaryEvent id=\"nb\" attachedToRef=\"t\" cancelActivity=\"false\">"
                + "<messageEventDefinition messageRef=\"m\"/></boundaryEvent>" + flow("fb", "nb", "y")
                + "<userTask id=\"y\"/>" + flow("f2", "t", "end") + "<endEvent id=\"end\"/>"));
    String pi = kit.start("p");
    String body = kit.bodyExecution(pi);
    assertThat(kit.executionIds(pi)).hasSize(4);

    correlate(pi);

    String pathY = kit.task(pi, "y").executionId();
    List<String> listed = kit.executionIds(pi);
    assertThat(listed).hasSize(6).contains(pi, body, pathY).doesNotHaveDuplicates();
    ActivityInstance root = kit.activityInstances(pi);
    assertThat(root.executionIds()).hasSize(2).startsWith(pi).doesNotContain(body, pathY);
    assertThat(executionsOf(root, "t#multiInstanceBody")).containsExactly(body);
    assertThat(executionsOf(root, "y")).containsExactly(pathY);
  }

  /**
   * Reference: models "joinpar" and "joininc" — a path waiting at a parallel or inclusive join
   * shows the join's activity instance (its execution the waiting path's), whose history row stays
   * open until the join fires.
   */
  @Test
  void aPathWaitingAtAJoinShowsTheJoinsActivityInstance() {
    for (String gateway : List.of("parallelGateway", "inclusiveGateway")) {
      kit.deploy(
          process(
              "p",
              "<startEvent id=\"start\"/>" + flow("f1", "start", "fork") + "<" + gateway + " id=\"fork\"/>"
                  + flow("fa", "fork", "a") + flow("fb", "fork", "b")
                  + "<userTask id=\"a\"/><userTask id=\"b\"/>" + flow("fa2", "a", "join")
                  + flow("fb2", "b", "join") + "<" + gateway + " id=\"join\"/>"
                  + flow("f3", "join", "c") + "<userTask id=\"c\"/>" + flow("f4", "c", "end")
                  + "<endEvent id=\"end\"/>"));
      String pi = kit.start("p");
      String pathA = kit.task(pi, "a").executionId();

      kit.complete(pi, "a");

      ActivityInstance join = ScopeEngine.child(kit.activityInstances(pi), "join");
      assertThat(join.activityType()).isEqualTo(gateway);
      assertThat(join.executionIds()).containsExactly(pathA);
      assertThat(historyOf(pi, "join"))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.get("id")).isEqualTo(join.id());
                assertThat(r.get("execution_id")).isEqualTo(pathA);
                assertThat(r.get("end_time")).isNull();
              });

      kit.complete(pi, "b");

      assertThat(historyOf(pi, "join")).allSatisfy(r -> assertThat(r.get("end_time")).isNotNull());
      assertThat(kit.activityInstances(pi).childActivityInstances())
          .extracting(ActivityInstance::activityId)
          .containsExactly("c");
    }
  }
}
