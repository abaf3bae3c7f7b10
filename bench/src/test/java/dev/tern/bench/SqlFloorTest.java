package dev.tern.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.persistence.DatabaseConfig;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

@DatabaseTest
class SqlFloorTest {

  private static final int FAILED_JOBS = 50;

  private final TestDatabase db;

  SqlFloorTest(TestDatabase db) {
    this.db = db;
  }

  @Test
  void updatesEveryFailedJobOfTheKeyAndDeletesItsIncidentThenRollsBack() {
    db.database().useTransaction(h -> insertTernFailedJobs(h, "benchKey", FAILED_JOBS));
    db.database().useTransaction(h -> insertTernFailedJobs(h, "otherKey", 3));

    List<SqlFloor.Measurement> measurements =
        SqlFloor.measure(target(SqlFloor.Schema.TERN), "benchKey", 1, 2);

    // the second attempt sees the same rows again: the first one was rolled back
    assertThat(measurements)
        .hasSize(2)
        .allSatisfy(
            m -> {
              assertThat(m.jobsUpdated()).isEqualTo(FAILED_JOBS);
              assertThat(m.incidentsDeleted()).isEqualTo(FAILED_JOBS);
              assertThat(m.elapsed()).isPositive();
            });
    assertThat(count("SELECT COUNT(*) FROM tern_job WHERE retries = 0")).isEqualTo(FAILED_JOBS + 3);
    assertThat(count("SELECT COUNT(*) FROM tern_incident")).isEqualTo(FAILED_JOBS + 3);
  }

  @Test
  void camundaStatementsRunOnCamundasTableShape() {
    db.database()
        .useTransaction(
            h -> {
              // the columns of Camunda 7.24's ACT_RU_JOB / ACT_RU_INCIDENT that the floor touches
              h.execute(
                  "CREATE TABLE ACT_RU_JOB (ID_ VARCHAR(64) PRIMARY KEY, REV_ INTEGER,"
                      + " PROCESS_DEF_KEY_ VARCHAR(255), RETRIES_ INTEGER)");
              h.execute(
                  "CREATE TABLE ACT_RU_INCIDENT (ID_ VARCHAR(64) PRIMARY KEY,"
                      + " INCIDENT_TYPE_ VARCHAR(255), CONFIGURATION_ VARCHAR(255))");
              for (int i = 0; i < 20; i++) {
                h.execute("INSERT INTO ACT_RU_JOB VALUES (?, 1, 'benchKey', ?)", "j" + i, i < 15 ? 0 : 2);
                h.execute("INSERT INTO ACT_RU_INCIDENT VALUES (?, 'failedJob', ?)", "i" + i, "j" + i);
              }
            });

    SqlFloor.Measurement measurement =
        SqlFloor.measure(target(SqlFloor.Schema.CAMUNDA), "benchKey", 1, 1).get(0);

    assertThat(measurement.jobsUpdated()).isEqualTo(15);
    assertThat(measurement.incidentsDeleted()).isEqualTo(15);
    assertThat(count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ = 0")).isEqualTo(15);
  }

  private SqlFloor.Target target(SqlFloor.Schema schema) {
    DatabaseConfig config = db.config();
    return new SqlFloor.Target(config.jdbcUrl(), config.user(), config.password(), schema);
  }

  private long count(String sql) {
    return db.database().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  private static void insertTernFailedJobs(Handle h, String processKey, int count) {
    for (int i = 0; i < count; i++) {
      String jobId = processKey + "-job-" + i;
      h.execute(
          "INSERT INTO tern_job (id, job_kind, handler_type, proc_def_key, retries, create_time)"
              + " VALUES (?, 'message', 'async-continuation', ?, 0, CURRENT_TIMESTAMP)",
          jobId,
          processKey);
      h.execute(
          "INSERT INTO tern_incident (id, incident_type, incident_timestamp, proc_def_key, configuration)"
              + " VALUES (?, 'failedJob', CURRENT_TIMESTAMP, ?, ?)",
          processKey + "-incident-" + i,
          processKey,
          jobId);
    }
  }
}
