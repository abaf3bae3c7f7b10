package dev.tern.engine.job;

import dev.tern.engine.history.JobLog;
import dev.tern.engine.incident.IncidentStore;
import dev.tern.engine.persistence.Database;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.util.List;

/**
 * Wires the job capability. Its stores go to the other capabilities only as the {@link Jobs} and
 * {@link JobDefinitions} ports; the executor and {@link JobService} are built once every capability
 * has contributed its job handlers ({@link #start}).
 */
public final class JobModule {

  private final Database database;
  private final Clock clock;
  private final JobLog jobLog;
  private final IncidentStore incidents;
  private final JobSignal signal = new JobSignal();
  private final JobStore jobs;
  private final JobDefinitionStore definitions = new JobDefinitionStore();

  public JobModule(Database database, Clock clock, JobLog jobLog, IncidentStore incidents) {
    this.database = database;
    this.clock = clock;
    this.jobLog = jobLog;
    this.incidents = incidents;
    this.jobs = new JobStore(database.dialect(), jobLog, signal);
  }

  public Jobs jobs() {
    return jobs;
  }

  public JobDefinitions jobDefinitions() {
    return definitions;
  }

  /** For this package's test fixture. */
  JobStore store() {
    return jobs;
  }

  /** The executor (not yet started) and the job API, over these handlers, without meters. */
  public Started start(
      List<? extends JobHandler> handlers,
      RetryCycleLookup retryCycles,
      JobExecutorSettings settings,
      boolean active) {
    return start(handlers, retryCycles, settings, active, new CompositeMeterRegistry());
  }

  /** Like {@link #start(List, RetryCycleLookup, JobExecutorSettings, boolean)}, metered. */
  public Started start(
      List<? extends JobHandler> handlers,
      RetryCycleLookup retryCycles,
      JobExecutorSettings settings,
      boolean active,
      MeterRegistry meterRegistry) {
    JobRunner runner =
        new JobRunner(
            database, clock, jobs, jobLog, incidents, new JobHandlerRegistry(handlers), retryCycles);
    JobExecutor executor =
        new JobExecutor(
            database,
            clock,
            jobs,
            runner,
            signal,
            settings,
            active,
            new JobExecutorMetrics(meterRegistry));
    return new Started(
        executor, new JobService(database, clock, jobs, definitions, incidents, runner, executor));
  }

  /** What {@link #start} built. */
  public record Started(JobExecutor executor, JobService service) {}
}
