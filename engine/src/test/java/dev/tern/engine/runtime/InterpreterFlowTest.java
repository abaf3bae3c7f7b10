package dev.tern.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.TernException;
import dev.tern.engine.deployment.model.NodeKind;
import dev.tern.engine.deployment.model.ProcessModel;
import dev.tern.engine.deployment.model.ServiceImplementation;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@DatabaseTest
class InterpreterFlowTest {

  private final RuntimeTestKit kit;

  InterpreterFlowTest(TestDatabase db) {
    this.kit = new RuntimeTestKit(db);
  }

  @Test
  void startToEndCompletesInTheStartCallAndLeavesOnlyHistory() {
    String definition =
        kit.deploy(TestModels.process("straight").start("start").end("end").flow("f1", "start", "end").build());
    Instant started = kit.clock.instant();

    ProcessInstance instance =
        kit.runtime.startProcessInstanceById(definition, "order-1", Map.of("amount", 5));

    assertThat(instance.ended()).isTrue();
    assertThat(instance.businessKey()).isEqualTo("order-1");
    assertThat(instance.definitionId()).isEqualTo(definition);
    assertThat(kit.instanceExists(instance.id())).isFalse();
    assertThat(kit.variables(instance.id())).isEmpty();
    assertThat(kit.executions(instance.id())).isEmpty();
    Map<String, Object> history = kit.historicInstance(instance.id());
    assertThat(history.get("state")).isEqualTo("COMPLETED");
    assertThat(history.get("end_activity_id")).isEqualTo("end");
    assertThat(history.get("start_activity_id")).isEqualTo("start");
    assertThat(history.get("business_key")).isEqualTo("order-1");
    assertThat(((Number) history.get("duration_ms")).longValue()).isZero();
    assertThat(history.get("end_time")).isNotNull();
    assertThat(kit.historicActivityIds(instance.id())).containsExactlyInAnyOrder("start", "end");
    assertThat(kit.historicActivities(instance.id()))
        .allSatisfy(row -> assertThat(row.get("end_time")).isNotNull());
    assertThat(started).isEqualTo(kit.clock.instant());
  }

  @Test
  void userTaskWaitsUntilCompletedAndHistoryRecordsTheDuration() {
    String definition =
        kit.deploy(TestModels.line("approval", Map.of("approve", new NodeKind.UserTask(null))));

    ProcessInstance instance = kit.start(definition, Map.of("clerk", "ann"));

    assertThat(instance.ended()).isFalse();
    assertThat(kit.instanceExists(instance.id())).isTrue();
    assertThat(kit.executions(instance.id()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.activityId()).isEqualTo("approve");
              assertThat(e.state()).isEqualTo(ExecutionState.WAITING);
              assertThat(e.id()).isEqualTo(instance.id());
            });
    assertThat(kit.historicInstance(instance.id()).get("state")).isEqualTo("ACTIVE");

    kit.clock.advance(Duration.ofMinutes(3));
    kit.runtime.completeUserTask(instance.id(), "approve", Map.of("approved", true));

