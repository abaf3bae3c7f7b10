package dev.tern.rest.batch;

import dev.tern.engine.persistence.Database;
import java.time.Instant;
import java.util.List;

/** Database helpers for the batch REST tests. */
final class BatchRestFixtures {

  private BatchRestFixtures() {}

  /** Empties the tables batches touch, so each test of a class run starts alike. */
  static void clear(Database database) {
    database.useTransaction(
        h -> {
          for (String table :
              List.of(
                  "tern_job", "tern_job_definition", "tern_batch", "tern_batch_chunk",
                  "tern_hi_batch", "tern_incident", "tern_hi_incident", "tern_process_instance",
                  "tern_hi_process_instance", "tern_hi_op_log", "tern_hi_job_log")) {
            h.execute("DELETE FROM " + table);
          }
        });
  }

  /** A count query; {@code :p} (if used) is bound to {@code prefix%}. */
  static long count(Database database, String sql, String prefix) {
    return database.withHandle(
        h -> {
          var query = h.createQuery(sql);
          if (sql.contains(":p")) {
            query.bind("p", prefix + "%");
          }
          return query.mapTo(Long.class).one();
        });
  }

  static Instant dueDate(Database database, String jobId) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT due_date FROM tern_job WHERE id = :id")
                .bind("id", jobId)
                .mapTo(Instant.class)
                .one());
  }
}
