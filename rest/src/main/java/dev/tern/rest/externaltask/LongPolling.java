package dev.tern.rest.externaltask;

import dev.tern.engine.authorization.Caller;
import dev.tern.engine.externaltask.ExternalTaskService;
import dev.tern.engine.externaltask.FetchRequest;
import dev.tern.engine.externaltask.LockedExternalTask;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fetches that wait for tasks ({@code asyncResponseTimeout}) without holding a request thread or a
 * database connection: each waits as a future. A task created, unlocked or given retries on this
 * node wakes every waiting fetch at once (the engine's signal after commit); tasks of other nodes,
 * and locks that expire, are found by a re-try of every waiting fetch each {@link #POLL} while any
 * waits. Two shared daemon threads run the attempts, one at a time per fetch; one times them.
 */
final class LongPolling {

  /** The bound on how late a task created on another node is noticed. */
  static final Duration POLL = Duration.ofSeconds(1);

  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "tern-fetch-and-lock-timer"));
  private static final ExecutorService ATTEMPTS =
      Executors.newFixedThreadPool(2, r -> daemon(r, "tern-fetch-and-lock"));

  private final ExternalTaskService tasks;
  private final Set<Waiting> waiting = ConcurrentHashMap.newKeySet();
  private final Runnable wakeAll = () -> waiting.forEach(this::wake);
  private ScheduledFuture<?> polling;

  LongPolling(ExternalTaskService tasks) {
    this.tasks = tasks;
    tasks.signal().addListener(wakeAll);
  }

  /** A future that completes with tasks as soon as some are locked, or empty after the timeout. */
  CompletableFuture<List<LockedExternalTask>> await(
      Caller caller, FetchRequest request, long timeoutMillis) {
    Waiting w = new Waiting(caller, request, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
    waiting.add(w);
    w.result.whenComplete((r, e) -> waiting.remove(w));
    TIMER.schedule(() -> wake(w), timeoutMillis, TimeUnit.MILLISECONDS);
    startPolling();
    return w.result;
  }

  private synchronized void startPolling() {
    if (polling == null) {
      polling = TIMER.scheduleWithFixedDelay(this::poll, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void poll() {
    if (waiting.isEmpty()) {
      polling.cancel(false);
      polling = null;
      return;
    }
    wakeAll.run();
  }

  private void wake(Waiting w) {
    if (w.result.isDone()) {
      return;
    }
    w.again.set(true);
    if (w.running.compareAndSet(false, true)) {
      ATTEMPTS.execute(() -> attempt(w));
    }
  }

  private void attempt(Waiting w) {
    try {
      while (w.again.getAndSet(false) && !w.result.isDone()) {
        List<LockedExternalTask> locked = tasks.fetchAndLock(w.caller, w.request);
        if (!locked.isEmpty() || System.nanoTime() - w.deadline >= 0) {
          w.result.complete(locked);
        }
      }
    } catch (RuntimeException e) {
      w.result.completeExceptionally(e);
    } finally {
      w.running.set(false);
      if (w.again.get()) {
        wake(w);
      }
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static final class Waiting {
    final Caller caller;
    final FetchRequest request;
    final long deadline;
    final CompletableFuture<List<LockedExternalTask>> result = new CompletableFuture<>();
    final AtomicBoolean running = new AtomicBoolean();
    final AtomicBoolean again = new AtomicBoolean();

    Waiting(Caller caller, FetchRequest request, long deadline) {
      this.caller = caller;
      this.request = request;
      this.deadline = deadline;
    }
  }
}
