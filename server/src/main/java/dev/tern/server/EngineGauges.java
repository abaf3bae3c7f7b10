package dev.tern.server;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.batch.Batch;
import dev.tern.engine.batch.BatchQuery;
import dev.tern.engine.batch.BatchStatistics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work the whole cluster has waiting, read from the database when scraped: due jobs, open
 * incidents by type and batch jobs remaining by batch type. One read of all three serves a scrape
 * (the snapshot is kept {@link #MAX_AGE}), so a scrape costs a handful of indexed counts however
 * many series it renders. While the database is unreachable the gauges read NaN.
 */
final class EngineGauges implements MeterBinder {

  private static final Logger LOG = LoggerFactory.getLogger(EngineGauges.class);
  static final Duration MAX_AGE = Duration.ofSeconds(1);
  static final List<String> INCIDENT_TYPES = List.of("failedJob", "failedExternalTask");
  /** Running batches are few; their progress is read in one page of this size. */
  private static final int MAX_BATCHES = 1000;

  private record Snapshot(
      long takenAtNanos, long dueJobs, Map<String, Long> openIncidents, Map<String, Long> batchJobs) {

    /** The database did not answer; kept like any snapshot, so a scrape waits for it once. */
    static Snapshot unreadable() {
      return new Snapshot(System.nanoTime(), -1, Map.of(), Map.of());
    }

    boolean readable() {
      return dueJobs >= 0;
    }
  }

  private final ProcessEngine engine;
  private final Set<String> batchTypesRegistered = ConcurrentHashMap.newKeySet();
  private volatile Snapshot snapshot;
  private MeterRegistry registry;

  EngineGauges(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    gauge("tern.jobs.due", "Jobs due now with retries left and not suspended, on every node", null,
        s -> s.dueJobs());
    for (String type : INCIDENT_TYPES) {
      gauge("tern.incidents.open", "Open incidents by type", type,
          s -> s.openIncidents().getOrDefault(type, 0L));
    }
    for (String type : List.of(Batch.TYPE_SET_JOB_RETRIES, Batch.TYPE_SET_EXTERNAL_TASK_RETRIES)) {
      registerBatchType(type);
    }
  }

  private void registerBatchType(String type) {
    if (batchTypesRegistered.add(type)) {
      gauge("tern.batch.jobs.remaining", "Batch jobs not yet done, by batch type", type,
          s -> s.batchJobs().getOrDefault(type, 0L));
    }
  }

  private void gauge(
      String name, String description, String type, ToDoubleFunction<Snapshot> value) {
    Gauge.Builder<EngineGauges> builder =
        Gauge.builder(name, this, gauges -> gauges.read(value))
            .description(description)
            // nothing else holds this binder; a weakly held gauge would read NaN after a GC
            .strongReference(true);
    if (type != null) {
      builder.tag("type", type);
    }
    builder.register(registry);
  }

  private double read(ToDoubleFunction<Snapshot> value) {
    Snapshot current = current();
    return current.readable() ? value.applyAsDouble(current) : Double.NaN;
  }

  private synchronized Snapshot current() {
    Snapshot last = snapshot;
    if (last != null && System.nanoTime() - last.takenAtNanos() < MAX_AGE.toNanos()) {
      return last;
    }
    snapshot = take();
    return snapshot;
  }

  private Snapshot take() {
    try {
      long due =
          engine.jobService().countJobs(engine.jobService().createJobQuery().executable().active());
      Map<String, Long> incidents = new TreeMap<>();
      for (String type : INCIDENT_TYPES) {
        incidents.put(
            type,
            engine
                .incidentService()
                .countIncidents(engine.incidentService().createIncidentQuery().set("incidentType", type)));
      }
      Map<String, Long> batchJobs = new TreeMap<>();
      for (BatchStatistics statistics :
          engine.batchService().statistics(BatchQuery.all(), 0, MAX_BATCHES)) {
        batchJobs.merge(statistics.batch().type(), (long) statistics.remainingJobs(), Long::sum);
      }
      batchJobs.keySet().forEach(this::registerBatchType);
      return new Snapshot(System.nanoTime(), due, incidents, batchJobs);
    } catch (RuntimeException e) {
      LOG.warn("Could not read the engine's backlog for /metrics: {}", e.getMessage());
      return Snapshot.unreadable();
    }
  }
}
