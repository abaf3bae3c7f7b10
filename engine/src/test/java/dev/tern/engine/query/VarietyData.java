package dev.tern.engine.query;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.deployment.ProcessDefinition;
import dev.tern.engine.runtime.JavaDelegate;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.engine.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Builds varied runtime and history data through the real engine: two versions of a user-task
 * process, an async service task that fails for some instances (jobs with and without retries
 * left, incidents), a timer process, three tenants, suspended, completed and deleted instances,
 * and variables of every queryable type.
 */
final class VarietyData {

  /** The delegate bean of the {@code payment} process: fails when {@code fail} is true. */
  static final JavaDelegate CHARGE =
      execution -> {
        if (Boolean.TRUE.equals(execution.getVariable("fail"))) {
          throw new IllegalStateException("declined " + execution.getVariable("name"));
        }
      };

  static final List<String> NAMES = List.of("alice", "Alice", "bob", "Bobby", "carol", "c4rl");

  private final ProcessEngine engine;
  private final MutableClock clock;
  private final Random random;
  private final List<ProcessDefinition> definitions = new ArrayList<>();
  private final List<String> running = new ArrayList<>();
  private final List<String> waitingAtReview = new ArrayList<>();

  VarietyData(ProcessEngine engine, MutableClock clock, Random random) {
    this.engine = engine;
    this.clock = clock;
    this.random = random;
  }

  void build() {
    deploy(null, review("order", false), payment("payment"), timer("reminder"));
    startSome(10);
    deploy(null, review("order", true));
    deploy("t1", review("order", false), payment("payment"));
    deploy("t2", payment("payment"), timer("reminder"));
    // the retry cycle allows three attempts 5 minutes apart, each round runs due jobs once: failing
    // jobs of the first two rounds end with incidents, later ones with 1, 2 or 3 retries left
    for (int round = 0; round < 4; round++) {
      startSome(12);
      runJobs();
    }
    startSome(8);
    for (String id : List.copyOf(waitingAtReview)) {
      switch (random.nextInt(4)) {
        case 0 -> complete(id);
        case 1 -> delete(id);
        default -> {}
      }
    }
    for (String id : running) {
      changeVariables(id);
      if (random.nextInt(5) == 0) {
        engine.processInstances().suspend(id);
      }
    }
  }

  /**
   * Now and then a variable is removed (its history row becomes DELETED), changes its type, or a
   * JSON document is added, which only a {@code null} condition can tell from a null value.
   */
  private void changeVariables(String id) {
    switch (random.nextInt(6)) {
      case 0 -> engine.processInstances().removeVariable(id, "name");
      case 1 -> engine.processInstances().setVariable(id, "amount", TypedValue.fromJava("n/a"));
      case 2 -> engine.processInstances().setVariable(id, "flag", TypedValue.json("{\"on\":true}"));
      default -> {}
    }
  }

  private void complete(String id) {
    engine.runtimeService().completeUserTask(id, "review", Map.of("approved", random.nextBoolean()));
    waitingAtReview.remove(id);
    running.remove(id);
  }

  private void delete(String id) {
    engine.processInstances().delete(id, "cancelled");
    waitingAtReview.remove(id);
    running.remove(id);
  }

  private void runJobs() {
    clock.advance(Duration.ofMinutes(6));
    engine.jobExecutor().executeDueJobs();
  }

  private void startSome(int count) {
    for (int i = 0; i < count; i++) {
      clock.advance(Duration.ofSeconds(1 + random.nextInt(60)));
      ProcessDefinition definition = definitions.get(random.nextInt(definitions.size()));
      String businessKey = random.nextInt(5) == 0 ? null : "bk-" + random.nextInt(20);
      String id =
          engine
              .runtimeService()
              .startProcessInstanceById(definition.id(), businessKey, variables())
              .id();
      if (engine.processInstances().find(id).isPresent()) {
        running.add(id);
        if (definition.key().equals("order")) {
          waitingAtReview.add(id);
        }
      }
    }
  }

  /** Each variable is present or not; {@code mixed} takes a different type per instance. */
  private Map<String, Object> variables() {
    Map<String, Object> vars = new HashMap<>();
    maybe(vars, "name", NAMES.get(random.nextInt(NAMES.size())));
    maybe(
        vars,
        "amount",
        switch (random.nextInt(3)) {
          case 0 -> random.nextInt(200);
          case 1 -> (long) random.nextInt(200);
          default -> random.nextInt(400) / 2.0;
        });
    maybe(vars, "flag", random.nextBoolean());
    maybe(vars, "due", Date.from(Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofDays(random.nextInt(10)))));
    maybe(vars, "note", null);
    maybe(vars, "mixed", mixedValue());
    vars.put("fail", random.nextBoolean());
    return vars;
  }

  private Object mixedValue() {
    return switch (random.nextInt(6)) {
      case 0 -> "x" + random.nextInt(5);
      case 1 -> random.nextInt(5);
      case 2 -> (long) random.nextInt(5);
      case 3 -> random.nextInt(5) + 0.5;
      case 4 -> random.nextBoolean();
      default -> null;
    };
  }

  private void maybe(Map<String, Object> vars, String name, Object value) {
    if (random.nextInt(4) != 0) {
      vars.put(name, value);
    }
  }

  private void deploy(String tenantId, BpmnModelInstance... models) {
    Map<String, byte[]> resources = new HashMap<>();
    for (BpmnModelInstance model : models) {
      String key = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
          .iterator().next().getId();
      resources.put(key + ".bpmn", Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8));
    }
    definitions.addAll(
        engine
            .deploymentService()
            .deploy(new NewDeployment("variety", null, tenantId, false, false, resources))
            .deployedProcessDefinitions());
  }

  private static BpmnModelInstance review(String key, boolean withApproval) {
    var review =
        Bpmn.createExecutableProcess(key)
            .name("Order " + (withApproval ? "with approval" : "plain"))
            .camundaHistoryTimeToLive(30)
            .startEvent("start")
            .userTask("review");
    return (withApproval ? review.userTask("approve") : review).endEvent("end").done();
  }

  private static BpmnModelInstance payment(String key) {
    return Bpmn.createExecutableProcess(key)
        .name("Payment")
        .camundaHistoryTimeToLive(30)
        .startEvent("start")
        .serviceTask("charge")
        .camundaAsyncBefore()
        .camundaFailedJobRetryTimeCycle("R3/PT5M")
        .camundaDelegateExpression("${charge}")
        .userTask("ship")
        .endEvent("end")
        .done();
  }

  private static BpmnModelInstance timer(String key) {
    return Bpmn.createExecutableProcess(key)
        .name("Reminder")
        .camundaHistoryTimeToLive(30)
        .startEvent("start")
        .intermediateCatchEvent("wait")
        .timerWithDuration("PT20M")
        .userTask("remind")
        .endEvent("end")
        .done();
  }
}
