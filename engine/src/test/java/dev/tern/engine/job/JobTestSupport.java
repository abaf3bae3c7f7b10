package dev.tern.engine.job;

import dev.tern.engine.EngineInternals;
import dev.tern.engine.EngineSettings;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;

/** Arranges jobs, process instance rows and engines for job tests. */
final class JobTestSupport {

  static final String TYPE = "test-handler";

  private JobTestSupport() {}

  static void clean(TestDatabase db) {
    db.database()
        .useTransaction(
            h -> {
              for (String table :
                  List.of(
                      "tern_job",
                      "tern_job_definition",
                      "tern_incident",
                      "tern_hi_incident",
                      "tern_hi_job_log",
                      "tern_execution",
                      "tern_process_instance")) {
                h.execute("DELETE FROM " + table);
              }
            });
  }

  static ProcessEngine.Builder engine(TestDatabase db, Clock clock, JobHandler... handlers) {
    ProcessEngine.Builder builder =
        ProcessEngine.builder()
            .database(db.database())
            .clock(clock)
            .startJobExecutor(false)
            .jobExecutorSettings(
                JobExecutorSettings.defaults()
                    .withIdleDelays(Duration.ofMillis(10), Duration.ofMillis(50))
                    .withShutdownTimeout(Duration.ofSeconds(10)))
            .settings(EngineSettings.defaults());
    for (JobHandler handler : handlers) {
      builder.jobHandler(handler);
    }
    return builder;
  }

  static JobHandler handler(BiConsumer<Job, Handle> body) {
    return handler(TYPE, body);
  }

  static JobHandler handler(String type, BiConsumer<Job, Handle> body) {
    return new JobHandler() {
      @Override
      public String type() {
        return type;
      }

      @Override
      public void execute(Job job, Handle handle) {
        body.accept(job, handle);
      }
    };
  }

  static void insertProcessInstance(ProcessEngine engine, String id) {
    EngineInternals.database(engine)
        .useTransaction(
            h ->
                h.createUpdate(
                        "INSERT INTO tern_process_instance (id, proc_def_id, proc_def_key,"
                            + " start_time, root_process_instance_id)"
                            + " VALUES (:id, 'def:1', 'def', :now, :id)")
                    .bind("id", id)
                    .bind("now", engine.clock().instant())
                    .execute());
  }

  /** A due message job of the test handler type. */
  static Job job(ProcessEngine engine, String processInstanceId, boolean exclusive) {
    return job(engine, processInstanceId, exclusive, null, 3, "activity");
  }

  static Job job(
      ProcessEngine engine,
      String processInstanceId,
      boolean exclusive,
      Instant dueDate,
      int retries,
      String activityId) {
    return Job.builder()
        .id(engine.ids().next())
        .handlerType(TYPE)
        .processInstanceId(processInstanceId)
        .executionId(processInstanceId)
        .processDefinitionId(processInstanceId == null ? null : "def:1")
        .processDefinitionKey(processInstanceId == null ? null : "def")
        .activityId(activityId)
        .retries(retries)
        .dueDate(dueDate)
        .createTime(engine.clock().instant())
        .exclusive(exclusive)
        .build();
  }

  static Job insert(ProcessEngine engine, Job job) {
    EngineInternals.database(engine).useTransaction(h -> JobFixture.store(engine).insert(h, job));
    return job;
  }

  static Optional<Job> find(ProcessEngine engine, String id) {
    return engine.jobService().findJob(id);
  }

  static String newId() {
    return UUID.randomUUID().toString();
  }

  static long count(ProcessEngine engine, String sql, Map<String, Object> binds) {
    return EngineInternals.database(engine)
        .withHandle(
            h -> {
              var q = h.createQuery(sql);
              binds.forEach(q::bind);
              return q.mapTo(Long.class).one();
            });
  }
}
