package dev.tern.engine.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.EngineSettings;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.TernException;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A process that loops without a wait state (task, gateway, back to the task) ends on the bound of
 * activity executions per transaction: everything it did is rolled back, the caller gets an
 * engine error, and a job records it as its failure.
 */
@DatabaseTest
class RunawayLoopTest {

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05Z"));
  private ProcessEngine engine;

  RunawayLoopTest(TestDatabase db) {
    this.db = db;
  }

  @AfterEach
  void close() {
    engine.close();
    db.database()
        .useTransaction(
            h -> {
              for (String table :
                  new String[] {"tern_job", "tern_incident", "tern_execution", "tern_variable",
                    "tern_process_instance", "tern_hi_activity_instance", "tern_hi_process_instance"}) {
                h.execute("DELETE FROM " + table);
              }
            });
  }

  @Test
  void anEndlessLoopEndsOnTheDefaultBoundAndLeavesNothingBehind() {
    engine = engine(EngineSettings.defaults());
    deploy("loop", "", "${true}", "${true}");

    long began = System.nanoTime();
    assertThatThrownBy(() -> start("loop"))
        .isInstanceOfSatisfying(
            TernException.class,
            e -> {
              assertThat(e.category()).isEqualTo(TernException.Category.INTERNAL);
              assertThat(e.type()).isEqualTo("ProcessEngineException");
              assertThat(e.getMessage()).contains("more than 10000 activities in one transaction");
            });
    System.out.printf("runaway loop ended after %d ms%n", (System.nanoTime() - began) / 1_000_000);

    assertThat(count("SELECT COUNT(*) FROM tern_process_instance")).isZero();
    assertThat(count("SELECT COUNT(*) FROM tern_hi_process_instance")).isZero();
    assertThat(count("SELECT COUNT(*) FROM tern_hi_activity_instance")).isZero();
  }

  @Test
  void theBoundIsConfigurableAndCountsActivitiesOfOneTransactionOnly() {
    engine = engine(EngineSettings.defaults().withMaxActivitiesPerTransaction(50));
    // start, entry, 10 x (task, gateway), end: 23 activities.
    deploy("finite", "", "${loops &lt; 10}");

    String pi = start("finite");

    assertThat(count("SELECT COUNT(*) FROM tern_hi_process_instance WHERE state = 'COMPLETED'"))
        .isEqualTo(1);
    assertThat(pi).isNotNull();
    // 30 rounds: 63 activities, over the bound.
    deploy("longer", "", "${loops &lt; 30}");
    assertThatThrownBy(() -> start("longer")).hasMessageContaining("more than 50 activities");
  }

  @Test
  void aJobThatLoopsRecordsTheBoundAsItsFailure() {
    engine = engine(EngineSettings.defaults().withMaxActivitiesPerTransaction(100));
    deploy("asyncLoop", "camunda:asyncBefore=\"true\"", "${true}", "${true}");
    String pi = start("asyncLoop");

    engine.jobExecutor().executeDueJobs();

    String message =
        db.database()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT exception_message FROM tern_job WHERE process_instance_id = :pi")
                        .bind("pi", pi)
                        .mapTo(String.class)
                        .one());
    assertThat(message).contains("more than 100 activities");
    assertThat(count("SELECT COUNT(*) FROM tern_incident")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM tern_hi_activity_instance WHERE activity_id = 'task'"))
        .isZero();
  }

  private ProcessEngine engine(EngineSettings settings) {
    return ProcessEngine.builder()
        .database(db.database())
        .clock(clock)
        .settings(settings)
        .startJobExecutor(false)
        .build();
  }

  private String start(String key) {
    return engine.runtimeService().startProcessInstanceByKey(key, null, null, Map.of("loops", 0)).id();
  }

  private static final String COUNT = "${execution.setVariable('loops', loops + 1)}";

  private void deploy(String key, String taskAttributes, String again) {
    deploy(key, taskAttributes, COUNT, again);
  }

  private void deploy(String key, String taskAttributes, String work, String again) {
    String bpmn =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="%s" isExecutable="true" camunda:historyTimeToLive="30">
            <startEvent id="start"/>
            <sequenceFlow id="f0" sourceRef="start" targetRef="entry"/>
            <serviceTask id="entry" %s camunda:expression="${true}"/>
            <sequenceFlow id="f1" sourceRef="entry" targetRef="task"/>
            <serviceTask id="task" camunda:expression="%s"/>
            <sequenceFlow id="f2" sourceRef="task" targetRef="gateway"/>
            <exclusiveGateway id="gateway" default="out"/>
            <sequenceFlow id="again" sourceRef="gateway" targetRef="task">
              <conditionExpression>%s</conditionExpression>
            </sequenceFlow>
            <sequenceFlow id="out" sourceRef="gateway" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """
            .formatted(key, taskAttributes, work, again);
    engine
        .deploymentService()
        .deploy(NewDeployment.of(Map.of(key + ".bpmn", bpmn.getBytes(StandardCharsets.UTF_8))));
  }

  private long count(String sql) {
    return db.database().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }
}
