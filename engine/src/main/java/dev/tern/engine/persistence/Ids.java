package dev.tern.engine.persistence;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7 layout): the leading 48 bits are the millisecond clock, so ids made
 * close in time sit close together in primary-key indexes.
 */
public final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;

  public Ids(Clock clock) {
    this.clock = clock;
  }

  public String next() {
    long millis = clock.millis();
    long randomA = RANDOM.nextLong();
    long randomB = RANDOM.nextLong();
    long msb = (millis << 16) | 0x7000L | (randomA & 0x0FFFL);
    long lsb = (randomB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
