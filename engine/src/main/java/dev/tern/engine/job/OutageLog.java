package dev.tern.engine.job;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/**
 * Logs a repeating failure once when it starts and once when it ends (e.g. the database is down
 * and every claim fails), instead of once per attempt; the attempts between go to debug.
 */
final class OutageLog {

  private final Logger log;
  private final String what;
  private final AtomicBoolean down = new AtomicBoolean();

  OutageLog(Logger log, String what) {
    this.log = log;
    this.what = what;
  }

  void failed(Exception e, Duration nextAttempt) {
    if (down.compareAndSet(false, true)) {
      log.warn("{} failed; retrying with back-off (further failures logged at debug)", what, e);
    } else {
      log.debug("{} failed again; retrying after {}", what, nextAttempt, e);
    }
  }

  void ended() {
    if (down.compareAndSet(true, false)) {
      log.info("{} works again", what);
    }
  }

  boolean isDown() {
    return down.get();
  }
}
