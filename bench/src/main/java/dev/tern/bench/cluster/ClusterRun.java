package dev.tern.bench.cluster;

import dev.tern.bench.BenchFailure;
import dev.tern.bench.EngineRestClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The cluster fault run: N {@code tern.jar} processes on one PostgreSQL run instances of a process
 * with two async HTTP calls (each failing once) while one node is killed with {@code kill -9},
 * another is frozen with {@code SIGSTOP} for longer than the lock duration and resumed, the
 * database server is restarted, and the killed node is started again. Then {@link ClusterAudit}
 * checks what must hold. Faults strike at a quarter and 40% of the feed time, each only once its
 * node holds jobs.
 */
public final class ClusterRun {

  private static final String SUCCESSES =
      "SELECT COUNT(*) FROM tern_hi_job_log WHERE proc_def_key = ? AND job_state = 2";

  private final ClusterConfig config;
  private final ClusterDatabase database;
  private final PrintStream log;
  private final Sql sql;

  public ClusterRun(ClusterConfig config, ClusterDatabase database, PrintStream log) {
    this.config = config;
    this.database = database;
    this.log = log;
    this.sql = new Sql(database);
  }

  public ClusterReport run() {
    String key = "clusterFault_" + Long.toString(System.currentTimeMillis(), 36);
    List<TernNode> nodes = new ArrayList<>();
    for (int i = 1; i <= config.nodes(); i++) {
      nodes.add(
          new TernNode(
              "node-" + i,
              FreePort.find(),
              config.node().workDir().resolve("node-" + i),
              TernNode.javaCommand(config.node().jar(), config.node().javaOptions()),
              config.node().env(database)));
    }
    // a run cut short (Ctrl-C, a killed test JVM) must not leave server processes behind
    Thread cleanup = new Thread(() -> nodes.forEach(TernNode::kill), "cluster-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try (CountingStub stub = CountingStub.start(config.load().stubDelay())) {
      startAll(nodes);
      new EngineRestClient(nodes.get(0).baseUrl())
          .deploy("cluster fault " + key, key + ".bpmn", processXml(key, stub.baseUrl()));
      Feeder feeder = new Feeder(nodes, key, config.load());
      List<String> nodeIds = new ArrayList<>();
      for (TernNode node : nodes) {
        nodeIds.add(nodeId(feeder, node));
      }
      log.printf("%d nodes up %s; process %s deployed%n", nodes.size(), nodeIds, key);
      return new Faults(key, nodes, nodeIds, feeder, stub).run();
    } finally {
      nodes.forEach(TernNode::close);
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
    }
  }

  /** The first node creates the schema; the others start together once it is up. */
  private void startAll(List<TernNode> nodes) {
    Duration startup = Duration.ofMinutes(3);
    nodes.get(0).start();
    nodes.get(0).awaitReady(startup);
    nodes.subList(1, nodes.size()).forEach(TernNode::start);
    nodes.subList(1, nodes.size()).forEach(node -> node.awaitReady(startup));
  }

  /** A node's id (its lock owner prefix): the job log of an instance started through it names it. */
  private String nodeId(Feeder feeder, TernNode node) {
    String instanceId = feeder.startOn(node, "probe-" + node.name());
    List<List<String>> rows =
        sql.rows(
            "SELECT hostname FROM tern_hi_job_log WHERE process_instance_id = ? AND job_state = 0",
            instanceId);
    if (rows.isEmpty()) {
      throw new BenchFailure("no job was created for the probe instance of " + node.name());
    }
    return rows.get(0).get(0);
  }

  /** The faults, in order, and the audit at the end. */
  private final class Faults {
    private final String key;
    private final List<TernNode> nodes;
    private final List<String> nodeIds;
    private final Feeder feeder;
    private final CountingStub stub;
    private final ClusterReport.Builder report = new ClusterReport.Builder();
    private final Duration lock = config.node().lockDuration();

    Faults(String key, List<TernNode> nodes, List<String> nodeIds, Feeder feeder, CountingStub stub) {
      this.key = key;
      this.nodes = nodes;
      this.nodeIds = nodeIds;
      this.feeder = feeder;
      this.stub = stub;
    }

