package dev.tern.engine.job;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What one node's job executor counts: claims, the jobs they took, every run by handler type and
 * outcome with its duration, and how many jobs the node holds and runs right now. With an empty
 * registry (the engine's default) every meter is a no-op.
 */
final class JobExecutorMetrics {

  private final MeterRegistry registry;
  private final Counter acquisitions;
  private final Counter claimedJobs;
  private final Map<String, Timer> runs = new ConcurrentHashMap<>();

  JobExecutorMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.acquisitions =
        Counter.builder("tern.job.acquisitions")
            .description("Claims of due jobs this node made (including those that found none)")
            .register(registry);
    this.claimedJobs =
        Counter.builder("tern.job.claimed")
            .description("Jobs this node claimed")
            .register(registry);
  }

  /** Reports the executor's held and running jobs as gauges (read when scraped). */
  void watch(JobExecutor executor) {
    Gauge.builder("tern.job.in.flight", executor, JobExecutor::heldJobs)
        .description("Jobs this node holds: claimed and queued for a worker, or running")
        .register(registry);
    Gauge.builder("tern.job.running", executor, JobExecutor::runningJobs)
        .description("Jobs this node's workers run right now")
        .register(registry);
  }

  void claimed(int jobs) {
    acquisitions.increment();
    claimedJobs.increment(jobs);
  }

  void ran(String handlerType, JobRunner.Outcome outcome, long nanos) {
    String key = handlerType + '\u0000' + outcome;
    runs.computeIfAbsent(
            key,
            k ->
                Timer.builder("tern.job.executions")
                    .description("Job runs by handler type and outcome")
                    .tag("type", handlerType)
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }
}
