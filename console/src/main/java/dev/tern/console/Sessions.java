package dev.tern.console;

import dev.tern.engine.authorization.Caller;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The console's sessions, carried whole by their cookie and signed (HMAC-SHA256) with a secret the
 * nodes share: any node of a cluster accepts a session another node issued, nothing is stored, and
 * a restart signs nobody out. The cookie holds a random id, the user (none before sign-in), when
 * the session began and when it was last seen; a session idle longer than {@code idle} or older
 * than {@code lifetime} has ended. Every page view re-reads the user's groups, so a deleted user's
 * session ends at once and permission changes apply on the next page.
 */
final class Sessions {

  /**
   * One browser's session: {@code caller} is null until its user signed in (or {@link
   * Caller#SYSTEM} when the console runs without authentication); every POST form carries {@code
   * csrfToken}, derived from the id with the secret.
   */
  record Session(String id, Caller caller, String csrfToken) {}

  /**
   * A session found or created, and the cookie value to send back: a new one when the session was
   * created or its last-seen time moved on, else null (the browser's cookie stays).
   */
  record Issued(Session session, String cookie) {}

  /** Last-seen times are written back at most this often, not on every request. */
  static final Duration TOUCH = Duration.ofMinutes(1);

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();
  static final int MIN_SECRET_BYTES = 32;

  private final Clock clock;
  private final Duration idle;
  private final Duration lifetime;
  private final SecretKeySpec key;
  private final Function<String, Optional<Caller>> users;
  private final Caller anonymous;

  /**
   * @param secret at least {@value #MIN_SECRET_BYTES} bytes, the same on every node
   * @param users the caller of a signed-in user id, empty when the user no longer exists
   * @param anonymous the caller of a session nobody signed into: null when users must sign in
   */
  Sessions(
      Clock clock,
      Duration idle,
      Duration lifetime,
      byte[] secret,
      Function<String, Optional<Caller>> users,
      Caller anonymous) {
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "The console's session secret needs at least " + MIN_SECRET_BYTES + " bytes");
    }
    this.clock = clock;
    this.idle = idle;
    this.lifetime = lifetime;
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    this.users = users;
    this.anonymous = anonymous;
  }

  /** A random secret, for a single node that was given none. */
  static byte[] randomSecret() {
    byte[] secret = new byte[MIN_SECRET_BYTES];
    RANDOM.nextBytes(secret);
    return secret;
  }

  /** A new session with a fresh id, for {@code userId} or (null) nobody signed in yet. */
  Issued create(String userId) {
    Caller caller = userId == null ? anonymous : users.apply(userId).orElse(null);
    Instant now = clock.instant();
    String id = B64.encodeToString(randomBytes());
    return new Issued(session(id, caller), cookie(id, userId, now, now));
  }

  /**
   * The live session of this cookie; empty when the cookie is missing, forged, altered, ended or
   * names a user that no longer exists.
   */
  Optional<Issued> find(String cookie) {
    if (cookie == null) {
      return Optional.empty();
    }
    String[] parts = cookie.split("\\.", -1);
    if (parts.length != 5) {
      return Optional.empty();
    }
    String payload = parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3];
    if (!MessageDigest.isEqual(
        sign(payload).getBytes(StandardCharsets.US_ASCII),
        parts[4].getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    String id = parts[0];
    String userId;
    Instant started;
    Instant lastSeen;
    try {
      userId =
          parts[1].isEmpty()
              ? null
              : new String(B64_DECODER.decode(parts[1]), StandardCharsets.UTF_8);
      started = Instant.ofEpochSecond(Long.parseLong(parts[2]));
      lastSeen = Instant.ofEpochSecond(Long.parseLong(parts[3]));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (lastSeen.plus(idle).isBefore(now) || started.plus(lifetime).isBefore(now)) {
      return Optional.empty();
    }
    Caller caller = anonymous;
    if (userId != null) {
      Optional<Caller> user = users.apply(userId);
      if (user.isEmpty()) {
        return Optional.empty();
      }
      caller = user.get();
    }
    String refreshed = lastSeen.plus(TOUCH).isBefore(now) ? cookie(id, userId, started, now) : null;
    return Optional.of(new Issued(session(id, caller), refreshed));
  }

  private Session session(String id, Caller caller) {
    return new Session(id, caller, sign("csrf." + id));
  }

  private String cookie(String id, String userId, Instant started, Instant lastSeen) {
    String payload =
        id
            + "."
            + (userId == null ? "" : B64.encodeToString(userId.getBytes(StandardCharsets.UTF_8)))
            + "."
            + started.getEpochSecond()
            + "."
            + lastSeen.getEpochSecond();
    return payload + "." + sign(payload);
  }

  private String sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return B64.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
