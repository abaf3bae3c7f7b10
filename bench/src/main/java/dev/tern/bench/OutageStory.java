package dev.tern.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The outage story against one Camunda-compatible REST API: deploy, start N instances while the
 * downstream stub fails, wait until every job has used up its retries, measure the SQL floor, bring
 * the stub up, set retries with one batch call, and wait until the retries are applied, the batch has
 * ended and every instance has completed. Every wait is bounded by the phase timeout.
 */
public final class OutageStory {

  private static final DateTimeFormatter CAMUNDA_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
  private static final int SMALL_AMOUNT = 10; // <= 1000: no user task, every instance runs to its end

  private final EngineRestClient rest;
  private final StoryConfig config;
  private final ProgressBar progress;
  private final PrintStream log;

  public OutageStory(EngineRestClient rest, StoryConfig config, ProgressBar progress, PrintStream log) {
    this.rest = rest;
    this.config = config;
    this.progress = progress;
    this.log = log;
  }

  /** Runs the whole story; the stub and the memory probe end with it. */
  public StoryResult run(String label) {
    String engineVersion = rest.engineVersion();
    String processKey = "orderSyncBench_" + Long.toString(System.currentTimeMillis(), 36);
    int n = config.instances();
    try (StubServer stub = StubServer.startDown(8);
        HeapProbe memory = config.serverPid().map(HeapProbe::attach).orElseGet(HeapProbe::none).start()) {
      BenchProcess process = new BenchProcess(processKey, stub.baseUrl(), config.retryCycle());
      rest.deploy("tern-bench " + processKey, process.resourceName(), process.xml());
      log.printf("deployed %s (stub %s, retry cycle %s)%n", processKey, stub.baseUrl(), config.retryCycle());

      long startNanos = System.nanoTime();
      long[] startLatencies = startInstances(processKey);
      double startSeconds = secondsSince(startNanos);

      String jobs = "/job/count?processDefinitionKey=" + EngineRestClient.encode(processKey);
      waitFor("jobs out of retries", n, () -> rest.count(jobs + "&noRetriesLeft=true"), "stub: 503");
      double failureSeconds = secondsSince(startNanos);
      long failedCalls = stub.failedCalls();

      List<SqlFloor.Measurement> floor =
          config.floor()
              .map(target -> SqlFloor.measure(target, processKey, config.retries(), config.floorRepeats()))
              .orElse(List.of());
      floor.forEach(
          m -> log.printf(
              "SQL floor: %d incidents deleted in %.1f ms, %d jobs updated in %.1f ms (rolled back)%n",
              m.incidentsDeleted(),
              m.deleteElapsed().toNanos() / 1e6,
              m.jobsUpdated(),
              m.updateElapsed().toNanos() / 1e6));

      stub.goUp();
      Instant callWallClock = Instant.now();
      long callNanos = System.nanoTime();
      JsonNode batch =
          rest.postJson(
              "/process-instance/job-retries",
              "{\"processInstanceQuery\":{\"processDefinitionKey\":\""
                  + processKey
                  + "\"},\"retries\":"
                  + config.retries()
                  + "}");
      double batchCreationMillis = (System.nanoTime() - callNanos) / 1e6;
      String batchId = batch.path("id").asText();
      log.printf("batch %s created in %.1f ms%n", batchId, batchCreationMillis);

      Recovery recovery =
          config.creationOnly() ? Recovery.skipped() : awaitRecovery(processKey, batchId, callNanos);
      Double retriesServer =
          config.creationOnly()
              ? null
              : latestEndTime("/history/incident?processDefinitionKey=" + EngineRestClient.encode(processKey))
                  .map(end -> secondsBetween(callWallClock, end))
                  .orElse(null);
      Double batchServer = recovery.batchEnd().map(end -> secondsBetween(callWallClock, end)).orElse(null);
      Double completedServer =
          config.creationOnly()
              ? null
              : latestEndTime(
                      "/history/process-instance?finished=true&processDefinitionKey="
                          + EngineRestClient.encode(processKey))
                  .map(end -> secondsBetween(callWallClock, end))
                  .orElse(null);
      if (!config.creationOnly() && stub.successfulCalls() < n) {
        throw new BenchFailure(
            "only " + stub.successfulCalls() + " of " + n + " instances called the stub successfully");
      }
      return new StoryResult(
          label,
          engineVersion,
          rest.baseUrl(),
          n,
          config.clients(),
          config.retryCycle(),
          processKey,
          startSeconds,
          n / startSeconds,
          percentileMillis(startLatencies, 50),
          percentileMillis(startLatencies, 99),
          failureSeconds,
          failedCalls,
          failedCalls / failureSeconds,
          floor.isEmpty() ? null : SqlFloor.median(floor).toNanos() / 1e6,
          floor.isEmpty() ? null : floor.get(0).jobsUpdated(),
          floor.isEmpty() ? null : floor.get(0).incidentsDeleted(),
          batchCreationMillis,
          batchId,
          retriesServer,
          recovery.retriesAppliedSeconds(),
          batchServer,
          recovery.batchEndObservedSeconds(),
          completedServer,
          recovery.completedSeconds(),
          stub.successfulCalls(),
          memory.method(),
          megabytes(memory.baselineHeapBytes()),
          megabytes(memory.peakHeapBytes()),
          megabytes(memory.peakRssBytes()));
    }
  }

