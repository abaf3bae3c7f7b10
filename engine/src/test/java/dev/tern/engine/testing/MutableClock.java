package dev.tern.engine.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that tests move by hand, so timers and retry waits need no sleeping. Millisecond
 * precision (as the database stores it); safe to read and move from several threads.
 */
public final class MutableClock extends Clock {

  private final AtomicLong epochMillis;
  private final ZoneId zone;

  private MutableClock(AtomicLong epochMillis, ZoneId zone) {
    this.epochMillis = epochMillis;
    this.zone = zone;
  }

  /** A UTC clock standing at {@code start} (truncated to milliseconds). */
  public static MutableClock startingAt(Instant start) {
    return new MutableClock(new AtomicLong(start.toEpochMilli()), ZoneOffset.UTC);
  }

  /** Moves the clock forward (or back, for a negative duration). */
  public void advance(Duration duration) {
    epochMillis.addAndGet(duration.toMillis());
  }

  public void set(Instant instant) {
    epochMillis.set(instant.toEpochMilli());
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(epochMillis.get());
  }

  @Override
  public long millis() {
    return epochMillis.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view in another zone that moves together with this clock. */
  @Override
  public MutableClock withZone(ZoneId zone) {
    return new MutableClock(epochMillis, zone);
  }

  @Override
  public String toString() {
    return "MutableClock[" + instant() + "," + zone + "]";
  }
}
