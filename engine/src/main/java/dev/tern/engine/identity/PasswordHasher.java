package dev.tern.engine.identity;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/**
 * Salted, deliberately slow password hashes (bcrypt). bcrypt reads at most 72 bytes, so longer
 * passwords are refused rather than silently cut.
 */
final class PasswordHasher {

  static final int MAX_PASSWORD_BYTES = 72;

  private final int cost;
  /** Compared against when a user is unknown, so that an unknown user costs as much time. */
  private final String decoy;

  PasswordHasher(int cost) {
    this.cost = cost;
    this.decoy = hash("decoy-password-for-unknown-users");
  }

  String hash(String password) {
    return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
  }

  /** Whether {@code password} matches {@code hash}; a null hash (no password set) never matches. */
  boolean matches(String password, String hash) {
    byte[] candidate = password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8);
    if (candidate.length > MAX_PASSWORD_BYTES) {
      return false;
    }
    boolean known = hash != null;
    // The library compares the hashes in constant time.
    boolean verified =
        BCrypt.verifyer()
            .verify(candidate, (known ? hash : decoy).getBytes(StandardCharsets.UTF_8))
            .verified;
    return known && verified;
  }
}
