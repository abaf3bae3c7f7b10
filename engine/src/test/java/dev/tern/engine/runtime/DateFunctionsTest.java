package dev.tern.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** Camunda's {@code now()} and {@code dateTime()} in expressions read the engine's clock. */
@DatabaseTest
class DateFunctionsTest {

  private final RuntimeTestKit kit;

  DateFunctionsTest(TestDatabase db) {
    this.kit = new RuntimeTestKit(db);
    kit.clock.set(Instant.parse("2026-01-31T10:15:30.123Z"));
  }

  private static BpmnModelInstance resultOf(String expression) {
    return Bpmn.createExecutableProcess("dates")
        .startEvent()
        .serviceTask("compute")
        .camundaExpression(expression)
        .camundaResultVariable("result")
        .userTask("wait")
        .endEvent()
        .done();
  }

  private Object result(String expression) {
    ProcessInstance instance = kit.start(kit.deploy(resultOf(expression)));
    return kit.variable(instance.id(), "result");
  }

  @Test
  void nowIsTheClocksInstantAsADate() {
    assertThat(result("${now()}")).isEqualTo(Instant.parse("2026-01-31T10:15:30.123Z"));
  }

  @Test
  void dateTimeArithmeticFollowsJodaAndEndsAsADate() {
    assertThat(result("${dateTime().plusDays(7).toDate()}"))
        .isEqualTo(Instant.parse("2026-02-07T10:15:30.123Z"));
    assertThat(result("${dateTime().plusMonths(1).toDate()}"))
        .as("the day is clamped to the end of February")
        .isEqualTo(Instant.parse("2026-02-28T10:15:30.123Z"));
    assertThat(result("${dateTime().minusWeeks(1).plusHours(2).minusMinutes(15).toDate()}"))
        .isEqualTo(Instant.parse("2026-01-24T12:00:30.123Z"));
    assertThat(result("${dateTime().withTimeAtStartOfDay().plusYears(1).toDate()}"))
        .isEqualTo(Instant.parse("2027-01-31T00:00:00Z"));
  }

  @Test
  void dateTimePrintsAsIsoWithMillisecondsAndOffsetAndReadsItsFields() {
    assertThat(result("${dateTime().toString()}")).isEqualTo("2026-01-31T10:15:30.123Z");
    assertThat(result("${dateTime().plusSeconds(30).toString('yyyy-MM-dd HH:mm')}"))
        .isEqualTo("2026-01-31 10:16");
    assertThat(result("${dateTime().dayOfWeek}")).as("Saturday, counted from Monday").isEqualTo(6);
    assertThat(result("${dateTime().monthOfYear * 100 + dateTime().dayOfMonth}")).isEqualTo(131L);
    assertThat(result("${dateTime().plusMillis(1).isAfter(now()) and dateTime().isEqual(now())}"))
        .isEqualTo(true);
  }

  @Test
  void aTimerDueDateCanBeComputedWithDateTime() {
    ProcessInstance instance =
        kit.start(
            kit.deploy(
                Bpmn.createExecutableProcess("timer")
                    .startEvent()
                    .intermediateCatchEvent("wait")
                    .timerWithDate("${dateTime().plusDays(2).toDate()}")
                    .endEvent()
                    .done()));

    assertThat(kit.onlyJob(instance.id()).dueDate())
        .isEqualTo(kit.clock.instant().plus(Duration.ofDays(2)));
  }

  @Test
  void aVariableOfTheSameNameWinsAndArgumentsAreRefused() {
    ProcessInstance shadowed =
        kit.start(kit.deploy(resultOf("${dateTime}")), Map.of("dateTime", "mine"));
    assertThat(kit.variable(shadowed.id(), "result")).isEqualTo("mine");

    String definition = kit.deploy(resultOf("${now(1)}"));
    assertThatThrownBy(() -> kit.start(definition))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("takes no arguments");
  }
}
