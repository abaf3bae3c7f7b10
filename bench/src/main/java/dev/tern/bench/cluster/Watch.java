package dev.tern.bench.cluster;

import java.time.Duration;
import java.util.function.LongPredicate;

/**
 * Polls one count on the database in the background until it satisfies a condition, and keeps how
 * long that took from the watch's start. Failed polls (the database restarting) are retried.
 */
final class Watch {

  private static final Duration POLL = Duration.ofMillis(100);

  private final long startNanos = System.nanoTime();
  private final Thread thread;
  private volatile Double seconds;

  private Watch(Sql sql, LongPredicate done, String query, Object[] args) {
    thread =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  if (done.test(sql.count(query, args))) {
                    seconds = (System.nanoTime() - startNanos) / 1e9;
                    return;
                  }
                } catch (RuntimeException retry) {
                  // the database is away; poll again
                }
                try {
                  Thread.sleep(POLL.toMillis());
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "cluster-watch");
    thread.setDaemon(true);
    thread.start();
  }

  /** From now until {@code query} (a count) satisfies {@code done}. */
  static Watch until(Sql sql, LongPredicate done, String query, Object... args) {
    return new Watch(sql, done, query, args);
  }

  /** Seconds until the condition held, or null if it has not (yet). */
  Double seconds() {
    return seconds;
  }

  boolean reached() {
    return seconds != null;
  }

  void stop() {
    thread.interrupt();
  }
}
