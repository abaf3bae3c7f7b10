package dev.tern.engine.batch;

import dev.tern.engine.job.Job;
import dev.tern.engine.job.JobHandler;
import dev.tern.engine.persistence.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs due batch jobs one at a time, each in its own transaction, as the job executor does: the
 * handler's work and the job's deletion commit together; a failure rolls back and costs a retry.
 * A stand-in until the job executor's synchronous test driver is available.
 */
final class BatchJobDriver {

  private final Database database;
  private final Clock clock;
  private final Map<String, JobHandler> handlers;

  BatchJobDriver(Database database, Clock clock, List<JobHandler> handlers) {
    this.database = database;
    this.clock = clock;
    this.handlers =
        handlers.stream().collect(Collectors.toMap(JobHandler::type, Function.identity()));
  }

  /** Runs the next due job of the given type; false if there is none. */
  boolean runNext(String handlerType) {
    Optional<Job> next = nextDue(handlerType);
    next.ifPresent(this::run);
    return next.isPresent();
  }

  /** Runs due batch jobs (of any batch type) until none is left; returns how many ran. */
  int runAll() {
    int ran = 0;
    while (true) {
      Optional<Job> next = nextDue(null);
      if (next.isEmpty()) {
        return ran;
      }
      run(next.get());
      ran++;
    }
  }

  private void run(Job job) {
    JobHandler handler = handlers.get(job.handlerType());
    try {
      database.useTransaction(
          handle -> {
            handler.execute(job, handle);
            handle.execute("DELETE FROM tern_job WHERE id = ?", job.id());
          });
    } catch (RuntimeException e) {
      database.useTransaction(
          handle ->
              handle.execute(
                  "UPDATE tern_job SET retries = retries - 1, exception_message = ? WHERE id = ?",
                  String.valueOf(e.getMessage()),
                  job.id()));
    }
  }

  private Optional<Job> nextDue(String handlerType) {
    Instant now = clock.instant();
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT id, handler_type, handler_config, batch_id, retries FROM tern_job"
                        + " WHERE handler_type IN (<types>) AND retries > 0 AND suspended = FALSE"
                        + " AND (due_date IS NULL OR due_date <= :now)"
                        + " ORDER BY create_time, id FETCH FIRST 1 ROWS ONLY")
                .bindList(
                    "types", handlerType == null ? List.copyOf(handlers.keySet()) : List.of(handlerType))
                .bind("now", now)
                .map(
                    (rs, ctx) ->
                        Job.builder()
                            .id(rs.getString("id"))
                            .handlerType(rs.getString("handler_type"))
                            .handlerConfig(rs.getString("handler_config"))
                            .retries(rs.getInt("retries"))
                            .batchId(rs.getString("batch_id"))
                            .build())
                .findOne());
  }
}
