package dev.tern.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tern-bench external-tasks -n 10000}: the three external-task figures of docs/benchmarks.md,
 * against any Camunda-compatible REST API:
 *
 * <ol>
 *   <li><b>throughput</b>: N instances each wait at one external task; W workers fetch and lock up
 *       to {@code --max-tasks} at a time and complete each one; tasks/s = N / the time until the
 *       last completion answered;
 *   <li><b>wake-up latency</b>: a worker long-polls an empty topic, then one instance is started;
 *       the time from sending the start to the worker's answer (the start's own cost included),
 *       {@code --wakeups} times, median and worst;
 *   <li><b>retries-async</b>: N tasks fail with no retries left (incidents), then one {@code POST
 *       /external-task/retries-async} selects them by query; the time until none is left without
 *       retries.
 * </ol>
 */
@Command(
    name = "external-tasks",
    mixinStandardHelpOptions = true,
    description = "External tasks: fetch-and-complete throughput, long-polling wake-up, retries-async.")
final class ExternalTaskBench implements Callable<Integer> {

  private static final long LOCK_MILLIS = 300_000;

  @Option(names = "--base-url", defaultValue = "http://127.0.0.1:8080/engine-rest", description = "REST base URL (default: ${DEFAULT-VALUE})")
  String baseUrl;

  @Option(names = {"-n", "--tasks"}, defaultValue = "10000", description = "external tasks per phase (default: ${DEFAULT-VALUE})")
  int tasks;

  @Option(names = "--workers", defaultValue = "4", description = "concurrent workers (default: ${DEFAULT-VALUE})")
  int workers;

  @Option(names = "--max-tasks", defaultValue = "50", description = "maxTasks per fetchAndLock (default: ${DEFAULT-VALUE})")
  int maxTasks;

  @Option(names = "--clients", defaultValue = "8", description = "concurrent HTTP clients starting instances (default: ${DEFAULT-VALUE})")
  int clients;

  @Option(names = "--wakeups", defaultValue = "20", description = "long-polling wake-ups measured (default: ${DEFAULT-VALUE})")
  int wakeups;

  @Option(names = "--phase-timeout", defaultValue = "PT20M", description = "longest wait per phase, ISO-8601 (default: ${DEFAULT-VALUE})")
  Duration phaseTimeout;

  @Option(names = "--label", defaultValue = "engine", description = "name of this run in the report")
  String label;

  @Option(names = "--json", description = "also write the figures to this JSON file")
  File json;

  @Option(names = "--compare", arity = "2..*", description = "instead of running: print saved JSON results side by side")
  List<File> compare;

  private EngineRestClient rest;
  private ProgressBar progress;

  @Override
  public Integer call() throws Exception {
    if (compare != null) {
      printComparison(compare);
      return 0;
    }
    rest = new EngineRestClient(baseUrl);
    progress = new ProgressBar(System.err, System.console() != null);
    String run = Long.toString(System.currentTimeMillis(), 36);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("label", label);
    figures.put("engineVersion", rest.engineVersion());
    figures.put("tasks", tasks);
    figures.put("workers", workers);
    figures.put("maxTasks", maxTasks);

    String work = deployOneTaskProcess("extWork_" + run);
    startInstances(work, tasks);
    figures.put("throughputTasksPerSecond", round(tasks / fetchAndFinish(work, Outcome.COMPLETE)));

    String wake = deployOneTaskProcess("extWake_" + run);
    double[] latencies = wakeUps(wake);
    figures.put("wakeUpMedianMs", round(latencies[latencies.length / 2]));
    figures.put("wakeUpMaxMs", round(latencies[latencies.length - 1]));

    String failing = deployOneTaskProcess("extFail_" + run);
    startInstances(failing, tasks);
    fetchAndFinish(failing, Outcome.FAIL);
    figures.putAll(retriesAsync(failing));

    System.out.println();
    figures.forEach((name, value) -> System.out.printf(Locale.ROOT, "%-32s %s%n", name, value));
    if (json != null) {
      OutageBench.mapper().writeValue(json, figures);
    }
    return 0;
  }

  private enum Outcome {
    COMPLETE,
    FAIL
  }

  /** Deploys a process whose only step is an external task with a topic named like the process. */
  private String deployOneTaskProcess(String key) throws IOException {
    try (InputStream in = ExternalTaskBench.class.getResourceAsStream("external-task.bpmn")) {
      String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("PROCESS_KEY", key);
      rest.deploy(key, key + ".bpmn", xml);
    }
    return key;
  }

  private void startInstances(String key, int count) throws Exception {
    progress.begin("starting " + key, count);
    AtomicLong started = new AtomicLong();
    inParallel(
        clients,
        client -> {
          int share = count / clients + (client < count % clients ? 1 : 0);
          for (int i = 0; i < share; i++) {
            start(key);
            progress.update(started.incrementAndGet(), "");
          }
        });
    progress.end(started.get(), "");
  }

  private void start(String key) {
    rest.postJson("/process-definition/key/" + EngineRestClient.encode(key) + "/start", "{}");
  }

