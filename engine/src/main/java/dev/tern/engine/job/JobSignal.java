package dev.tern.engine.job;

import java.time.Duration;

/**
 * A wake-up hint for the job executor: signalled when this node creates a job (after the creating
 * transaction commits), frees a worker, or changes state. Only a hint: the executor re-checks the
 * database, so a lost or spurious signal costs at most one idle wait.
 */
final class JobSignal {

  private boolean signalled;

  public synchronized void signal() {
    signalled = true;
    notifyAll();
  }

  /** Waits until signalled or the timeout passes; returns whether a signal arrived. */
  public synchronized boolean await(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!signalled) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    signalled = false;
    return true;
  }
}
