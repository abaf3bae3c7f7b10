package dev.tern.engine.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MigrationScript;
import dev.tern.engine.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * V42_2 deletes the history rows the cleanup before V42_1 could strand (expired, their instance's
 * historic row gone), which the cleanup through the instance would never reach; it keeps every
 * other row. The migration's statements run again here on rows written for the purpose.
 */
@DatabaseTest
class StrandedHistoryMigrationTest {

  private static final String MIGRATION =
      "/db/migration/V42_2__history_rows_stranded_by_the_old_cleanup.sql";

  private final TestDatabase db;

  StrandedHistoryMigrationTest(TestDatabase db) {
    this.db = db;
  }

  @Test
  void deletesExpiredRowsWhoseInstanceRowIsGoneAndKeepsTheRest() {
    Instant expired = Instant.parse("2026-01-01T00:00:00Z");
    historicInstance("kept-instance", expired);
    jobLog("stranded", "gone-instance", expired);
    jobLog("of-a-kept-instance", "kept-instance", expired);
    jobLog("without-removal-time", "gone-instance", null);
    jobLog("without-instance", null, expired);
    activity("stranded-activity", "gone-instance", expired);
    activity("activity-of-a-kept-instance", "kept-instance", expired);

    runMigration();

    assertThat(ids("tern_hi_job_log"))
        .containsExactlyInAnyOrder("of-a-kept-instance", "without-removal-time", "without-instance");
    assertThat(ids("tern_hi_activity_instance")).containsExactly("activity-of-a-kept-instance");
  }

  private void runMigration() {
    List<String> statements = MigrationScript.statements(MIGRATION);
    assertThat(statements).hasSize(6);
    MigrationScript.run(db.database(), statements);
  }

  private void historicInstance(String id, Instant removalTime) {
    db.database()
        .useTransaction(
            h ->
                h.createUpdate(
                        "INSERT INTO tern_hi_process_instance (id, proc_def_id, proc_def_key,"
                            + " start_time, removal_time, state) VALUES (:id, 'def', 'key', :t, :t,"
                            + " 'COMPLETED')")
                    .bind("id", id)
                    .bind("t", removalTime)
                    .execute());
  }

  private void jobLog(String id, String instanceId, Instant removalTime) {
    db.database()
        .useTransaction(
            h ->
                h.createUpdate(
                        "INSERT INTO tern_hi_job_log (id, log_time, job_state, job_id,"
                            + " process_instance_id, removal_time) VALUES (:id, :now, 0, 'job',"
                            + " :pi, :removal)")
                    .bind("id", id)
                    .bind("now", Instant.parse("2025-12-01T00:00:00Z"))
                    .bind("pi", instanceId)
                    .bind("removal", removalTime)
                    .execute());
  }

  private void activity(String id, String instanceId, Instant removalTime) {
    db.database()
        .useTransaction(
            h ->
                h.createUpdate(
                        "INSERT INTO tern_hi_activity_instance (id, process_instance_id,"
                            + " activity_id, start_time, removal_time) VALUES (:id, :pi, 'task',"
                            + " :now, :removal)")
                    .bind("id", id)
                    .bind("now", Instant.parse("2025-12-01T00:00:00Z"))
                    .bind("pi", instanceId)
                    .bind("removal", removalTime)
                    .execute());
  }

  private List<Object> ids(String table) {
    return db.rows("SELECT id FROM " + table).stream().map((Map<String, Object> r) -> r.get("id")).toList();
  }
}
