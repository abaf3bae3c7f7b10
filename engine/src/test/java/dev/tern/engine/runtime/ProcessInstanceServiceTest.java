package dev.tern.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.history.HistoricProcessInstance;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DatabaseTest
class ProcessInstanceServiceTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final Database database;
  private final MutableClock clock = MutableClock.startingAt(T0);
  private ProcessEngine engine;
  private ProcessInstanceService service;
  private InstanceFixture fixture;

  ProcessInstanceServiceTest(TestDatabase db) {
    this.database = db.database();
  }

  @BeforeEach
  void setUp() {
    fixture = new InstanceFixture(database);
    fixture.clear();
    engine =
        ProcessEngine.builder().database(database).clock(clock).startJobExecutor(false).build();
    service = engine.processInstances();
    fixture.definition("def:1", "def", "dep", null);
    fixture.instance("pi1", "def:1", "def", "bk", null, false, null, T0);
    fixture.instance("other", "def:1", "def", "bk2", null, false, null, T0);
    fixture.execution("pi1", "task");
    fixture.activity("pi1", "task", T0, null);
    fixture.job("pi1", 0, "boom");
    fixture.job("other", 3, null);
    fixture.incident("pi1", "failedJob", "boom", "task");
    service.setVariable("pi1", "x", TypedValue.fromJava(1));
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  private long count(String sql) {
    return database.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  @Test
  void getReturnsTheRunningInstanceAndUnknownIdsAreNotFound() {
    RuntimeProcessInstance instance = service.get("pi1");
    assertThat(instance.processDefinitionKey()).isEqualTo("def");
    assertThat(instance.businessKey()).isEqualTo("bk");
    assertThatThrownBy(() -> service.get("nope"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Process instance with id nope does not exist");
  }

  @Test
  void deleteRemovesRuntimeStateAndTerminatesHistory() {
    clock.advance(Duration.ofMinutes(5));

    service.delete("pi1", "no longer needed");

    assertThat(service.find("pi1")).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM tern_execution WHERE process_instance_id = 'pi1'")).isZero();
    assertThat(count("SELECT COUNT(*) FROM tern_variable WHERE process_instance_id = 'pi1'")).isZero();
    assertThat(count("SELECT COUNT(*) FROM tern_job WHERE process_instance_id = 'pi1'")).isZero();
    assertThat(count("SELECT COUNT(*) FROM tern_incident WHERE process_instance_id = 'pi1'")).isZero();
    assertThat(count("SELECT COUNT(*) FROM tern_job WHERE process_instance_id = 'other'")).isOne();
    assertThat(
            count(
                "SELECT COUNT(*) FROM tern_hi_incident WHERE process_instance_id = 'pi1'"
                    + " AND incident_state = 2 AND end_time IS NOT NULL"))
        .isOne();
    assertThat(
            count(
                "SELECT COUNT(*) FROM tern_hi_job_log WHERE process_instance_id = 'pi1'"
                    + " AND job_state = 3"))
        .isOne();
    assertThat(
            count(
                "SELECT COUNT(*) FROM tern_hi_activity_instance WHERE process_instance_id = 'pi1'"
                    + " AND canceled = TRUE AND end_time IS NOT NULL"))
        .isOne();
    HistoricProcessInstance history = engine.historicProcessInstances().get("pi1");
    assertThat(history.state()).isEqualTo("EXTERNALLY_TERMINATED");
    assertThat(history.deleteReason()).isEqualTo("no longer needed");
    assertThat(history.endTime()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(history.durationInMillis()).isEqualTo(300_000L);
    assertThatThrownBy(() -> service.delete("pi1", null)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void suspendAndActivateCarryTheJobsAndHistoryAlong() {
    service.suspend("pi1");

    assertThat(service.get("pi1").suspended()).isTrue();
    assertThat(count("SELECT COUNT(*) FROM tern_job WHERE process_instance_id = 'pi1' AND suspended = TRUE"))
        .isOne();
    assertThat(count("SELECT COUNT(*) FROM tern_job WHERE suspended = TRUE")).isOne();
    assertThat(engine.historicProcessInstances().get("pi1").state()).isEqualTo("SUSPENDED");

    service.activate("pi1");

    assertThat(service.get("pi1").suspended()).isFalse();
    assertThat(count("SELECT COUNT(*) FROM tern_job WHERE suspended = TRUE")).isZero();
    assertThat(engine.historicProcessInstances().get("pi1").state()).isEqualTo("ACTIVE");
    assertThatThrownBy(() -> service.suspend("nope")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void variablesAreSetThenDeletedInOneModification() {
    service.modifyVariables(
        "pi1",
        Map.of("y", TypedValue.fromJava("why"), "x", TypedValue.fromJava(2L)),
        List.of("y"));

    assertThat(service.variables("pi1")).containsExactly(Map.entry("x", TypedValue.fromJava(2L)));
    assertThat(service.variable("pi1", "x")).contains(TypedValue.fromJava(2L));
    assertThat(service.variable("pi1", "y")).isEmpty();
    service.removeVariable("pi1", "x");
    assertThat(service.variables("pi1")).isEmpty();
    assertThatThrownBy(() -> service.variables("nope")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> service.setVariable("nope", "a", TypedValue.nullValue()))
        .isInstanceOf(NotFoundException.class);
  }
}
