package dev.tern.engine.runtime;

import static dev.tern.engine.runtime.ScopeEngine.child;
import static dev.tern.engine.runtime.ScopeEngine.flow;
import static dev.tern.engine.runtime.ScopeEngine.process;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.event.MessageCorrelation;
import dev.tern.engine.job.Job;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The executions of an event sub-process, each test mirroring what the Camunda 7.24 reference
 * server answered for the same model ({@code /execution}, {@code /task}, {@code
 * /process-instance/{id}/activity-instances}, {@code /history/activity-instance}): the event
 * sub-process runs in a scope execution of its own, which its activity instance, history rows and
 * task name; a non-interrupting one runs below a concurrent execution of its scope, beside the
 * path that was running, which becomes a concurrent execution too and goes back into the scope
 * execution when it is the only path left.
 */
@DatabaseTest
class EventSubProcessExecutionTest {

  private final ScopeEngine kit;

  EventSubProcessExecutionTest(TestDatabase db) {
    this.kit = new ScopeEngine(db);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  private static final String MESSAGE = "<messageEventDefinition messageRef=\"m\"/>";

  /** An event sub-process {@code esp} whose start event is {@code esp_start}, with task {@code x}. */
  private static String eventSubProcess(String startDefinition, boolean interrupting) {
    return "<subProcess id=\"esp\" triggeredByEvent=\"true\"><startEvent id=\"esp_start\""
        + " isInterrupting=\"" + interrupting + "\">" + startDefinition + "</startEvent>"
        + flow("ef1", "esp_start", "x") + "<userTask id=\"x\"/>" + flow("ef2", "x", "esp_end")
        + "<endEvent id=\"esp_end\"/></subProcess>";
  }

  /** Process {@code p}: start → task {@code a} → {@code afterA} (flow {@code f2} on). */
  private static String startThenA(String afterA) {
    return process(
        "p",
        "<startEvent id=\"start\"/>" + flow("f1", "start", "a") + "<userTask id=\"a\"/>" + afterA);
  }

  /** Process {@code p}: start → task {@code a} → end, with the event sub-process. */
  private static String aroundA(String eventSubProcess) {
    return startThenA(flow("f2", "a", "end") + "<endEvent id=\"end\"/>" + eventSubProcess);
  }

  private void correlate(String pi) {
    kit.engine.messageCorrelationService()
        .correlate(MessageCorrelation.named("cancel").processInstanceId(pi).build());
  }

  /** Reference: model "espI" — the instance and the event sub-process's scope execution. */
  @Test
  void anInterruptingEventSubProcessRunsInAScopeExecutionBelowTheInstance() {
    kit.deploy(aroundA(eventSubProcess(MESSAGE, true)));
    String pi = kit.start("p");

    correlate(pi);

    String scope = kit.task(pi, "x").executionId();
    assertThat(scope).isNotEqualTo(pi);
    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrder(pi, scope);
    ActivityInstance root = kit.activityInstances(pi);
    assertThat(root.executionIds()).containsExactly(pi);
    ActivityInstance esp = child(root, "esp");
    assertThat(esp.executionIds()).containsExactly(scope);
    assertThat(child(esp, "x").executionIds()).containsExactly(scope);
    assertThat(kit.historicExecution(pi, "esp")).isEqualTo(scope);
    assertThat(kit.historicExecution(pi, "esp_start")).isEqualTo(scope);
    assertThat(kit.historyOf(pi, "a").get("canceled")).isEqualTo(true);

    kit.complete(pi, "x");

    assertThat(kit.historicExecution(pi, "esp_end")).isEqualTo(scope);
    assertThat(kit.instanceExists(pi)).isFalse();
  }

  /**
   * Reference: model "espN" — four executions: the instance, a concurrent one now running task A
   * (its task moves there), and a concurrent one whose child is the event sub-process's scope
   * execution; the instance's activity instance lists the instance and that concurrent execution.
   * When the event sub-process ends, A goes back into the instance.
   */
  @Test
  void aNonInterruptingEventSubProcessRunsBesideTheInstancesPathInConcurrentExecutions() {
    kit.deploy(aroundA(eventSubProcess(MESSAGE, false)));
    String pi = kit.start("p");
    assertThat(kit.task(pi, "a").executionId()).isEqualTo(pi);

    correlate(pi);

    String pathA = kit.task(pi, "a").executionId();
    String scope = kit.task(pi, "x").executionId();
    List<String> listed = kit.executionIds(pi);
    assertThat(listed).hasSize(4).contains(pi, pathA, scope).doesNotHaveDuplicates();
    String pathOfEsp =
        listed.stream().filter(id -> !List.of(pi, pathA, scope).contains(id)).findFirst().orElseThrow();
    ActivityInstance root = kit.activityInstances(pi);
    assertThat(root.executionIds()).containsExactly(pi, pathOfEsp);
    assertThat(child(root, "a").executionIds()).containsExactly(pathA);
    ActivityInstance esp = child(root, "esp");
    assertThat(esp.executionIds()).containsExactly(scope);
    assertThat(child(esp, "x").executionIds()).containsExactly(scope);
    assertThat(kit.historicExecution(pi, "esp")).isEqualTo(scope);
    assertThat(kit.historicExecution(pi, "esp_start")).isEqualTo(scope);
    // the subscription stays with the instance: the event sub-process can start again
    assertThat(kit.subscriptions(pi)).singleElement().satisfies(s -> assertThat(s.executionId()).isEqualTo(pi));

    kit.complete(pi, "x");

    assertThat(kit.executionIds(pi)).containsExactly(pi);
    assertThat(kit.task(pi, "a").executionId()).isEqualTo(pi);
    assertThat(kit.activityInstances(pi).executionIds()).containsExactly(pi);
    assertThat(kit.historicExecution(pi, "esp_end")).isEqualTo(scope);

    kit.complete(pi, "a");
    assertThat(kit.instanceExists(pi)).isFalse();
  }

  /**
   * Reference: model "twice" — each start runs below a concurrent execution of its own; the
   * triggered scope's variables are locals of the event sub-process's scope execution.
   */
  @Test
  void eachStartOfANonInterruptingEventSubProcessHasItsOwnExecutions() {
    kit.deploy(aroundA(eventSubProcess(MESSAGE, false)));
    String pi = kit.start("p");

    kit.engine.messageCorrelationService()
        .correlate(
            MessageCorrelation.named("cancel")
                .processInstanceId(pi)
                .processVariablesToTriggeredScope(Map.of("t", 1))
                .build());
    String firstScope = kit.task(pi, "x").executionId();
    correlate(pi);

    List<String> scopes = kit.tasks(pi).stream().filter(t -> t.taskDefinitionKey().equals("x"))
        .map(t -> t.executionId()).toList();
    assertThat(scopes).hasSize(2).doesNotHaveDuplicates().contains(firstScope);
    assertThat(kit.executionIds(pi)).hasSize(6);
    assertThat(kit.activityInstances(pi).executionIds()).hasSize(3).startsWith(pi);
    assertThat(kit.engine.executions().localVariables(dev.tern.engine.authorization.Caller.SYSTEM, firstScope))
        .containsOnlyKeys("t");

    kit.complete(pi, "a");

    // A's path ended: the two event sub-processes' concurrent executions stay
    assertThat(kit.executionIds(pi)).hasSize(5);
    assertThat(kit.activityInstances(pi).executionIds()).hasSize(3).startsWith(pi);
  }

  /**
   * Reference: model "tN" (a non-interrupting timer) — when A's path ends, the event sub-process's
   * concurrent execution goes back into the instance: its scope execution becomes the instance's
   * child; the timer fired once (a duration) and is gone.
   */
  @Test
  void whenTheMainPathEndsTheEventSubProcessIsTheInstancesOnlyChild() {
    kit.deploy(
        aroundA(
            eventSubProcess(
                "<timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>",
                false)));
    String pi = kit.start("p");
    assertThat(kit.jobs(pi)).singleElement().extracting(Job::executionId).isEqualTo(pi);

    kit.engine.jobService().executeJob(kit.jobs(pi).get(0).id());

    String pathA = kit.task(pi, "a").executionId();
    String scope = kit.task(pi, "x").executionId();
    assertThat(pathA).isNotEqualTo(pi);
    assertThat(kit.executionIds(pi)).hasSize(4);
    assertThat(kit.jobs(pi)).isEmpty();

    kit.complete(pi, "a");

    assertThat(kit.historicExecution(pi, "end")).isEqualTo(pathA);
    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrder(pi, scope);
    ActivityInstance root = kit.activityInstances(pi);
    assertThat(root.executionIds()).containsExactly(pi);
    assertThat(child(root, "esp").executionIds()).containsExactly(scope);

    kit.complete(pi, "x");
    assertThat(kit.instanceExists(pi)).isFalse();
  }

  /**
   * Reference: model "inSubN"/"inSubI" — inside an embedded sub-process the sub-process's scope
   * execution takes the instance's part: a non-interrupting event sub-process runs below a
   * concurrent child of it (listed on the sub-process's activity instance), beside task A's
   * concurrent execution; an interrupting one runs in a scope execution below it.
   */
  @Test
  void insideASubProcessTheSubProcesssScopeExecutionTakesTheInstancesPart() {
    String model =
        process(
            "p",
            "<startEvent id=\"start\"/>" + flow("f1", "start", "sub")
                + "<subProcess id=\"sub\"><startEvent id=\"sub_start\"/>"
                + flow("s1", "sub_start", "a") + "<userTask id=\"a\"/>" + flow("s2", "a", "sub_end")
                + "<endEvent id=\"sub_end\"/>" + eventSubProcess(MESSAGE, false) + "</subProcess>"
                + flow("f2", "sub", "after") + "<userTask id=\"after\"/>"
                + flow("f3", "after", "end") + "<endEvent id=\"end\"/>");
    kit.deploy(model);
    String pi = kit.start("p");
    String subScope = kit.task(pi, "a").executionId();

    correlate(pi);

    String pathA = kit.task(pi, "a").executionId();
    String scope = kit.task(pi, "x").executionId();
    List<String> listed = kit.executionIds(pi);
    assertThat(listed).hasSize(5).contains(pi, subScope, pathA, scope).doesNotHaveDuplicates();
    String pathOfEsp =
        listed.stream()
            .filter(id -> !List.of(pi, subScope, pathA, scope).contains(id))
            .findFirst()
            .orElseThrow();
    ActivityInstance sub = child(kit.activityInstances(pi), "sub");
    assertThat(sub.executionIds()).containsExactly(subScope, pathOfEsp);
    assertThat(child(sub, "a").executionIds()).containsExactly(pathA);
    assertThat(child(sub, "esp").executionIds()).containsExactly(scope);

    kit.complete(pi, "x");

    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrder(pi, subScope);
    assertThat(kit.task(pi, "a").executionId()).isEqualTo(subScope);

    // the interrupting variant
    kit.deploy(model.replace("isInterrupting=\"false\"", "isInterrupting=\"true\""));
    String pi2 = kit.start("p");
    String subScope2 = kit.task(pi2, "a").executionId();

    correlate(pi2);

    String scope2 = kit.task(pi2, "x").executionId();
    assertThat(kit.executionIds(pi2)).containsExactlyInAnyOrder(pi2, subScope2, scope2);
    ActivityInstance sub2 = child(kit.activityInstances(pi2), "sub");
    assertThat(sub2.executionIds()).containsExactly(subScope2);
    assertThat(child(sub2, "esp").executionIds()).containsExactly(scope2);

    kit.complete(pi2, "x");

    assertThat(kit.executionIds(pi2)).containsExactly(pi2);
    assertThat(kit.task(pi2, "after").executionId()).isEqualTo(pi2);
  }

  /** Reference: model "errE" — an error end event starts the error event sub-process below the instance. */
  @Test
  void anErrorEventSubProcessRunsInAScopeExecutionBelowTheInstance() {
    kit.deploy(
        startThenA(
            flow("f2", "a", "boom") + "<endEvent id=\"boom\"><errorEventDefinition errorRef=\"e1\"/>"
                + "</endEvent>" + eventSubProcess("<errorEventDefinition errorRef=\"e1\"/>", true)));
    String pi = kit.start("p");

    kit.complete(pi, "a");

    String scope = kit.task(pi, "x").executionId();
    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrder(pi, scope);
    assertThat(child(kit.activityInstances(pi), "esp").executionIds()).containsExactly(scope);
    assertThat(kit.historicExecution(pi, "esp")).isEqualTo(scope);
    assertThat(kit.historicExecution(pi, "esp_start")).isEqualTo(scope);
  }

  /**
   * Reference: model "escN" — the escalation's thrower goes on in a concurrent execution (its next
   * task names it) beside the non-interrupting event sub-process's; when the thrower's path ends,
   * the event sub-process's goes back into the instance.
   */
  @Test
  void aNonInterruptingEscalationEventSubProcessSendsTheThrowerOnInAConcurrentExecution() {
    kit.deploy(
        startThenA(
            flow("f2", "a", "thr") + "<intermediateThrowEvent id=\"thr\">"
                + "<escalationEventDefinition escalationRef=\"esc\"/></intermediateThrowEvent>"
                + flow("f3", "thr", "b") + "<userTask id=\"b\"/>" + flow("f4", "b", "end")
                + "<endEvent id=\"end\"/>"
                + eventSubProcess("<escalationEventDefinition escalationRef=\"esc\"/>", false)));
    String pi = kit.start("p");

    kit.complete(pi, "a");

    String pathB = kit.task(pi, "b").executionId();
    String scope = kit.task(pi, "x").executionId();
    assertThat(pathB).isNotEqualTo(pi);
    assertThat(kit.executionIds(pi)).hasSize(4).contains(pi, pathB, scope);
    assertThat(kit.activityInstances(pi).executionIds()).hasSize(2).startsWith(pi);
    assertThat(kit.historicExecution(pi, "b")).isEqualTo(pathB);

    kit.complete(pi, "b");

    assertThat(kit.historicExecution(pi, "end")).isEqualTo(pathB);
    assertThat(kit.executionIds(pi)).containsExactlyInAnyOrder(pi, scope);
    assertThat(kit.activityInstances(pi).executionIds()).containsExactly(pi);
  }

  /**
   * A path waiting at an asynchronous continuation as the sub-process's scope execution becomes a
   * concurrent execution with its job (and runs on there), while the sub-process's boundary timer
   * stays with the scope execution (Camunda's model; the reference ran the job before the message
   * could arrive, so this state was not compared).
   */
  @Test
  void aPathWaitingAtAContinuationTakesItsJobAlongAndTheScopesTimerStays() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>" + flow("f1", "start", "sub")
                + "<subProcess id=\"sub\"><startEvent id=\"sub_start\"/>" + flow("s1", "sub_start", "w")
                + "<serviceTask id=\"w\" camunda:asyncBefore=\"true\" camunda:expression=\"${1}\"/>"
                + flow("s2", "w", "a") + "<userTask id=\"a\"/>" + flow("s3", "a", "sub_end")
                + "<endEvent id=\"sub_end\"/>" + eventSubProcess(MESSAGE, false) + "</subProcess>"
                + "<boundaryEvent id=\"late\" attachedToRef=\"sub\"><timerEventDefinition>"
                + "<timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>"
                + flow("fl", "late", "end") + flow("f2", "sub", "end") + "<endEvent id=\"end\"/>"));
    String pi = kit.start("p");
    String scope = kit.historicExecution(pi, "sub");
    assertThat(kit.jobs(pi)).extracting(Job::executionId).containsOnly(scope);

    correlate(pi);

    Job continuation =
        kit.jobs(pi).stream().filter(j -> j.activityId().equals("w")).findFirst().orElseThrow();
    Job timer =
        kit.jobs(pi).stream().filter(j -> j.activityId().equals("late")).findFirst().orElseThrow();
    assertThat(timer.executionId()).isEqualTo(scope);
    String path = continuation.executionId();
    assertThat(path).isNotIn(pi, scope, kit.task(pi, "x").executionId());
    assertThat(child(kit.activityInstances(pi), "sub").childTransitionInstances())
        .singleElement()
        .satisfies(t -> assertThat(t.executionId()).isEqualTo(path));

    kit.engine.jobService().executeJob(continuation.id());

    assertThat(kit.task(pi, "a").executionId()).isEqualTo(path);
    kit.complete(pi, "x");
    assertThat(kit.task(pi, "a").executionId()).isEqualTo(scope);
    kit.complete(pi, "a");
    assertThat(kit.instanceExists(pi)).isFalse();
  }
}
