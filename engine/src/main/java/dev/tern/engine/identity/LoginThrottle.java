package dev.tern.engine.identity;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a user's logins are refused after failures: {@code base × 2^(failures-1)}, at most
 * {@code max} (Camunda's login delay settings, 3 s doubling up to 60 s). A success resets it. Not
 * a permanent lock, so an attacker cannot lock the administrator out for good.
 */
record LoginThrottle(Duration base, Duration max) {

  static final LoginThrottle DEFAULT = new LoginThrottle(Duration.ofSeconds(3), Duration.ofSeconds(60));

  Instant lockedUntil(Instant now, int failures) {
    long factor = 1L << Math.min(failures - 1, 20);
    Duration delay = base.multipliedBy(factor);
    return now.plus(delay.compareTo(max) > 0 ? max : delay);
  }
}