    ClusterReport run() {
      TernNode victim = nodes.get(1);
      TernNode frozen = nodes.get(2);
      Duration feedTime = config.load().feedTime();
      report
          .count("nodes", nodes.size())
          .text("lock duration", lock.toString())
          .text("freeze", config.freezeFor().toString())
          .count("instances offered (and one probe per node)", config.load().instances());

      Instant t0 = Instant.now();
      feeder.start();

      Pause.of(Duration.between(Instant.now(), t0.plus(feedTime.dividedBy(4))));
      // the jobs seen held right before the kill, and those still locked after it: a job may end
      // in the moment between the look and the kill, and one may be claimed in it
      Set<String> killed = awaitHolding(nodeIds.get(1));
      feeder.markDown(victim);
      victim.kill();
      Instant killedAt = Instant.now();
      killed.addAll(heldBy(nodeIds.get(1)));
      Watch killTakeover = Watch.until(sql, n -> n == 0, locksOf(), nodeIds.get(1) + "/%");
      log.printf("kill -9 %s (pid %d) holding %d jobs%n", victim.name(), victim.pid(), killed.size());

      Pause.of(Duration.between(Instant.now(), t0.plus(feedTime.multipliedBy(2).dividedBy(5))));
      Set<String> stalled = awaitHolding(nodeIds.get(2));
      feeder.markDown(frozen);
      frozen.freeze();
      Instant frozenAt = Instant.now();
      stalled.addAll(heldBy(nodeIds.get(2)));
      log.printf("SIGSTOP %s (pid %d) holding %d jobs for %s%n", frozen.name(), frozen.pid(), stalled.size(), config.freezeFor());
      // measured during the freeze only: once resumed, the node renews locks nobody took over yet;
      // and only another node's claim lowers the count while this one is frozen
      long frozenLocks = sql.count(locksOf(), nodeIds.get(2) + "/%");
      Watch firstTakeover = Watch.until(sql, n -> n < frozenLocks, locksOf(), nodeIds.get(2) + "/%");
      Watch freezeTakeover = Watch.until(sql, n -> n == 0, locksOf(), nodeIds.get(2) + "/%");
      Pause.of(Duration.between(Instant.now(), frozenAt.plus(config.freezeFor())));
      Double firstTakeoverSeconds = firstTakeover.seconds();
      Double freezeTakeoverSeconds = freezeTakeover.seconds();
      firstTakeover.stop();
      freezeTakeover.stop();
      frozen.resume();
      feeder.markUp(frozen);
      log.printf("SIGCONT %s%n", frozen.name());

      Pause.of(Duration.ofSeconds(1));
      Instant restartBegin = Instant.now();
      database.restart();
      Instant restartEnd = Instant.now();
      Watch firstJobAfterRestart = Watch.until(sql, n -> n > 0, SUCCESSES + " AND log_time > ?", key, utc(restartEnd));
      log.printf("database restarted in %.1f s%n", seconds(restartBegin, restartEnd));

      // the killed node comes back while the others go on (a JVM start is slow on a busy machine)
      Instant restartingNode = Instant.now();
      victim.start();
      CompletableFuture<Instant> comeback =
          CompletableFuture.supplyAsync(
              () -> {
                victim.awaitReady(config.timeout());
                feeder.markUp(victim);
                return Instant.now();
              });

      awaitFeeder(feedTime);
      Instant lastStart = Instant.now();
      Double drain = awaitCompletion(lastStart);
      Instant done = Instant.now();
      Double nodeBack = awaitComeback(comeback, restartingNode);
      killTakeover.stop();
      firstJobAfterRestart.stop();
      if (nodeBack == null) {
        report.violation(victim.name() + " did not answer within " + config.timeout() + " of its restart; see " + victim.log());
      }

      report
          .count("instances started (answered)", feeder.started().size())
          .count("starts that failed (instance may exist)", feeder.uncertain().size())
          .text("starts per node", feeder.startedPerNode().toString())
          .count("jobs held by the killed node", killed.size())
          .seconds("kill -9: its jobs taken over after (s)", killTakeover.seconds())
          .count("jobs held by the frozen node", stalled.size())
          .seconds("SIGSTOP: first of its jobs taken over after (s)", firstTakeoverSeconds)
          .seconds("SIGSTOP: all its jobs taken over (during the freeze) after (s)", freezeTakeoverSeconds)
          .seconds("database restart took (s)", seconds(restartBegin, restartEnd))
          .seconds("first job completed after the restart (s)", firstJobAfterRestart.seconds())
          .seconds("killed node up again after (s)", nodeBack)
          .seconds("run time, first start to last instance finished (s)", seconds(t0, done))
          .seconds("last instance finished after the last start (s)", drain)
          .text("jobs/s before the first fault", rate(t0, killedAt))
          .text("jobs/s from the database restart to the end", rate(restartEnd, done));
      return new ClusterAudit(sql, key, report)
          .check(feeder, stub, new ClusterAudit.Faults(killed, stalled, restartBegin.minus(lock), restartEnd.plusSeconds(2)));
    }