  /** Starts the instances with the configured clients; each start's latency in nanoseconds. */
  private long[] startInstances(String processKey) {
    int n = config.instances();
    long[] latencies = new long[n];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger started = new AtomicInteger();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    ExecutorService clients = Executors.newFixedThreadPool(config.clients());
    try {
      List<Future<?>> running =
          java.util.stream.IntStream.range(0, config.clients())
              .<Future<?>>mapToObj(
                  c ->
                      clients.submit(
                          () -> {
                            for (int i = next.getAndIncrement();
                                i < n && failure.get() == null;
                                i = next.getAndIncrement()) {
                              try {
                                long sent = System.nanoTime();
                                rest.startInstance(processKey, "order-" + i, SMALL_AMOUNT);
                                latencies[i] = System.nanoTime() - sent;
                                started.incrementAndGet();
                              } catch (RuntimeException e) {
                                failure.compareAndSet(null, e);
                              }
                            }
                          }))
              .toList();
      progress.begin("starting instances", n);
      long deadline = System.nanoTime() + config.phaseTimeout().toNanos();
      while (!running.stream().allMatch(Future::isDone)) {
        if (System.nanoTime() > deadline) {
          failure.compareAndSet(null, new BenchFailure("starting instances took longer than " + config.phaseTimeout()));
        }
        progress.update(started.get(), "");
        pause(Duration.ofMillis(100));
      }
      progress.end(started.get(), "");
    } finally {
      clients.shutdownNow();
      awaitTermination(clients);
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    return latencies;
  }

  /** The nearest-rank percentile of the latencies, in milliseconds; null without any. */
  static Double percentileMillis(long[] nanos, int percentile) {
    if (nanos.length == 0) {
      return null;
    }
    long[] sorted = nanos.clone();
    java.util.Arrays.sort(sorted);
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }

  private void waitFor(String label, long total, LongSupplier done, String detail) {
    progress.begin(label, total);
    long deadline = System.nanoTime() + config.phaseTimeout().toNanos();
    long current = done.getAsLong();
    while (current < total) {
      if (System.nanoTime() > deadline) {
        progress.end(current, detail);
        throw new BenchFailure(label + ": only " + current + " of " + total + " after " + config.phaseTimeout());
      }
      progress.update(current, detail);
      pause(config.pollInterval());
      current = done.getAsLong();
    }
    progress.end(current, detail);
  }

  private Recovery awaitRecovery(String processKey, String batchId, long callNanos) {
    String key = EngineRestClient.encode(processKey);
    String stuckJobs = "/job/count?noRetriesLeft=true&processDefinitionKey=" + key;
    String finished = "/history/process-instance/count?finished=true&processDefinitionKey=" + key;
    String historicBatch = "/history/batch/" + EngineRestClient.encode(batchId);
    int n = config.instances();
    Double retriesApplied = null;
    Double batchEndObserved = null;
    Optional<OffsetDateTime> batchEnd = Optional.empty();
    boolean batchHistoryOffered = true;
    Double completed = null;
    long completedCount = 0;
    long deadline = callNanos + config.phaseTimeout().toNanos();
    progress.begin("instances completing", n);
    while (retriesApplied == null || completed == null || (batchHistoryOffered && batchEndObserved == null)) {
      if (System.nanoTime() > deadline) {
        progress.end(completedCount, "");
        throw new BenchFailure(
            "recovery not done after " + config.phaseTimeout() + ": retries applied=" + (retriesApplied != null)
                + ", batch ended=" + (batchEndObserved != null) + ", instances completed=" + completedCount);
      }
      if (retriesApplied == null && rest.count(stuckJobs) == 0) {
        retriesApplied = secondsSince(callNanos);
      }
      if (batchHistoryOffered && batchEndObserved == null) {
        Optional<JsonNode> historic = rest.getIfPresent(historicBatch);
        batchHistoryOffered = historic.isPresent();
        batchEnd = historic.flatMap(b -> parseTime(b.path("endTime")));
        if (batchEnd.isPresent()) {
          batchEndObserved = secondsSince(callNanos);
        }
      }
      if (completed == null) {
        completedCount = rest.count(finished);
        if (completedCount >= n) {
          completed = secondsSince(callNanos);
        }
      }
      progress.update(
          completedCount,
          "retries " + (retriesApplied != null ? "applied" : "pending")
              + ", batch " + (!batchHistoryOffered ? "n/a" : batchEndObserved != null ? "ended" : "running"));
      pause(config.pollInterval());
    }
    progress.end(completedCount, "retries applied, batch " + (batchHistoryOffered ? "ended" : "n/a"));
    return new Recovery(retriesApplied, batchEndObserved, batchEnd, completed);
  }

  private record Recovery(
      Double retriesAppliedSeconds,
      Double batchEndObservedSeconds,
      Optional<OffsetDateTime> batchEnd,
      Double completedSeconds) {

    static Recovery skipped() {
      return new Recovery(null, null, Optional.empty(), null);
    }
  }

  /** The latest {@code endTime} of a historic query sorted by it; empty if the server has no such query. */
  private Optional<OffsetDateTime> latestEndTime(String historicQuery) {
    return rest.getIfPresent(historicQuery + "&sortBy=endTime&sortOrder=desc&firstResult=0&maxResults=1")
        .filter(JsonNode::isArray)
        .filter(list -> !list.isEmpty())
        .flatMap(list -> parseTime(list.get(0).path("endTime")));
  }

  static Optional<OffsetDateTime> parseTime(JsonNode value) {
    if (value == null || !value.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.asText(), CAMUNDA_DATE));
    } catch (DateTimeParseException e) {
      return Optional.of(OffsetDateTime.parse(value.asText()));
    }
  }

  private static double secondsBetween(Instant from, OffsetDateTime to) {
    return Duration.between(from, to.toInstant()).toNanos() / 1e9;
  }

  private static double secondsSince(long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }

  private static Double megabytes(long bytes) {
    return bytes < 0 ? null : bytes / (1024.0 * 1024.0);
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailure("interrupted", e);
    }
  }

  private static void awaitTermination(ExecutorService executor) {
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
