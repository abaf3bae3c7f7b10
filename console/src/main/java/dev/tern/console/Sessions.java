package dev.tern.console;

import dev.tern.engine.authorization.Caller;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The console's sessions, in this node's memory: a node that restarts forgets them (users sign in
 * again), and behind a load balancer a user needs sticky sessions. At most {@code max} sessions;
 * beyond that the least recently used goes, so anonymous visitors cannot grow the heap without
 * limit. A session idle longer than {@code idle} has ended.
 */
final class Sessions {

  /**
   * One browser's session: {@code caller} is null until its user signed in (or {@link
   * Caller#SYSTEM} when the console runs without authentication); every POST form carries {@code
   * csrfToken}.
   */
  record Session(String id, Caller caller, String csrfToken) {}

  private record Entry(Session session, Instant lastSeen) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;
  private final Duration idle;
  private final Map<String, Entry> entries;

  Sessions(Clock clock, Duration idle, int max) {
    this.clock = clock;
    this.idle = idle;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > max;
          }
        };
  }

  /** A new session with fresh id and CSRF token. */
  synchronized Session create(Caller caller) {
    Session session = new Session(token(), caller, token());
    entries.put(session.id(), new Entry(session, clock.instant()));
    return session;
  }

  /** The live session with this id, marked as seen now. */
  synchronized Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Entry entry = entries.get(id);
    if (entry == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (entry.lastSeen().plus(idle).isBefore(now)) {
      entries.remove(id);
      return Optional.empty();
    }
    entries.put(id, new Entry(entry.session(), now));
    return Optional.of(entry.session());
  }

  synchronized void remove(String id) {
    entries.remove(id);
  }

  private static String token() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
