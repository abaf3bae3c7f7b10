package dev.tern.engine.runtime;

import static dev.tern.engine.runtime.ScopeEngine.flow;
import static dev.tern.engine.runtime.ScopeEngine.process;
import static dev.tern.engine.runtime.ScopeEngine.subProcess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Non-interrupting timer boundary events ({@code cancelActivity="false"}) as Camunda 7.24 runs
 * them: each firing sends a new token along the boundary event's flow while the activity keeps
 * waiting; a cycle fires again until its repetitions are used up or the activity ends.
 */
@DatabaseTest
class NonInterruptingTimerTest {

  private final ScopeEngine kit;

  NonInterruptingTimerTest(TestDatabase db) {
    this.kit = new ScopeEngine(db);
  }

  @AfterEach
  void close() {
    kit.close();
  }

  private static String reminder(String attachedTo, String timer) {
    return "<boundaryEvent id=\"remind\" attachedToRef=\"" + attachedTo + "\" cancelActivity=\"false\">"
        + "<timerEventDefinition>" + timer + "</timerEventDefinition></boundaryEvent>"
        + flow("r1", "remind", "nudge")
        + "<userTask id=\"nudge\"/>";
  }

  private List<Map<String, Object>> timers(String pi) {
    return kit.rows(
        "SELECT id, due_date, execution_id FROM tern_job WHERE process_instance_id = ? ORDER BY due_date",
        pi);
  }

  private static Instant instant(Object value) {
    return value instanceof java.time.OffsetDateTime odt
        ? odt.toInstant()
        : ((java.sql.Timestamp) value).toInstant();
  }

  private int fireDue() {
    return kit.engine.jobExecutor().executeDueJobs();
  }

  @Test
  void aDurationFiresOnceAndTheTaskKeepsWaiting() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>" + flow("f1", "start", "review") + "<userTask id=\"review\"/>"
                + flow("f2", "review", "end") + "<endEvent id=\"end\"/>"
                + reminder("review", "<timeDuration>PT1H</timeDuration>")));
    String pi = kit.start("p");
    assertThat(timers(pi)).hasSize(1);

    kit.clock.advance(Duration.ofHours(2));
    fireDue();

    assertThat(kit.activeActivities(pi)).containsExactlyInAnyOrder("review", "nudge");
    assertThat(timers(pi)).isEmpty();
    assertThat(kit.historyOf(pi, "review").get("end_time")).isNull();
    assertThat(kit.historyOf(pi, "remind").get("activity_type")).isEqualTo("boundaryTimer");

    kit.complete(pi, "review");
    assertThat(kit.activeActivities(pi)).containsExactly("nudge");
    kit.complete(pi, "nudge");
    assertThat(kit.instanceExists(pi)).isFalse();
  }

  @Test
  void aCycleFiresItsRepetitionsOneAfterAnother() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>" + flow("f1", "start", "review") + "<userTask id=\"review\"/>"
                + reminder("review", "<timeCycle>R2/PT1H</timeCycle>")));
    Instant started = kit.clock.instant();
    String pi = kit.start("p");

    kit.clock.advance(Duration.ofMinutes(61));
    fireDue();
    assertThat(kit.activeActivities(pi)).containsExactlyInAnyOrder("review", "nudge");
    List<Map<String, Object>> next = timers(pi);
    assertThat(next).hasSize(1);
    assertThat(instant(next.get(0).get("due_date")))
        .isEqualTo(started.plus(Duration.ofHours(2)));

    kit.clock.advance(Duration.ofHours(1));
    fireDue();
    assertThat(kit.tasks(pi)).extracting(t -> t.taskDefinitionKey())
        .containsExactlyInAnyOrder("review", "nudge", "nudge");
    assertThat(timers(pi)).as("R2 fired twice: no third firing").isEmpty();
  }

  @Test
  void anEndlessCycleOnASubProcessStopsWhenTheSubProcessCompletes() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>" + flow("f1", "start", "sub")
                + subProcess("sub", flow("s1", "sub_start", "work") + "<userTask id=\"work\"/>")
                + flow("f2", "sub", "done") + "<userTask id=\"done\"/>"
                + reminder("sub", "<timeCycle>R/PT1H</timeCycle>")));
    String pi = kit.start("p");

    for (int i = 0; i < 3; i++) {
      kit.clock.advance(Duration.ofHours(1));
      fireDue();
    }
    assertThat(kit.taskCount(pi)).isEqualTo(4);
    assertThat(timers(pi)).hasSize(1);

    kit.complete(pi, "work");

    assertThat(timers(pi)).isEmpty();
    assertThat(kit.tasks(pi)).extracting(t -> t.taskDefinitionKey())
        .containsExactlyInAnyOrder("done", "nudge", "nudge", "nudge");
  }

  @Test
  void anInterruptingCycleFiresOnceAndCancelsTheTask() {
    kit.deploy(
        process(
            "p",
            "<startEvent id=\"start\"/>" + flow("f1", "start", "review") + "<userTask id=\"review\"/>"
                + "<boundaryEvent id=\"late\" attachedToRef=\"review\"><timerEventDefinition>"
                + "<timeCycle>R3/PT1H</timeCycle></timerEventDefinition></boundaryEvent>"
                + flow("l1", "late", "escalated") + "<userTask id=\"escalated\"/>"));
    String pi = kit.start("p");

    kit.clock.advance(Duration.ofHours(1));
    fireDue();

    assertThat(kit.activeActivities(pi)).containsExactly("escalated");
    assertThat(timers(pi)).isEmpty();
  }
}
