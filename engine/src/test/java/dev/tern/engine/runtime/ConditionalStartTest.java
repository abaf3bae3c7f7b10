package dev.tern.engine.runtime;

import static dev.tern.engine.runtime.ScopeEngine.flow;
import static dev.tern.engine.runtime.ScopeEngine.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.TernException;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.deployment.NewDeployment;
import dev.tern.engine.runtime.ConditionEvaluationService.ConditionEvaluation;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Conditional start events of a process and Camunda's condition evaluation, as the Camunda 7.24
 * reference answers {@code POST /condition}: the latest definition's start event has a {@code
 * conditional} event subscription; an evaluation starts an instance (with the variables and business
 * key) wherever the condition holds with the given variables, a condition naming a variable not
 * given does not hold, and with no conditional start event at all the evaluation fails with
 * ENGINE-13043.
 */
@DatabaseTest
class ConditionalStartTest {

  private final ScopeEngine kit;

  ConditionalStartTest(TestDatabase db) {
    this.kit = new ScopeEngine(db);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  private static String hotProcess(String key) {
    return process(
        key,
        "<startEvent id=\"hot\"><conditionalEventDefinition><condition>${temp > 10}</condition>"
            + "</conditionalEventDefinition></startEvent>"
            + flow("f1", "hot", "cool")
            + "<userTask id=\"cool\"/>");
  }

  private List<ProcessInstance> evaluate(Map<String, ?> variables, String businessKey) {
    return evaluate(new ConditionEvaluation(variables, businessKey, null, false, null));
  }

  private List<ProcessInstance> evaluate(ConditionEvaluation evaluation) {
    return kit.engine.conditionEvaluationService().evaluate(Caller.SYSTEM, evaluation);
  }

  @Test
  void anInstanceStartsWhereTheConditionHoldsWithTheVariablesAndBusinessKey() {
    kit.deploy(hotProcess("p"));
    assertThat(kit.rows("SELECT event_type, event_name, activity_id, process_instance_id FROM tern_event_subscription"))
        .singleElement()
        .satisfies(row -> {
          assertThat(row.get("event_type")).isEqualTo("conditional");
          assertThat(row.get("event_name")).isNull();
          assertThat(row.get("activity_id")).isEqualTo("hot");
          assertThat(row.get("process_instance_id")).isNull();
        });

    assertThat(evaluate(Map.of("temp", 5), null)).isEmpty();
    assertThat(evaluate(Map.of("other", 20), null)).isEmpty();
    List<ProcessInstance> started = evaluate(Map.of("temp", 20), "bk");

    assertThat(started).singleElement().satisfies(instance -> {
      assertThat(instance.businessKey()).isEqualTo("bk");
      assertThat(instance.definitionKey()).isEqualTo("p");
      assertThat(kit.activeActivities(instance.id())).containsExactly("cool");
      assertThat(kit.variable(instance.id(), "temp")).isEqualTo(20);
      assertThat(kit.historyOf(instance.id(), "hot").get("activity_type")).isEqualTo("conditionalStartEvent");
    });
  }

  @Test
  void theDefinitionAndTenantFiltersChooseTheStartEvents() {
    kit.deploy(hotProcess("p"));
    kit.engine
        .deploymentService()
        .deploy(
            NewDeployment.of(
                    Map.of(
                        "q.bpmn",
                        ScopeEngine.definitions(hotProcess("q")).getBytes(StandardCharsets.UTF_8)))
                .withTenantId("t1"));
    String definitionOfP =
        (String) kit.rows("SELECT id FROM tern_process_definition WHERE proc_key = 'p'").get(0).get("id");
    Map<String, Integer> hot = Map.of("temp", 20);

    assertThat(evaluate(hot, null)).hasSize(2);
    assertThat(evaluate(new ConditionEvaluation(hot, null, "t1", false, null)))
        .extracting(ProcessInstance::tenantId)
        .containsExactly("t1");
    assertThat(evaluate(new ConditionEvaluation(hot, null, null, true, null)))
        .extracting(ProcessInstance::definitionId)
        .containsExactly(definitionOfP);
    assertThat(evaluate(new ConditionEvaluation(hot, null, null, false, definitionOfP)))
        .extracting(ProcessInstance::definitionId)
        .containsExactly(definitionOfP);
  }

  @Test
  void mistakesAreRefusedAndStartNothing() {
    assertThatThrownBy(() -> evaluate(Map.of("temp", 20), null))
        .isInstanceOf(TernException.class)
        .hasMessage("ENGINE-13043 No subscriptions were found during evaluation of the conditional start events.");
    kit.deploy(hotProcess("p"));
    assertThatThrownBy(() -> evaluate(new ConditionEvaluation(Map.of("temp", 20), null, "t1", true, null)))
        .hasMessage("Parameter 'tenantId' cannot be used together with parameter 'withoutTenantId'.");
    assertThatThrownBy(() -> evaluate(new ConditionEvaluation(Map.of("temp", 20), null, null, false, "nope")))
        .hasMessage("no deployed process definition found with id 'nope': processDefinition is null");
    assertThatThrownBy(() -> evaluate(Map.of("temp", "abc"), null))
        .isInstanceOf(TernException.class)
        .hasMessageContaining("conditional start event 'hot'");

    assertThat(kit.rows("SELECT id FROM tern_execution")).isEmpty();
  }
}