  /** Workers fetch the topic's tasks and complete (or fail) each; returns the seconds it took. */
  private double fetchAndFinish(String topic, Outcome outcome) throws Exception {
    progress.begin(outcome == Outcome.COMPLETE ? "fetch and complete" : "fetch and fail", tasks);
    AtomicLong finished = new AtomicLong();
    long began = System.nanoTime();
    inParallel(
        workers,
        worker -> {
          String workerId = "bench-worker-" + worker;
          while (finished.get() < tasks) {
            checkTimeout(began, "only " + finished.get() + " of " + tasks + " tasks finished");
            JsonNode locked = rest.postJson("/external-task/fetchAndLock", fetch(workerId, topic, maxTasks, 0));
            for (JsonNode task : locked) {
              String id = task.path("id").asText();
              if (outcome == Outcome.COMPLETE) {
                rest.postJson("/external-task/" + id + "/complete", "{\"workerId\":\"" + workerId + "\"}");
              } else {
                rest.postJson(
                    "/external-task/" + id + "/failure",
                    "{\"workerId\":\"" + workerId
                        + "\",\"errorMessage\":\"downstream down\",\"retries\":0,\"retryTimeout\":0}");
              }
              progress.update(finished.incrementAndGet(), "");
            }
            if (locked.isEmpty()) {
              Thread.sleep(20);
            }
          }
        });
    double seconds = (System.nanoTime() - began) / 1e9;
    progress.end(finished.get(), String.format(Locale.ROOT, "%.1f tasks/s", tasks / seconds));
    return seconds;
  }

  /** Milliseconds from sending a start to the answer of a worker already waiting, sorted. */
  private double[] wakeUps(String topic) throws Exception {
    progress.begin("long-polling wake-ups", wakeups);
    double[] latencies = new double[wakeups];
    for (int i = 0; i < wakeups; i++) {
      String workerId = "bench-waiter";
      CompletableFuture<Long> answered =
          CompletableFuture.supplyAsync(
              () -> {
                JsonNode locked = rest.postJson("/external-task/fetchAndLock", fetch(workerId, topic, 1, 30_000));
                long at = System.nanoTime();
                locked.forEach(
                    task ->
                        rest.postJson(
                            "/external-task/" + task.path("id").asText() + "/complete",
                            "{\"workerId\":\"" + workerId + "\"}"));
                return locked.isEmpty() ? -1L : at;
              });
      Thread.sleep(500); // the fetch is parked by now
      long sent = System.nanoTime();
      start(topic);
      long at = answered.get();
      if (at < 0) {
        throw new BenchFailure("a waiting worker's fetch answered empty after an instance was started");
      }
      latencies[i] = (at - sent) / 1e6;
      progress.update(i + 1, "");
    }
    Arrays.sort(latencies);
    progress.end(wakeups, "");
    return latencies;
  }

  private Map<String, Object> retriesAsync(String topic) throws Exception {
    String stuck = "/external-task/count?noRetriesLeft=true&topicName=" + EngineRestClient.encode(topic);
    if (rest.count(stuck) != tasks) {
      throw new BenchFailure("expected " + tasks + " tasks without retries, found " + rest.count(stuck));
    }
    long sent = System.nanoTime();
    JsonNode batch =
        rest.postJson(
            "/external-task/retries-async",
            "{\"externalTaskQuery\":{\"topicName\":\"" + topic + "\",\"noRetriesLeft\":true},\"retries\":1}");
    double creationMs = (System.nanoTime() - sent) / 1e6;
    progress.begin("retries applied", tasks);
    long left = tasks;
    while (left > 0) {
      checkTimeout(sent, left + " tasks still without retries");
      Thread.sleep(50);
      left = rest.count(stuck);
      progress.update(tasks - left, "");
    }
    double seconds = (System.nanoTime() - sent) / 1e9;
    progress.end(tasks, "");
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("retriesAsyncBatchId", batch.path("id").asText());
    figures.put("retriesAsyncCreationMs", round(creationMs));
    figures.put("retriesAsyncAllAppliedSeconds", round(seconds));
    return figures;
  }

  private static String fetch(String workerId, String topic, int max, long asyncResponseTimeout) {
    return "{\"workerId\":\"" + workerId + "\",\"maxTasks\":" + max
        + (asyncResponseTimeout > 0 ? ",\"asyncResponseTimeout\":" + asyncResponseTimeout : "")
        + ",\"topics\":[{\"topicName\":\"" + topic + "\",\"lockDuration\":" + LOCK_MILLIS + "}]}";
  }

  private void checkTimeout(long began, String what) {
    if (System.nanoTime() - began > phaseTimeout.toNanos()) {
      throw new BenchFailure(what + " within " + phaseTimeout);
    }
  }

  private interface Worker {
    void run(int index) throws Exception;
  }

  private static void inParallel(int threads, Worker worker) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  worker.run(index);
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static void printComparison(List<File> files) throws IOException {
    List<JsonNode> results = new ArrayList<>();
    for (File file : files) {
      results.add(OutageBench.mapper().readTree(file));
    }
    List<String> names = new ArrayList<>();
    results.get(0).fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-32s", name));
      for (JsonNode result : results) {
        row.append(String.format(Locale.ROOT, " %24s", result.path(name).asText()));
      }
      System.out.println(row);
    }
  }
}
