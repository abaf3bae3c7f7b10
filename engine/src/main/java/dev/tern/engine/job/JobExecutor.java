package dev.tern.engine.job;

import dev.tern.engine.persistence.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job executor of one node: an acquisition thread claims due jobs with row locks (see {@link
 * JobStore#claimDue}) and hands them to a bounded worker pool. It holds at most {@link
 * JobExecutorSettings#heldJobsLimit()} jobs (running or queued for a worker) and claims a batch
 * at a time, early enough that workers never wait for a claim. Exclusive jobs of one process
 * instance claimed together run one after the other on one worker. A lease thread renews the locks of the jobs this node holds, so only a
 * dead node's jobs are taken over when their lock expires.
 *
 * <p>Paused means no claims (running jobs finish). {@link #close()} stops claiming, waits a
 * bounded time for running jobs and releases the locks of the jobs that did not start or finish,
 * so other nodes run them at once rather than after the lock duration.
 *
 * <p>{@link #executeDueJobs()} is a synchronous driver for tests and tools: it claims and runs due
 * jobs on the calling thread until none is due, without starting any thread.
 */
public final class JobExecutor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JobExecutor.class);
  private static final int SYNCHRONOUS_RUN_LIMIT = 100_000;

  private final Database database;
  private final Clock clock;
  private final JobStore jobs;
  private final JobRunner runner;
  private final JobExecutorSettings settings;
  private final JobSignal signal;
  private final Semaphore freeSlots;
  private final Set<Claim> held = ConcurrentHashMap.newKeySet();
  private final Set<Claim> running = ConcurrentHashMap.newKeySet();
  private final AtomicInteger threadCounter = new AtomicInteger();
  private final AtomicLong claimCounter = new AtomicLong();
  private final OutageLog outage = new OutageLog(LOG, "Job acquisition");
  private final JobExecutorMetrics metrics;

  private volatile boolean active;
  private volatile boolean stopping;
  private Thread acquisition;
  private ExecutorService workers;
  private ScheduledExecutorService leases;

  JobExecutor(
      Database database,
      Clock clock,
      JobStore jobs,
      JobRunner runner,
      JobSignal signal,
      JobExecutorSettings settings,
      boolean active,
      JobExecutorMetrics metrics) {
    this.database = database;
    this.clock = clock;
    this.jobs = jobs;
    this.runner = runner;
    this.signal = signal;
    this.settings = settings;
    this.active = active;
    this.freeSlots = new Semaphore(settings.heldJobsLimit());
    this.metrics = metrics;
    metrics.watch(this);
  }

  /** Starts the acquisition, worker and lease threads (claiming only while active). */
  public synchronized void start() {
    if (acquisition != null) {
      return;
    }
    workers =
        Executors.newFixedThreadPool(settings.workerThreads(), named("tern-job-worker"));
    leases = Executors.newSingleThreadScheduledExecutor(named("tern-job-lease"));
    long renewMillis = Math.max(1, settings.lockDuration().toMillis() / 3);
    leases.scheduleAtFixedRate(this::renewLeases, renewMillis, renewMillis, TimeUnit.MILLISECONDS);
    acquisition = named("tern-job-acquisition").newThread(this::acquireLoop);
    acquisition.start();
  }

  public String nodeId() {
    return settings.nodeId();
  }

  public JobExecutorSettings settings() {
    return settings;
  }

  /** Whether this node claims jobs (false while paused). */
  public boolean isActive() {
    return active;
  }

  /** Stops claiming; jobs already running finish. */
  public void pause() {
    active = false;
    signal.signal();
  }

  /** Claims again. */
  public void resume() {
    active = true;
    signal.signal();
  }

  boolean stopping() {
    return stopping;
  }

  /** How many jobs this node holds (claimed or running). */
  public int heldJobs() {
    return held.size();
  }

  /** How many jobs this node's workers run right now. */
  public int runningJobs() {
    return running.size();
  }

  /** Whether the executor's threads were started and not yet closed. */
  public synchronized boolean isStarted() {
    return acquisition != null && !stopping;
  }

  /**
   * Claims and runs due jobs on the calling thread until none is due; returns how many runs there
   * were (failed attempts included). A job that is due again at once after failing runs again.
   */
  public int executeDueJobs() {
    int runs = 0;
    while (true) {
      List<Claim> claimed = claim(settings.acquisitionBatchSize());
      if (claimed.isEmpty()) {
        return runs;
      }
      for (Claim claim : claimed) {
        try {
          runMeasured(claim);
        } finally {
          held.remove(claim);
        }
        if (++runs > SYNCHRONOUS_RUN_LIMIT) {
          throw new IllegalStateException("Jobs keep becoming due; stopped after " + runs + " runs");
        }
      }
    }
  }

  /**
   * Claims due jobs under a lock owner of their own ({@code <node id>/<claim number>}), the fencing
   * token of the runs that follow. Every claimed job is run: a job that failed and is due again at
   * once may be claimed while its previous run is still leaving the worker, and is then a new claim
   * with a new token, never confused with the earlier one. A job whose lease lapsed while this node
   * still runs it is not claimed here (see {@link JobStore#claimDue}); the lease thread renews it.
   */
  private List<Claim> claim(int limit) {
    Instant now = clock.instant();
    Instant lockUntil = now.plus(settings.lockDuration());
    String owner = settings.nodeId() + "/" + claimCounter.incrementAndGet();
    Set<String> busy = new HashSet<>();
    held.forEach(claim -> busy.add(claim.owner()));
    List<Job> claimed =
        database.inTransactionWithoutFlush(
            handle -> jobs.claimDue(handle, owner, busy, now, lockUntil, limit));
    List<Claim> claims = claimed.stream().map(job -> new Claim(job, owner)).toList();
    held.addAll(claims);
    metrics.claimed(claims.size());
    return claims;
  }

  private void runMeasured(Claim claim) {
    long start = System.nanoTime();
    JobRunner.Result result = runner.run(claim.job(), claim.owner());
    metrics.ran(claim.job().handlerType(), result.outcome(), System.nanoTime() - start);
  }

  private void acquireLoop() {
    Duration idle = settings.idleDelayMin();
    while (!stopping) {
      try {
        int free = freeSlots.availablePermits();
        if (!active || free == 0 || (free < settings.acquisitionBatchSize() && !workersStarving())) {
          // Claim in batches: one claim per finished job would make the acquisition the
          // bottleneck. Claimed jobs wait in the pool's queue, so workers go on meanwhile.
          signal.await(settings.idleDelayMax());
          continue;
        }
        int wanted = Math.min(free, settings.acquisitionBatchSize());
        List<Claim> claimed = claim(wanted);
        outage.ended();
        if (!claimed.isEmpty()) {
          dispatch(claimed);
          idle = settings.idleDelayMin();
          if (claimed.size() == wanted) {
            continue;
          }
        }
        boolean woken = signal.await(idle);
        idle = woken ? settings.idleDelayMin() : twice(idle);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        outage.failed(e, idle);
        try {
          signal.await(idle);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
        idle = twice(idle);
      }
    }
  }

  /** No claimed job is waiting for a worker. */
  private boolean workersStarving() {
    return held.size() <= running.size();
  }

  private Duration twice(Duration idle) {
    Duration doubled = idle.multipliedBy(2);
    return doubled.compareTo(settings.idleDelayMax()) > 0 ? settings.idleDelayMax() : doubled;
  }

  /** Exclusive jobs of one process instance go to one worker, in claim order. */
  private void dispatch(List<Claim> claimed) {
    Map<String, List<Claim>> groups = new LinkedHashMap<>();
    for (Claim claim : claimed) {
      Job job = claim.job();
      String key =
          job.exclusive() && job.processInstanceId() != null
              ? "pi:" + job.processInstanceId()
              : "job:" + job.id();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(claim);
    }
    freeSlots.acquireUninterruptibly(claimed.size());
    for (List<Claim> group : groups.values()) {
      workers.execute(() -> runGroup(group));
    }
  }

  private void runGroup(List<Claim> group) {
    for (Claim claim : group) {
      try {
        if (!stopping) {
          running.add(claim);
          runMeasured(claim);
        }
      } catch (Throwable e) {
        // The runner records every failure of the job itself; this is the executor's own trouble
        // (e.g. the database gone while recording). The worker goes on; the lock lapses.
        LOG.error("Unexpected error running job {}", claim.job().id(), e);
      } finally {
        running.remove(claim);
        if (!stopping) {
          held.remove(claim);
        }
        freeSlots.release();
        signal.signal();
      }
    }
  }

  private void renewLeases() {
    Instant lockUntil = clock.instant().plus(settings.lockDuration());
    Map<String, List<String>> byOwner = idsByOwner(List.copyOf(held));
    try {
      database.withHandle(
          handle -> {
            byOwner.forEach((owner, ids) -> jobs.extendLocks(handle, ids, owner, lockUntil));
            return null;
          });
    } catch (RuntimeException e) {
      LOG.warn("Could not renew the locks of {} jobs", held.size(), e);
    }
  }

  private static Map<String, List<String>> idsByOwner(List<Claim> claims) {
    Map<String, List<String>> byOwner = new LinkedHashMap<>();
    for (Claim claim : claims) {
      byOwner.computeIfAbsent(claim.owner(), k -> new ArrayList<>()).add(claim.job().id());
    }
    return byOwner;
  }

  /** Stops claiming, waits for running jobs (bounded) and releases the locks of all the rest. */
  @Override
  public synchronized void close() {
    if (acquisition == null || stopping) {
      stopping = true;
      return;
    }
    stopping = true;
    signal.signal();
    acquisition.interrupt();
    try {
      acquisition.join(settings.shutdownTimeout().toMillis());
      workers.shutdown();
      if (!workers.awaitTermination(settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("Jobs still running at shutdown: {}", running);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    leases.shutdownNow();
    // Release every claim still held: the unstarted ones, and the runs that did not finish within
    // the bound (their late commit, if the process lives that long, fails on the fencing token).
    List<Claim> unfinished = List.copyOf(held);
    if (!unfinished.isEmpty()) {
      try {
        database.useTransaction(
            handle -> idsByOwner(unfinished).forEach((owner, ids) -> jobs.unlock(handle, ids, owner)));
      } catch (RuntimeException e) {
        LOG.warn("Could not release the locks of {} jobs; they lapse after the lock duration", unfinished.size(), e);
      }
    }
    workers.shutdownNow();
    held.clear();
  }

  private java.util.concurrent.ThreadFactory named(String prefix) {
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + threadCounter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** A claimed job and the lock owner (fencing token) of that claim. */
  private record Claim(Job job, String owner) {}
}
