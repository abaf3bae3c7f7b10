package dev.tern.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The physical floor of "set retries on N failed jobs": on the server's own database, one {@code
 * DELETE} of their failedJob incidents and one {@code UPDATE} of their retries, timed, inside a
 * transaction that is then rolled back, so the run goes on from exactly the state it had. It runs
 * while every job has used up its retries, when the engine has nothing to do.
 */
public final class SqlFloor {

  /** Which engine's tables hold the jobs. */
  public enum Schema {
    CAMUNDA(
        "DELETE FROM ACT_RU_INCIDENT WHERE INCIDENT_TYPE_ = 'failedJob' AND CONFIGURATION_ IN"
            + " (SELECT ID_ FROM ACT_RU_JOB WHERE PROCESS_DEF_KEY_ = ? AND RETRIES_ = 0)",
        "UPDATE ACT_RU_JOB SET RETRIES_ = ?, REV_ = REV_ + 1"
            + " WHERE PROCESS_DEF_KEY_ = ? AND RETRIES_ = 0"),
    TERN(
        "DELETE FROM tern_incident WHERE incident_type = 'failedJob' AND configuration IN"
            + " (SELECT id FROM tern_job WHERE proc_def_key = ? AND retries = 0)",
        "UPDATE tern_job SET retries = ?, rev = rev + 1 WHERE proc_def_key = ? AND retries = 0");

    final String deleteIncidents;
    final String updateJobs;

    Schema(String deleteIncidents, String updateJobs) {
      this.deleteIncidents = deleteIncidents;
      this.updateJobs = updateJobs;
    }
  }

  /** Where the server's database is. */
  public record Target(String jdbcUrl, String user, String password, Schema schema) {}

  /** One rolled-back attempt; {@link #elapsed()} is both statements together. */
  public record Measurement(
      int incidentsDeleted, int jobsUpdated, Duration deleteElapsed, Duration updateElapsed) {

    public Duration elapsed() {
      return deleteElapsed.plus(updateElapsed);
    }
  }

  private SqlFloor() {}

  /** Measures {@code repeats} times (the first warms caches); each attempt is rolled back. */
  public static List<Measurement> measure(Target target, String processKey, int retries, int repeats) {
    List<Measurement> measurements = new ArrayList<>();
    try (Connection connection =
        DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password())) {
      connection.setAutoCommit(false);
      for (int i = 0; i < repeats; i++) {
        measurements.add(measureOnce(connection, target.schema(), processKey, retries));
      }
    } catch (SQLException e) {
      throw new BenchFailure("SQL floor on " + target.jdbcUrl() + " failed: " + e.getMessage(), e);
    }
    return measurements;
  }

  /** The median elapsed time of these measurements. */
  public static Duration median(List<Measurement> measurements) {
    List<Duration> sorted =
        measurements.stream().map(Measurement::elapsed).sorted(Comparator.naturalOrder()).toList();
    return sorted.get(sorted.size() / 2);
  }

  private static Measurement measureOnce(
      Connection connection, Schema schema, String processKey, int retries) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(schema.deleteIncidents);
        PreparedStatement update = connection.prepareStatement(schema.updateJobs)) {
      delete.setString(1, processKey);
      update.setInt(1, retries);
      update.setString(2, processKey);
      long started = System.nanoTime();
      int incidents = delete.executeUpdate();
      long deleted = System.nanoTime();
      int jobs = update.executeUpdate();
      long updated = System.nanoTime();
      return new Measurement(
          incidents, jobs, Duration.ofNanos(deleted - started), Duration.ofNanos(updated - deleted));
    } finally {
      connection.rollback();
    }
  }
}