    /**
     * Waits (a bounded while) until the node holds a job, so that its fault strikes work in
     * progress; answers the jobs it held at that look (empty when it held none in time).
     */
    private Set<String> awaitHolding(String nodeId) {
      long start = System.nanoTime();
      long deadline = start + Duration.ofSeconds(15).toNanos();
      Set<String> held = heldBy(nodeId);
      while (held.isEmpty() && System.nanoTime() < deadline) {
        Pause.of(Duration.ofMillis(10));
        held = heldBy(nodeId);
      }
      log.printf("%s held %d jobs after %d ms of waiting%n", nodeId, held.size(),
          Duration.ofNanos(System.nanoTime() - start).toMillis());
      return held;
    }

    /** Jobs locked by a node's claims, as {@code activityId/businessKey} (the stub's paths). */
    private Set<String> heldBy(String nodeId) {
      Set<String> held = new HashSet<>();
      for (List<String> row :
          sql.rows(
              "SELECT j.activity_id, pi.business_key FROM tern_job j"
                  + " JOIN tern_process_instance pi ON pi.id = j.process_instance_id WHERE j.lock_owner LIKE ?",
              nodeId + "/%")) {
        held.add(row.get(0) + "/" + row.get(1));
      }
      return held;
    }

    private String locksOf() {
      return "SELECT COUNT(*) FROM tern_job WHERE lock_owner LIKE ?";
    }

    private void awaitFeeder(Duration feedTime) {
      try {
        if (!feeder.awaitDone(feedTime.plus(config.timeout()))) {
          throw new BenchFailure("starting the instances did not end");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BenchFailure("interrupted", e);
      }
    }

    /** Seconds from {@code since} until the restarted node answered, or null if it never did. */
    private Double awaitComeback(CompletableFuture<Instant> comeback, Instant since) {
      try {
        Instant ready = comeback.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        log.printf("%s answered again %.1f s after its restart%n", nodes.get(1).name(), seconds(since, ready));
        return seconds(since, ready);
      } catch (TimeoutException | ExecutionException e) {
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BenchFailure("interrupted", e);
      }
    }

    /** Seconds until no instance of the process runs, or null after the timeout. */
    private Double awaitCompletion(Instant from) {
      long deadline = System.nanoTime() + config.timeout().toNanos();
      while (System.nanoTime() < deadline) {
        if (sql.count("SELECT COUNT(*) FROM tern_process_instance WHERE proc_def_key = ?", key) == 0) {
          return seconds(from, Instant.now());
        }
        Pause.of(Duration.ofMillis(200));
      }
      return null;
    }

    private String rate(Instant from, Instant to) {
      long jobs = sql.count(SUCCESSES + " AND log_time >= ? AND log_time < ?", key, utc(from), utc(to));
      return String.format(java.util.Locale.ROOT, "%.0f", jobs / seconds(from, to));
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e9;
  }

  private static String processXml(String key, String stubBaseUrl) {
    try (InputStream in = ClusterRun.class.getResourceAsStream("two-calls.bpmn")) {
      if (in == null) {
        throw new IllegalStateException("missing resource two-calls.bpmn");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("PROCESS_KEY", key)
          .replace("STUB_BASE_URL", stubBaseUrl)
          // generous: a run lost to a fault may cost a retry, yet no instance may end in an incident
          .replace("RETRY_CYCLE", "R5/PT1S");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
