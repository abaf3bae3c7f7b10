package dev.tern.engine.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Open incidents grouped by type, definition key, activity and message, in one statement. */
@DatabaseTest
class IncidentGroupsTest {

  private static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");

  private final TestDatabase db;
  private ProcessEngine engine;

  IncidentGroupsTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void arrange() {
    db.database()
        .useTransaction(
            h -> {
              h.execute("DELETE FROM tern_incident");
              insert(h, "i1", "failedJob", "orderSync", "send", "503 from orders", 5);
              insert(h, "i2", "failedJob", "orderSync", "send", "503 from orders", 1);
              insert(h, "i3", "failedJob", "orderSync", "send", "503 from orders", 9);
              insert(h, "i4", "failedJob", "orderSync", "send", "timeout", 2);
              insert(h, "i5", "failedJob", "invoice", "charge", null, 3);
              insert(h, "i6", "failedExternalTask", "orderSync", "send", "503 from orders", 4);
            });
    engine = ProcessEngine.builder().database(db.database()).startJobExecutor(false).build();
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void groupsCountAndSpanTheIncidentsThatShareTypeDefinitionActivityAndMessageLargestFirst() {
    List<IncidentGroup> groups =
        engine.incidentService().groupIncidents(Caller.SYSTEM, new IncidentQuery(), 10);

    assertThat(groups)
        .containsExactly(
            new IncidentGroup(
                "failedJob", "orderSync", "send", "503 from orders", 3, at(1), at(9)),
            new IncidentGroup("failedJob", "invoice", "charge", null, 1, at(3), at(3)),
            new IncidentGroup("failedExternalTask", "orderSync", "send", "503 from orders", 1,
                at(4), at(4)),
            new IncidentGroup("failedJob", "orderSync", "send", "timeout", 1, at(2), at(2)));
  }

  @Test
  void groupsOnlyTheIncidentsTheQuerySelectsAndAtMostMaxGroups() {
    List<IncidentGroup> external =
        engine
            .incidentService()
            .groupIncidents(
                Caller.SYSTEM, new IncidentQuery().set("incidentType", "failedExternalTask"), 10);
    assertThat(external).extracting(IncidentGroup::count).containsExactly(1L);

    assertThat(engine.incidentService().groupIncidents(Caller.SYSTEM, new IncidentQuery(), 1))
        .extracting(IncidentGroup::count)
        .containsExactly(3L);
  }

  @Test
  void aCallerSeesOnlyTheGroupsOfIncidentsItMayRead() {
    Caller stranger = Caller.user("stranger", List.of(), List.of());

    assertThat(engine.incidentService().groupIncidents(stranger, new IncidentQuery(), 10))
        .isEmpty();
  }

  private static Instant at(int minutes) {
    return T0.plusSeconds(60L * minutes);
  }

  private static void insert(
      org.jdbi.v3.core.Handle h,
      String id,
      String type,
      String key,
      String activity,
      String message,
      int minutes) {
    h.execute(
        "INSERT INTO tern_incident (id, incident_type, incident_message, incident_timestamp,"
            + " process_instance_id, execution_id, proc_def_id, proc_def_key, activity_id,"
            + " failed_activity_id, cause_incident_id, root_cause_incident_id, configuration)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        type,
        message,
        OffsetDateTime.ofInstant(at(minutes), ZoneOffset.UTC),
        "pi-" + id,
        "ex-" + id,
        key + ":1:x",
        key,
        activity,
        activity,
        id,
        id,
        "job-" + id);
  }
}