    assertThat(kit.instanceExists(instance.id())).isFalse();
    Map<String, Object> history = kit.historicInstance(instance.id());
    assertThat(history.get("state")).isEqualTo("COMPLETED");
    assertThat(((Number) history.get("duration_ms")).longValue()).isEqualTo(180_000L);
    assertThat(kit.historicActivities(instance.id()))
        .filteredOn(row -> row.get("activity_id").equals("approve"))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(((Number) row.get("duration_ms")).longValue()).isEqualTo(180_000L);
              assertThat(row.get("activity_type")).isEqualTo("userTask");
            });
  }

  @Test
  void completingAUserTaskThatDoesNotWaitIsNotFound() {
    String definition =
        kit.deploy(TestModels.line("approval2", Map.of("approve", new NodeKind.UserTask(null))));
    ProcessInstance instance = kit.start(definition);

    assertThatThrownBy(() -> kit.runtime.completeUserTask(instance.id(), "other"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("other");
    assertThatThrownBy(() -> kit.runtime.completeUserTask("no-such-instance", "approve"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no-such-instance");
    assertThat(kit.executions(instance.id())).hasSize(1);
  }

  @Test
  void startByKeyUsesTheLatestVersion() {
    kit.deploy(TestModels.line("versioned", Map.of("v1", new NodeKind.UserTask(null))));
    String second = kit.deploy(TestModels.line("versioned", Map.of("v2", new NodeKind.UserTask(null))));

    ProcessInstance instance =
        kit.runtime.startProcessInstanceByKey("versioned", null, "bk", Map.of());

    assertThat(instance.definitionId()).isEqualTo(second);
    assertThat(kit.executions(instance.id())).extracting(ExecutionRow::activityId).containsExactly("v2");
    assertThatThrownBy(() -> kit.runtime.startProcessInstanceByKey("unknown-key", null, null, Map.of()))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("unknown-key");
  }

  @Test
  void exclusiveGatewayTakesTheFirstTrueConditionInDocumentOrder() {
    String definition = kit.deploy(gatewayModel("xor", "fDefault"));

    ProcessInstance big = kit.start(definition, Map.of("amount", 500));
    ProcessInstance bigger = kit.start(definition, Map.of("amount", 5000));
    ProcessInstance small = kit.start(definition, Map.of("amount", 5));

    assertThat(waitingAt(big)).isEqualTo("large");
    assertThat(waitingAt(bigger)).isEqualTo("large"); // both conditions true: the first one wins
    assertThat(waitingAt(small)).isEqualTo("fallback");
  }

  @Test
  void exclusiveGatewayWithoutMatchingFlowOrDefaultFailsWithCamundasMessageAndKeepsNothing() {
    String definition = kit.deploy(gatewayModel("xor-nodefault", null));

    assertThatThrownBy(() -> kit.start(definition, Map.of("amount", 5)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessage(
            "ENGINE-02004 No outgoing sequence flow for the element with id 'gateway' could be"
                + " selected for continuing the process.");
    assertThat(kit.count("SELECT COUNT(*) FROM tern_process_instance WHERE proc_def_id = ?", definition))
        .isZero();
    assertThat(kit.count("SELECT COUNT(*) FROM tern_hi_process_instance WHERE proc_def_id = ?", definition))
        .isZero();
  }

  @Test
  void unknownVariableInAConditionIsAClientErrorNamingTheExpression() {
    String definition = kit.deploy(gatewayModel("xor-unknown", "fDefault"));

    assertThatThrownBy(() -> kit.start(definition))
        .isInstanceOf(ProcessEngineException.class)
        .satisfies(e -> assertThat(((TernException) e).category()).isEqualTo(TernException.Category.BAD_REQUEST))
        .hasMessage(
            "Unknown property used in expression: ${amount > 100}. Cause: Cannot resolve"
                + " identifier 'amount'");
  }

  @Test
  void nonBooleanConditionIsRefused() {
    ProcessModel model =
        TestModels.process("xor-string")
            .start("start")
            .node("gateway", new NodeKind.ExclusiveGateway(null))
            .node("a", new NodeKind.UserTask(null))
            .flow("f0", "start", "gateway")
            .flow("f1", "gateway", "a", "${'yes'}")
            .build();
    String definition = kit.deploy(model);

    assertThatThrownBy(() -> kit.start(definition))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("non-Boolean");
  }

  @Test
  void parallelGatewayForksAndTheJoinWaitsForEveryIncomingToken() {
    ProcessModel model =
        TestModels.process("parallel")
            .start("start")
            .node("fork", new NodeKind.ParallelGateway())
            .node("taskA", new NodeKind.UserTask(null))
            .node("taskB", new NodeKind.UserTask(null))
            .node("auto", expression("${execution.setVariable('auto', true)}"))
            .node("join", new NodeKind.ParallelGateway())
            .node("after", new NodeKind.UserTask(null))
            .end("end")
            .flow("f0", "start", "fork")
            .flow("f1", "fork", "taskA")
            .flow("f2", "fork", "taskB")
            .flow("f3", "fork", "auto")
            .flow("f4", "taskA", "join")
            .flow("f5", "taskB", "join")
            .flow("f6", "auto", "join")
            .flow("f7", "join", "after")
            .flow("f8", "after", "end")
            .build();
    String definition = kit.deploy(model);

    ProcessInstance instance = kit.start(definition);

    assertThat(kit.variable(instance.id(), "auto")).isEqualTo(true);
    assertThat(kit.executions(instance.id()))
        .extracting(e -> e.activityId() + "/" + e.state())
        .containsExactlyInAnyOrder("taskA/WAITING", "taskB/WAITING", "join/JOIN");

    kit.runtime.completeUserTask(instance.id(), "taskA");
    assertThat(kit.executions(instance.id()))
        .extracting(e -> e.activityId() + "/" + e.state())
        .containsExactlyInAnyOrder("taskB/WAITING", "join/JOIN", "join/JOIN");

    kit.runtime.completeUserTask(instance.id(), "taskB");
    assertThat(kit.executions(instance.id()))
        .extracting(e -> e.activityId() + "/" + e.state())
        .containsExactly("after/WAITING");

    kit.runtime.completeUserTask(instance.id(), "after");
    assertThat(kit.instanceExists(instance.id())).isFalse();
    assertThat(kit.historicInstance(instance.id()).get("state")).isEqualTo("COMPLETED");
  }

  @Test
  void serviceTaskExpressionWritesItsResultVariable() {
    Map<String, NodeKind> steps = new LinkedHashMap<>();
    steps.put(
        "compute",
        new NodeKind.ServiceTask(new ServiceImplementation.Expression("${amount * 2}", "doubled")));
    steps.put("wait", new NodeKind.UserTask(null));
    String definition = kit.deploy(TestModels.line("expr", steps));

    ProcessInstance instance = kit.start(definition, Map.of("amount", 21));

    assertThat(kit.variable(instance.id(), "doubled")).isEqualTo(42L);
  }

  private String waitingAt(ProcessInstance instance) {
    return kit.executions(instance.id()).get(0).activityId();
  }

  private static NodeKind expression(String expression) {
    return new NodeKind.ServiceTask(new ServiceImplementation.Expression(expression, null));
  }

  private static ProcessModel gatewayModel(String key, String defaultFlow) {
    TestModels models =
        TestModels.process(key)
            .start("start")
            .node("gateway", new NodeKind.ExclusiveGateway(defaultFlow))
            .node("large", new NodeKind.UserTask(null))
            .node("huge", new NodeKind.UserTask(null))
            .node("fallback", new NodeKind.UserTask(null))
            .flow("f0", "start", "gateway");
    if (defaultFlow != null) {
      models.flow(defaultFlow, "gateway", "fallback");
    }
    return models
        .flow("fLarge", "gateway", "large", "${amount > 100}")
        .flow("fHuge", "gateway", "huge", "${amount > 1000}")
        .build();
  }
}
