package dev.tern.engine.runtime;

import static dev.tern.engine.runtime.ScopeEngine.flow;
import static dev.tern.engine.runtime.ScopeEngine.process;
import static dev.tern.engine.runtime.ScopeEngine.subProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.event.EventSubscription;
import dev.tern.engine.event.MessageCorrelation;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Event sub-processes started by a message, a signal or a timer, as Camunda 7.24 runs them: the
 * subscription (or timer job) exists while the enclosing scope runs and belongs to the scope's
 * execution (the instance for the process); an interrupting one cancels the rest of the scope and
 * can start once, a non-interrupting one starts beside it each time its event arrives.
 */
@DatabaseTest
class EventSubProcessStartTest {

  private final ScopeEngine kit;

  EventSubProcessStartTest(TestDatabase db) {
    this.kit = new ScopeEngine(db);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  private static String eventSubProcess(String id, String startDefinition, boolean interrupting) {
    return "<subProcess id=\"" + id + "\" triggeredByEvent=\"true\"><startEvent id=\"" + id
        + "_start\" isInterrupting=\"" + interrupting + "\">" + startDefinition + "</startEvent>"
        + flow(id + "_f1", id + "_start", id + "_task") + "<userTask id=\"" + id + "_task\"/>"
        + flow(id + "_f2", id + "_task", id + "_end") + "<endEvent id=\"" + id + "_end\"/></subProcess>";
  }

  private static final String MESSAGE = "<messageEventDefinition messageRef=\"m\"/>";
  private static final String SIGNAL = "<signalEventDefinition signalRef=\"s\"/>";

  private static String mainFlow(String eventSubProcesses) {
    return process(
        "p",
        "<startEvent id=\"start\"/>" + flow("f1", "start", "work") + "<userTask id=\"work\"/>"
            + flow("f2", "work", "end") + "<endEvent id=\"end\"/>" + eventSubProcesses);
  }

  private List<EventSubscription> subscriptions(String pi) {
    return kit.engine.eventSubscriptionService().list(
        kit.engine.eventSubscriptionService().createEventSubscriptionQuery(), 0, 100).stream()
        .filter(s -> pi.equals(s.processInstanceId()))
        .toList();
  }

  private void correlate(String businessKey) {
    kit.engine.messageCorrelationService()
        .correlate(MessageCorrelation.named("cancel").businessKey(businessKey).build());
  }

  private String startWithKey(String businessKey) {
    return kit.engine.runtimeService().startProcessInstanceByKey("p", null, businessKey, Map.of()).id();
  }

  private long timerJobs(String pi) {
    return kit.rows(
            "SELECT id FROM tern_job WHERE process_instance_id = ? AND handler_type = 'timer-start-event-subprocess'",
            pi)
        .size();
  }

  @Test
  void anInterruptingMessageEventSubProcessOfTheProcessCancelsTheMainFlowOnce() {
    kit.deploy(mainFlow(eventSubProcess("onCancel", MESSAGE, true)));
    String pi = startWithKey("order-1");

    List<EventSubscription> subscribed = subscriptions(pi);
    assertThat(subscribed).singleElement().satisfies(s -> {
      assertThat(s.eventName()).isEqualTo("cancel");
      assertThat(s.activityId()).isEqualTo("onCancel_start");
      assertThat(s.executionId()).isEqualTo(pi);
      assertThat(s.isStart()).isFalse();
    });

    correlate("order-1");

    assertThat(kit.activeActivities(pi)).containsExactlyInAnyOrder("onCancel", "onCancel_task");
    assertThat(kit.historyOf(pi, "work").get("canceled")).isEqualTo(true);
    assertThat(subscriptions(pi)).isEmpty();
    assertThatThrownBy(() -> correlate("order-1")).isInstanceOf(ProcessEngineException.class);

    kit.complete(pi, "onCancel_task");
    assertThat(kit.instanceExists(pi)).isFalse();
  }

  @Test
  void aNonInterruptingMessageEventSubProcessStartsEachTimeAndTheInstanceWaitsForAll() {
    kit.deploy(mainFlow(eventSubProcess("onNote", MESSAGE, false)));
    String pi = startWithKey("order-2");

    correlate("order-2");
    correlate("order-2");

    assertThat(kit.tasks(pi)).extracting(t -> t.taskDefinitionKey())
        .containsExactlyInAnyOrder("work", "onNote_task", "onNote_task");
    assertThat(subscriptions(pi)).hasSize(1);

    kit.complete(pi, "work");
    assertThat(kit.instanceExists(pi)).isTrue();
    for (var task : kit.tasks(pi)) {
      kit.completeTask(task);
    }
    assertThat(kit.instanceExists(pi)).isFalse();
  }

  @Test
  void aSignalEventSubProcessOfASubProcessLivesAsLongAsTheSubProcess() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>" + flow("f1", "start", "sub")
                + subProcess("sub", flow("s1", "sub_start", "work") + "<userTask id=\"work\"/>"
                    + eventSubProcess("onNotify", SIGNAL, false))
                + flow("f2", "sub", "after") + "<userTask id=\"after\"/>"));
    String pi = kit.start("p");
    // the sub-process's scope execution, in which its user task waits (Camunda 7.24)
    String subScope = kit.task(pi, "work").executionId();
    assertThat(kit.historyOf(pi, "sub").get("execution_id")).isEqualTo(subScope);
    assertThat(subscriptions(pi)).singleElement()
        .satisfies(s -> assertThat(s.executionId()).isEqualTo(subScope));

    kit.engine.signalService().signal("notify", null, null, false, Map.of("level", "high"));

    assertThat(kit.activeActivities(pi)).contains("onNotify", "onNotify_task", "work");
    assertThat(kit.variable(pi, "level")).isEqualTo("high");

    kit.complete(pi, "work");
    assertThat(kit.activeActivities(pi)).doesNotContain("after");
    kit.complete(pi, "onNotify_task");

    assertThat(kit.activeActivities(pi)).containsExactly("after");
    assertThat(subscriptions(pi)).isEmpty();
  }

  @Test
  void anInterruptingTimerEventSubProcessCancelsTheInsideOfItsSubProcess() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>" + flow("f1", "start", "sub")
                + subProcess("sub", flow("s1", "sub_start", "work") + "<userTask id=\"work\"/>"
                    + eventSubProcess("late", "<timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>", true))
                + flow("f2", "sub", "after") + "<userTask id=\"after\"/>"));
    String pi = kit.start("p");
    assertThat(timerJobs(pi)).isEqualTo(1);
    assertThat(kit.rows("SELECT activity_id, job_definition_id FROM tern_job WHERE process_instance_id = ?", pi))
        .singleElement()
        .satisfies(r -> {
          assertThat(r.get("activity_id")).isEqualTo("late_start");
          assertThat(r.get("job_definition_id")).isNotNull();
        });

    kit.clock.advance(Duration.ofHours(1));
    kit.engine.jobExecutor().executeDueJobs();

    assertThat(kit.activeActivities(pi)).containsExactlyInAnyOrder("sub", "late", "late_task");
    assertThat(kit.historyOf(pi, "work").get("canceled")).isEqualTo(true);
    assertThat(timerJobs(pi)).isZero();

    kit.complete(pi, "late_task");
    assertThat(kit.activeActivities(pi)).containsExactly("after");
  }

  @Test
  void aNonInterruptingTimerCycleOfTheProcessFiresItsRepetitionsAndGoesWithTheInstance() {
    kit.deploy(mainFlow(eventSubProcess(
        "remind", "<timerEventDefinition><timeCycle>R3/PT1H</timeCycle></timerEventDefinition>", false)));
    String pi = kit.start("p");

    for (int i = 0; i < 2; i++) {
      kit.clock.advance(Duration.ofHours(1));
      kit.engine.jobExecutor().executeDueJobs();
    }

    assertThat(kit.tasks(pi)).extracting(t -> t.taskDefinitionKey())
        .containsExactlyInAnyOrder("work", "remind_task", "remind_task");
    assertThat(timerJobs(pi)).isEqualTo(1);

    kit.complete(pi, "work");
    for (var task : kit.tasks(pi)) {
      kit.completeTask(task);
    }
    assertThat(kit.instanceExists(pi)).isFalse();
    assertThat(timerJobs(pi)).isZero();
  }

  @Test
  void theMainFlowEndingFirstRemovesTheScopesSubscriptionsAndTimers() {
    kit.deploy(mainFlow(eventSubProcess("onCancel", MESSAGE, true)
        + eventSubProcess("late", "<timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition>", true)));
    String pi = kit.start("p");
    assertThat(subscriptions(pi)).hasSize(1);
    assertThat(timerJobs(pi)).isEqualTo(1);

    kit.complete(pi, "work");

    assertThat(kit.instanceExists(pi)).isFalse();
    assertThat(subscriptions(pi)).isEmpty();
    assertThat(timerJobs(pi)).isZero();
  }
}
