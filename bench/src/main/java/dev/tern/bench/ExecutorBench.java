package dev.tern.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tern-bench executor -n 20000}: raw job-executor throughput. With the executor paused
 * (Tern's {@code PUT /admin/job-executor}), N instances of a process whose only work is one async
 * service task evaluating {@code ${true}} are started; then the executor is resumed and the time
 * until every instance has finished is measured. Each instance is one job run in its own
 * transaction (lock, run, history, delete), so jobs/s = N / that time.
 */
@Command(
    name = "executor",
    mixinStandardHelpOptions = true,
    description = "Job executor throughput on trivial jobs (Tern: pauses via /admin/job-executor).")
final class ExecutorBench implements Callable<Integer> {

  @Option(names = "--base-url", defaultValue = "http://127.0.0.1:8080/engine-rest", description = "REST base URL (default: ${DEFAULT-VALUE})")
  String baseUrl;

  @Option(names = {"-n", "--jobs"}, defaultValue = "10000", description = "trivial jobs (default: ${DEFAULT-VALUE})")
  int jobs;

  @Option(names = "--clients", defaultValue = "8", description = "concurrent HTTP clients starting instances (default: ${DEFAULT-VALUE})")
  int clients;

  @Option(names = "--phase-timeout", defaultValue = "PT20M", description = "longest wait, ISO-8601 (default: ${DEFAULT-VALUE})")
  Duration phaseTimeout;

  @Override
  public Integer call() throws Exception {
    EngineRestClient rest = new EngineRestClient(baseUrl);
    String key = "trivialBench_" + Long.toString(System.currentTimeMillis(), 36);
    rest.deploy(key, key + ".bpmn", trivialProcess(key));
    ProgressBar progress = new ProgressBar(System.err, System.console() != null);
    setExecutorActive(false);
    long startsBegan = System.nanoTime();
    try {
      long[] latencies = startInstances(rest, key, progress);
      double startSeconds = (System.nanoTime() - startsBegan) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "starts: %d in %.2f s = %.0f starts/s with %d clients, latency p50 %.1f ms, p99 %.1f ms%n",
          jobs,
          startSeconds,
          jobs / startSeconds,
          clients,
          OutageStory.percentileMillis(latencies, 50),
          OutageStory.percentileMillis(latencies, 99));
    } finally {
      setExecutorActive(true);
    }
    long resumed = System.nanoTime();
    String finished =
        "/history/process-instance/count?finished=true&processDefinitionKey=" + EngineRestClient.encode(key);
    progress.begin("jobs run", jobs);
    long done = 0;
    while (done < jobs) {
      if (System.nanoTime() - resumed > phaseTimeout.toNanos()) {
        throw new BenchFailure("only " + done + " of " + jobs + " instances finished within " + phaseTimeout);
      }
      Thread.sleep(50);
      done = rest.count(finished);
      progress.update(done, "");
    }
    double seconds = (System.nanoTime() - resumed) / 1e9;
    progress.end(done, "");
    System.out.printf(
        Locale.ROOT,
        "executor: %d trivial jobs in %.2f s = %.0f jobs/s (observed by polling every 50 ms)%n",
        jobs,
        seconds,
        jobs / seconds);
    return 0;
  }

  /** Starts the instances with the executor paused; each start's latency in nanoseconds. */
  private long[] startInstances(EngineRestClient rest, String key, ProgressBar progress)
      throws Exception {
    progress.begin("starting instances", jobs);
    long[] latencies = new long[jobs];
    AtomicInteger next = new AtomicInteger();
    AtomicLong started = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int client = 0; client < clients; client++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < jobs; i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    rest.postJson("/process-definition/key/" + EngineRestClient.encode(key) + "/start", "{}");
                    latencies[i] = System.nanoTime() - sent;
                    progress.update(started.incrementAndGet(), "executor paused");
                  }
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    progress.end(started.get(), "executor paused");
    return latencies;
  }

  private void setExecutorActive(boolean active) throws IOException, InterruptedException {
    String root = baseUrl.replaceFirst("/engine-rest/?$", "");
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(root + "/admin/job-executor"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"active\":" + active + "}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new BenchFailure(
          "PUT " + root + "/admin/job-executor answered " + response.statusCode()
              + ": this benchmark needs Tern's job-executor admin resource");
    }
  }

  private static String trivialProcess(String key) throws IOException {
    try (InputStream in = ExecutorBench.class.getResourceAsStream("trivial.bpmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("PROCESS_KEY", key);
    }
  }
}
