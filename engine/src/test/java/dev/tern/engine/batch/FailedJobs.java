package dev.tern.engine.batch;

import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.Dialect;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Test data made with set-based SQL: process instances, each with one job whose retries are used up
 * and an open {@code failedJob} incident (runtime and history), as the job executor leaves them.
 * Ids are {@code <prefix>pi-<n>}, {@code <prefix>job-<n>}, {@code <prefix>inc-<n>} for n = 1..count.
 */
public final class FailedJobs {

  private FailedJobs() {}

  public static void create(Database database, String prefix, int count, Instant time) {
    create(database, prefix, count, time, time);
  }

  /** As {@link #create(Database, String, int, Instant)}, with the jobs' due date. */
  public static void create(
      Database database, String prefix, int count, Instant time, Instant dueDate) {
    String range =
        database.dialect() == Dialect.H2
            ? "SELECT X AS n FROM SYSTEM_RANGE(1, :count)"
            : "SELECT n FROM generate_series(1, :count) AS g(n)";
    String num = "CAST(r.n AS VARCHAR(12))";
    OffsetDateTime at = OffsetDateTime.ofInstant(time, ZoneOffset.UTC);
    OffsetDateTime due = OffsetDateTime.ofInstant(dueDate, ZoneOffset.UTC);
    List<String> statements =
        List.of(
            "INSERT INTO tern_process_instance (id, proc_def_id, proc_def_key, start_time,"
                + " root_process_instance_id) SELECT :prefix || 'pi-' || "
                + num
                + ", 'orderSync:1', 'orderSync', :at, :prefix || 'pi-' || "
                + num
                + " FROM ("
                + range
                + ") r",
            "INSERT INTO tern_job (id, job_kind, handler_type, handler_config, job_definition_id,"
                + " process_instance_id, execution_id, proc_def_id, proc_def_key, activity_id,"
                + " retries, due_date, create_time, exception_message, failed_activity_id)"
                + " SELECT :prefix || 'job-' || "
                + num
                + ", 'message', 'async-continuation', 'async-before', 'jobdef-sendOrder',"
                + " :prefix || 'pi-' || "
                + num
                + ", :prefix || 'pi-' || "
                + num
                + ", 'orderSync:1', 'orderSync', 'sendOrder', 0, :due, :at, 'stub down',"
                + " 'sendOrder' FROM ("
                + range
                + ") r",
            "INSERT INTO tern_incident (id, incident_type, incident_message, incident_timestamp,"
                + " process_instance_id, execution_id, proc_def_id, proc_def_key, activity_id,"
                + " failed_activity_id, root_cause_incident_id, configuration, job_definition_id)"
                + " SELECT :prefix || 'inc-' || "
                + num
                + ", 'failedJob', 'stub down', :at, :prefix || 'pi-' || "
                + num
                + ", :prefix || 'pi-' || "
                + num
                + ", 'orderSync:1', 'orderSync', 'sendOrder', 'sendOrder', :prefix || 'inc-' || "
                + num
                + ", :prefix || 'job-' || "
                + num
                + ", 'jobdef-sendOrder' FROM ("
                + range
                + ") r",
            "INSERT INTO tern_hi_incident (id, incident_type, incident_message, create_time,"
                + " incident_state, process_instance_id, configuration, job_definition_id,"
                + " activity_id) SELECT id, incident_type, incident_message, incident_timestamp, 0,"
                + " process_instance_id, configuration, job_definition_id, activity_id"
                + " FROM tern_incident WHERE id LIKE :prefixLike");
    database.useTransaction(
        handle -> {
          for (String sql : statements) {
            handle
                .createUpdate(sql)
                .bind("prefix", prefix)
                .bind("prefixLike", prefix + "inc-%")
                .bind("count", count)
                .bind("at", at)
                .bind("due", due)
                .execute();
          }
        });
  }
}
