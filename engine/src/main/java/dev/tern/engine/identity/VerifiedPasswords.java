package dev.tern.engine.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passwords bcrypt accepted lately, so that HTTP Basic (credentials on every request) does not pay
 * bcrypt's deliberate cost per request. Holds one keyed SHA-256 digest per user (the key is random
 * per process, never stored), compared in constant time; an entry lives {@link #TTL} and goes at
 * once when this node changes or deletes the user. Another node's password change takes effect here
 * within {@link #TTL}.
 */
final class VerifiedPasswords {

  static final Duration TTL = Duration.ofSeconds(60);
  private static final int MAX_ENTRIES = 10_000;

  private record Entry(byte[] digest, Instant expires) {}

  private final Clock clock;
  private final byte[] key = new byte[32];
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  VerifiedPasswords(Clock clock) {
    this.clock = clock;
    new SecureRandom().nextBytes(key);
  }

  boolean contains(String userId, String password) {
    Entry entry = entries.get(userId);
    if (entry == null || !clock.instant().isBefore(entry.expires())) {
      return false;
    }
    return MessageDigest.isEqual(entry.digest(), digest(userId, password));
  }

  void add(String userId, String password) {
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(userId, new Entry(digest(userId, password), clock.instant().plus(TTL)));
  }

  void forget(String userId) {
    entries.remove(userId);
  }

  private byte[] digest(String userId, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(key);
      sha.update(userId.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      return sha.digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
