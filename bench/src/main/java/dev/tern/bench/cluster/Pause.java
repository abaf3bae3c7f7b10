package dev.tern.bench.cluster;

import dev.tern.bench.BenchFailure;
import java.time.Duration;

/** Sleeps; an interrupt ends the run. */
final class Pause {

  private Pause() {}

  static void of(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailure("interrupted", e);
    }
  }
}
