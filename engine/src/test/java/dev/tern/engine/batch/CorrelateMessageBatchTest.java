package dev.tern.engine.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.TernException;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.runtime.ProcessInstanceQuery;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /process-instance/message-async}: a correlate-message batch over many instances. */
@DatabaseTest
class CorrelateMessageBatchTest {

  private static final String PROCESSES =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <message id="paid" name="Paid"/>
        <message id="cancelled" name="Cancelled"/>
        <process id="order" isExecutable="true" camunda:historyTimeToLive="5">
          <startEvent id="start"/>
          <sequenceFlow id="f0" sourceRef="start" targetRef="fork"/>
          <parallelGateway id="fork"/>
          <sequenceFlow id="f1" sourceRef="fork" targetRef="invoice"/>
          <sequenceFlow id="f2" sourceRef="fork" targetRef="receipt"/>
          <receiveTask id="invoice" messageRef="paid"/>
          <receiveTask id="receipt" messageRef="paid"/>
          <sequenceFlow id="f3" sourceRef="invoice" targetRef="archive"/>
          <sequenceFlow id="f4" sourceRef="receipt" targetRef="archive"/>
          <userTask id="archive"/>
        </process>
        <process id="stop" isExecutable="true" camunda:historyTimeToLive="5">
          <startEvent id="stopStart"/>
          <sequenceFlow id="g1" sourceRef="stopStart" targetRef="stopWait"/>
          <receiveTask id="stopWait" messageRef="cancelled"/>
          <sequenceFlow id="g2" sourceRef="stopWait" targetRef="stopped"/>
          <userTask id="stopped"/>
        </process>
        <process id="byMessage" isExecutable="true" camunda:historyTimeToLive="5">
          <startEvent id="paidStart"><messageEventDefinition messageRef="paid"/></startEvent>
          <sequenceFlow id="h1" sourceRef="paidStart" targetRef="started"/>
          <userTask id="started"/>
        </process>
      </definitions>
      """;

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-04-01T08:00:00Z"));
  private final ProcessEngine engine;
  private final BatchService batches;

  CorrelateMessageBatchTest(TestDatabase db) {
    this.db = db;
    db.database()
        .useTransaction(
            h -> {
              for (String table :
                  List.of(
                      "tern_batch_chunk", "tern_batch", "tern_hi_batch", "tern_job",
                      "tern_event_subscription", "tern_task", "tern_execution",
                      "tern_process_instance")) {
                h.execute("DELETE FROM " + table);
              }
            });
    this.engine =
        ProcessEngine.builder()
            .database(db.database())
            .clock(clock)
            .startJobExecutor(false)
            .batchSettings(BatchSettings.defaults().withInvocationsPerBatchJob(2))
            .build();
    this.batches = engine.batchService();
    engine
        .deploymentService()
        .deploy(
            NewDeployment.of(Map.of("orders.bpmn", PROCESSES.getBytes(StandardCharsets.UTF_8)))
                .withDuplicateFiltering(true));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private String start(String key) {
    return engine.runtimeService().startProcessInstanceByKey(key, null, null, Map.of()).id();
  }

  private List<String> waitingIn(String instance) {
    return db
        .rows("SELECT activity_id FROM tern_execution WHERE process_instance_id = ?", instance)
        .stream()
        .map(r -> (String) r.get("activity_id"))
        .sorted()
        .toList();
  }

  private Object variable(String instance, String name) {
    return engine.processInstances().variable(instance, name).map(TypedValue::value).orElse(null);
  }

  private void runJobs() {
    while (engine.jobExecutor().executeDueJobs() > 0) {
      // seed, batch and monitor jobs, until none is due
    }
  }

  @Test
  void everyWaitingTokenOfTheSelectedInstancesReceivesTheMessageAndItsVariables() {
    String first = start("order");
    String second = start("order");
    String other = start("stop");
    ProcessInstanceQuery byKey = new ProcessInstanceQuery();
    byKey.filters().set("processDefinitionKey", "order");

    Batch batch =
        batches.correlateMessageAsync(
            Caller.SYSTEM,
            "Paid",
            List.of(first, other),
            byKey,
            null,
            Map.of("amount", TypedValue.fromJava(42L), "paidOn", TypedValue.fromJava(clock.instant())));

    assertThat(batch.type()).isEqualTo("correlate-message");
    assertThat(batch.totalJobs()).as("3 instances, 2 per batch job").isEqualTo(2);
    assertThat(waitingIn(first)).containsExactly("invoice", "receipt");

    runJobs();

    for (String instance : List.of(first, second)) {
      assertThat(waitingIn(instance)).as("both tokens moved on").containsExactly("archive", "archive");
      assertThat(variable(instance, "amount")).isEqualTo(42L);
      assertThat(variable(instance, "paidOn")).isEqualTo(clock.instant());
    }
    assertThat(waitingIn(other)).as("no token waits for Paid there").containsExactly("stopWait");
    assertThat(variable(other, "amount")).isNull();
    assertThat(db.rows("SELECT id FROM tern_process_instance WHERE proc_def_key = 'byMessage'"))
        .as("message start events are not triggered")
        .isEmpty();
    assertThat(batches.find(batch.id())).isEmpty();
    assertThat(db.rows("SELECT end_time FROM tern_hi_batch WHERE id = ?", batch.id()).get(0).get("end_time"))
        .isNotNull();
  }

  @Test
  void withoutAMessageNameEveryMessageTokenOfTheInstancesReceivesIt() {
    String order = start("order");
    String stop = start("stop");

    batches.correlateMessageAsync(Caller.SYSTEM, null, List.of(order, stop), null, null, Map.of());
    runJobs();

    assertThat(waitingIn(order)).containsExactly("archive", "archive");
    assertThat(waitingIn(stop)).containsExactly("stopped");
  }

  @Test
  void suspendedInstancesAreNotReached() {
    String suspended = start("order");
    engine.processInstances().suspend(suspended);

    batches.correlateMessageAsync(Caller.SYSTEM, "Paid", List.of(suspended), null, null, Map.of());
    runJobs();

    assertThat(waitingIn(suspended)).containsExactly("invoice", "receipt");
  }

  @Test
  void aSelectionThatNamesNothingIsRefusedAndWritesNothing() {
    String ended = start("stop");
    engine.processInstances().delete(ended, "gone");

    assertThatThrownBy(
            () -> batches.correlateMessageAsync(Caller.SYSTEM, "Paid", null, null, null, Map.of()))
        .isInstanceOf(TernException.class)
        .hasMessage("No process instances found.");
    assertThatThrownBy(
            () -> batches.correlateMessageAsync(Caller.SYSTEM, "Paid", List.of(), null, null, Map.of()))
        .hasMessage("Process instance ids cannot be empty: process instance ids is empty");
    assertThatThrownBy(
            () ->
                batches.correlateMessageAsync(
                    Caller.SYSTEM, "Paid", List.of(ended, "unknown"), null, null, Map.of()))
        .hasMessage("Process instance ids cannot be empty: process instance ids is empty");
    assertThat(db.rows("SELECT id FROM tern_batch")).isEmpty();
  }
}
