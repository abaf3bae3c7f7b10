package dev.tern.engine.externaltask;

import dev.tern.engine.authorization.Caller;

import dev.tern.engine.EngineInternals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.deployment.ParseException;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DatabaseTest
class ExternalTaskServiceTest {

  private static final String PAYMENT =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <error id="noFunds" errorCode="NO_FUNDS"/>
        <process id="payment" isExecutable="true" camunda:historyTimeToLive="5">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="charge"/>
          <serviceTask id="charge" camunda:type="external" camunda:topic="${region}-payments"
              camunda:taskPriority="${prio}">
            <extensionElements>
              <camunda:properties><camunda:property name="sla" value="fast"/></camunda:properties>
              <camunda:inputOutput>
                <camunda:outputParameter name="receipt">${receiptNo}</camunda:outputParameter>
              </camunda:inputOutput>
            </extensionElements>
          </serviceTask>
          <sequenceFlow id="f2" sourceRef="charge" targetRef="end"/>
          <endEvent id="end"/>
          <boundaryEvent id="declined" attachedToRef="charge">
            <errorEventDefinition errorRef="noFunds" camunda:errorCodeVariable="code"
                camunda:errorMessageVariable="why"/>
          </boundaryEvent>
          <sequenceFlow id="f3" sourceRef="declined" targetRef="review"/>
          <userTask id="review"/>
          <sequenceFlow id="f4" sourceRef="review" targetRef="end"/>
          <boundaryEvent id="anyError" attachedToRef="charge">
            <errorEventDefinition/>
          </boundaryEvent>
          <sequenceFlow id="f5" sourceRef="anyError" targetRef="failedEnd"/>
          <endEvent id="failedEnd"><errorEventDefinition errorRef="noFunds"/></endEvent>
          <boundaryEvent id="tooSlow" attachedToRef="charge">
            <timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>
          </boundaryEvent>
          <sequenceFlow id="f6" sourceRef="tooSlow" targetRef="end"/>
        </process>
        <process id="mail" isExecutable="true" camunda:historyTimeToLive="5">
          <startEvent id="s"/>
          <sequenceFlow id="m1" sourceRef="s" targetRef="send"/>
          <sendTask id="send" camunda:type="external" camunda:topic="mail"/>
          <sequenceFlow id="m2" sourceRef="send" targetRef="rules"/>
          <businessRuleTask id="rules" camunda:type="external" camunda:topic="rules"/>
          <sequenceFlow id="m3" sourceRef="rules" targetRef="e"/>
          <endEvent id="e"/>
        </process>
      </definitions>
      """;

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05Z"));
  private ProcessEngine engine;
  private ExternalTaskService tasks;

  ExternalTaskServiceTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void deploy() {
    db.database()
        .useTransaction(
            h -> {
              for (String table :
                  List.of("tern_job", "tern_incident", "tern_execution", "tern_process_instance")) {
                h.execute("DELETE FROM " + table);
              }
            });
    engine = ProcessEngine.builder().database(db.database()).clock(clock).startJobExecutor(false).build();
    tasks = engine.externalTaskService();
    engine
        .deploymentService()
        .deploy(
            NewDeployment.of(Map.of("payment.bpmn", PAYMENT.getBytes(StandardCharsets.UTF_8)))
                .withDuplicateFiltering(true));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private String startPayment(long amount) {
    return engine
        .runtimeService()
        .startProcessInstanceByKey(
            "payment", null, "order-" + amount, Map.of("region", "eu", "prio", 7, "amount", amount))
        .id();
  }

  private List<LockedExternalTask> fetch(String worker, int max, TopicRequest... topics) {
    return tasks.fetchAndLock(new FetchRequest(worker, max, true, null, List.of(topics)));
  }

  private static TopicRequest withProperties(String topic) {
    return new TopicRequest(
        topic, 60_000, null, false, null, null, null, null, false, null, Map.of(), true);
  }

  private boolean instanceExists(String id) {
    return db.database()
        .withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM tern_process_instance WHERE id = :id")
                    .bind("id", id)
                    .mapTo(Integer.class)
                    .one())
        > 0;
  }

  private List<String> waitingAt(String instanceId) {
    return db.database()
        .withHandle(
            h ->
                h.createQuery("SELECT activity_id FROM tern_execution WHERE process_instance_id = :id")
                    .bind("id", instanceId)
                    .mapTo(String.class)
                    .list());
  }

  @Test
  void aTokenWaitsInTheExternalTaskUntilTheWorkerCompletesIt() {
    String instance = startPayment(5);

    List<LockedExternalTask> locked = fetch("w1", 10, withProperties("eu-payments"));

    assertThat(locked).hasSize(1);
    LockedExternalTask task = locked.get(0);
    assertThat(task.task().topicName()).isEqualTo("eu-payments");
    assertThat(task.task().priority()).isEqualTo(7);
    assertThat(task.task().workerId()).isEqualTo("w1");
    assertThat(task.task().businessKey()).isEqualTo("order-5");
    assertThat(task.task().activityId()).isEqualTo("charge");
    assertThat(task.task().lockExpirationTime()).isEqualTo(clock.instant().plusSeconds(60));
    assertThat(task.variables()).containsEntry("amount", TypedValue.fromJava(5L));
    assertThat(task.extensionProperties()).containsExactly(Map.entry("sla", "fast"));
    assertThat(fetch("w2", 10, withProperties("eu-payments"))).isEmpty();

    tasks.complete(task.task().id(), "w1", Map.of("paid", true), Map.of("receiptNo", "R-1"));

    assertThat(instanceExists(instance)).isFalse();
    assertThat(tasks.count(tasks.createQuery())).isZero();
    Map<String, Object> receipt =
        db.database()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT text_value FROM tern_hi_variable WHERE process_instance_id = :pi"
                                + " AND name = 'receipt'")
                        .bind("pi", instance)
                        .mapToMap()
                        .one());
    assertThat(receipt.get("text_value")).isEqualTo("R-1");
  }

  @Test
  void sendAndBusinessRuleTasksAreExternalTasksToo() {
    String instance =
        engine.runtimeService().startProcessInstanceByKey("mail", null, null, Map.of()).id();

    LockedExternalTask mail = fetch("w", 5, TopicRequest.of("mail", 1000), TopicRequest.of("rules", 1000)).get(0);
    assertThat(mail.task().activityId()).isEqualTo("send");
    tasks.complete(mail.task().id(), "w", null, null);
    LockedExternalTask rules = fetch("w", 5, TopicRequest.of("rules", 1000)).get(0);
    tasks.complete(rules.task().id(), "w", Map.of(), Map.of());

    assertThat(instanceExists(instance)).isFalse();
  }

  @Test
  void twoWorkersFetchingAtOnceNeverGetTheSameTask() throws Exception {
    List<String> started = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      started.add(startPayment(i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        String worker = "w" + w;
        Callable<List<String>> drain =
            () -> {
              List<String> mine = new ArrayList<>();
              List<LockedExternalTask> batch;
              while (!(batch = fetch(worker, 4, TopicRequest.of("eu-payments", 60_000))).isEmpty()) {
                batch.forEach(t -> mine.add(t.task().id()));
              }
              return mine;
            };
        results.add(pool.submit(drain));
      }
      List<String> all = new ArrayList<>();
      for (Future<List<String>> result : results) {
        all.addAll(result.get());
      }
      assertThat(all).hasSize(30).doesNotHaveDuplicates();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void failuresRetryAfterTheTimeoutThenOpenAnIncidentThatRetriesResolve() {
    startPayment(1);
    String id = fetch("w1", 1, TopicRequest.of("eu-payments", 1000)).get(0).task().id();

    tasks.handleFailure(Caller.SYSTEM, id, "w1", "timeout", "stack…", 1, 30_000, Map.of("attempt", 1));

    assertThat(fetch("w2", 1, TopicRequest.of("eu-payments", 1000))).isEmpty();
    clock.advance(Duration.ofSeconds(30));
    LockedExternalTask again = fetch("w2", 1, TopicRequest.of("eu-payments", 1000)).get(0);
    assertThat(again.task().retries()).isEqualTo(1);
    assertThat(again.task().errorMessage()).isEqualTo("timeout");
    assertThat(again.errorDetails()).isEqualTo("stack…");
    assertThat(again.variables()).containsEntry("attempt", TypedValue.fromJava(1));

    tasks.handleFailure(Caller.SYSTEM, id, "w2", "still down", null, 0, 0, null);

    assertThat(incidents("failedExternalTask")).containsExactly(id);
    clock.advance(Duration.ofSeconds(1));
    assertThat(fetch("w3", 1, TopicRequest.of("eu-payments", 1000))).isEmpty();
    assertThat(tasks.errorDetails(Caller.SYSTEM, id)).isEqualTo("stack…");

    tasks.setRetries(Caller.SYSTEM, id, 2);

    assertThat(incidents("failedExternalTask")).isEmpty();
    assertThat(fetch("w3", 1, TopicRequest.of("eu-payments", 1000))).hasSize(1);
  }

  private List<String> incidents(String type) {
    return db.database()
        .withHandle(
            h ->
                h.createQuery("SELECT configuration FROM tern_incident WHERE incident_type = :t")
                    .bind("t", type)
                    .mapTo(String.class)
                    .list());
  }

  @Test
  void aBpmnErrorWithACaughtCodeTakesTheBoundaryEventWithCodeAndMessageVariables() {
    String instance = startPayment(2);
    String id = fetch("w1", 1, TopicRequest.of("eu-payments", 1000)).get(0).task().id();

    tasks.handleBpmnError(id, "w1", "NO_FUNDS", "card declined", Map.of("tried", true));

    assertThat(waitingAt(instance)).containsExactly("review");
    Map<String, TypedValue> vars =
        db.database().withHandle(h -> EngineInternals.variableStore(engine).all(h, instance));
    assertThat(vars)
        .containsEntry("code", TypedValue.fromJava("NO_FUNDS"))
        .containsEntry("why", TypedValue.fromJava("card declined"))
        .containsEntry("tried", TypedValue.fromJava(true));
    assertThat(tasks.count(tasks.createQuery())).isZero();
    assertThat(jobCount(instance)).isZero();
  }

  @Test
  void anotherCodeIsCaughtByTheCatchAllBoundaryAndTheErrorEndEventEndsTheInstance() {
    String instance = startPayment(3);
    String id = fetch("w1", 1, TopicRequest.of("eu-payments", 1000)).get(0).task().id();

    tasks.handleBpmnError(id, "w1", "OTHER", null, null);

    assertThat(instanceExists(instance)).isFalse();
    String endActivity =
        db.database()
            .withHandle(
                h ->
                    h.createQuery("SELECT end_activity_id FROM tern_hi_process_instance WHERE id = :id")
                        .bind("id", instance)
                        .mapTo(String.class)
                        .one());
    assertThat(endActivity).isEqualTo("failedEnd");
  }

  @Test
  void anUncaughtBpmnErrorEndsTheToken() {
    String instance =
        engine.runtimeService().startProcessInstanceByKey("mail", null, null, Map.of()).id();
    String id = fetch("w", 1, TopicRequest.of("mail", 1000)).get(0).task().id();

    tasks.handleBpmnError(id, "w", "ANY", "nobody catches this", null);

    assertThat(instanceExists(instance)).isFalse();
  }

  @Test
  void aBoundaryTimerInterruptsTheExternalTaskAndRemovesIt() {
    String instance = startPayment(4);
    assertThat(tasks.count(tasks.createQuery().set("processInstanceId", instance))).isEqualTo(1);

    clock.advance(Duration.ofHours(1));
    engine.jobExecutor().executeDueJobs();

    assertThat(instanceExists(instance)).isFalse();
    assertThat(tasks.count(tasks.createQuery())).isZero();
  }

  private int jobCount(String instance) {
    return db.database()
        .withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM tern_job WHERE process_instance_id = :id")
                    .bind("id", instance)
                    .mapTo(Integer.class)
                    .one());
  }

  @Test
  void onlyTheLockOwnerFinishesATaskAndAnExpiredLockCannotBeExtended() {
    startPayment(6);
    String id = fetch("w1", 1, TopicRequest.of("eu-payments", 1000)).get(0).task().id();

    assertThatThrownBy(() -> tasks.complete(id, "w2", null, null))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessage(
            "External Task " + id + " cannot be completed by worker 'w2'. It is locked by worker 'w1'.");
    assertThatThrownBy(() -> tasks.handleFailure(Caller.SYSTEM, id, "w2", "x", null, 1, 0, null))
        .hasMessageStartingWith("Failure of External Task " + id + " cannot be reported by worker 'w2'");
    assertThatThrownBy(() -> tasks.lock(Caller.SYSTEM, id, "w2", 1000))
        .hasMessage("External Task " + id + " cannot be locked by worker 'w2'. It is locked by worker 'w1'.");
    assertThatThrownBy(() -> tasks.complete("nope", "w1", null, null))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("External task with id nope does not exist");

    tasks.extendLock(Caller.SYSTEM, id, "w1", 5000);
    assertThat(tasks.get(id).lockExpirationTime()).isEqualTo(clock.instant().plusSeconds(5));
    clock.advance(Duration.ofSeconds(6));
    assertThatThrownBy(() -> tasks.extendLock(Caller.SYSTEM, id, "w1", 5000))
        .hasMessageStartingWith("Cannot extend a lock that expired");

    tasks.lock(Caller.SYSTEM, id, "w2", 1000);
    assertThat(tasks.get(id).workerId()).isEqualTo("w2");
    tasks.unlock(Caller.SYSTEM, id);
    assertThat(tasks.get(id).workerId()).isNull();
    assertThat(tasks.get(id).lockExpirationTime()).isNull();
  }

  @Test
  void topicFiltersSelectByBusinessKeyAndProcessVariables() {
    startPayment(10);
    startPayment(11);
    TopicRequest byKey =
        new TopicRequest(
            "eu-payments", 1000, List.of("amount"), false, "order-11", null, List.of("payment"),
            null, true, null, Map.of(), false);
    TopicRequest byVariable =
        new TopicRequest(
            "eu-payments", 1000, null, true, null, null, null, null, false, null,
            Map.of("amount", 10L), false);

    List<LockedExternalTask> first = fetch("w", 5, byKey);
    List<LockedExternalTask> second = fetch("w", 5, byVariable);

    assertThat(first).singleElement().satisfies(t -> {
      assertThat(t.task().businessKey()).isEqualTo("order-11");
      assertThat(t.variables()).containsOnlyKeys("amount");
    });
    assertThat(second).singleElement().satisfies(t -> {
      assertThat(t.task().businessKey()).isEqualTo("order-10");
      assertThat(t.variables()).isEmpty();
    });
    assertThat(tasks.topicNames(true, false, false)).containsExactly("eu-payments");
  }

  @Test
  void anExternalTaskWithoutTopicIsRefusedAtDeployment() {
    String xml =
        PAYMENT.replace("camunda:topic=\"mail\"", "").replace("id=\"payment\"", "id=\"p2\"");
    assertThatThrownBy(
            () ->
                engine
                    .deploymentService()
                    .deploy(NewDeployment.of(Map.of("bad.bpmn", xml.getBytes(StandardCharsets.UTF_8)))))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("External tasks must specify a 'topic' attribute in the camunda namespace");
  }

  @Test
  void fetchValidatesItsArguments() {
    assertThatThrownBy(() -> fetch(null, 1, TopicRequest.of("t", 1)))
        .hasMessage("workerId is null");
    assertThatThrownBy(() -> fetch("w", 1, TopicRequest.of("t", 0)))
        .hasMessage("lockTime is not greater than 0");
    Set<String> none = new HashSet<>();
    fetch("w", 0, TopicRequest.of("eu-payments", 1)).forEach(t -> none.add(t.task().id()));
    assertThat(none).isEmpty();
  }
}
