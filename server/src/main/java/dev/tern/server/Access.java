package dev.tern.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;

/**
 * Who can reach the API: the address the server binds to, whether requests must authenticate, and
 * the administrator created (or reset) at start-up.
 *
 * @param host {@code TERN_HOST}, default {@code 127.0.0.1}
 * @param auth {@code TERN_AUTH}: {@code none} (default on a loopback address) or {@code basic}
 * @param adminUser {@code TERN_ADMIN_USER}, or null
 * @param adminPassword {@code TERN_ADMIN_PASSWORD}, or null; never logged
 * @param consoleSecret {@code TERN_CONSOLE_SECRET}: signs the console's session cookies, the same
 *     on every node (at least 32 characters), or null for a random one per node; never logged
 */
public record Access(
    String host, AuthMode auth, String adminUser, String adminPassword, String consoleSecret) {

  /** How requests authenticate. */
  public enum AuthMode {
    NONE,
    BASIC
  }

  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Loopback only, no authentication, no administrator. */
  public static final Access LOCAL = new Access(DEFAULT_HOST, AuthMode.NONE, null, null);

  public static final int MIN_CONSOLE_SECRET = 32;

  public Access(String host, AuthMode auth, String adminUser, String adminPassword) {
    this(host, auth, adminUser, adminPassword, null);
  }

  public Access {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException(ServerConfig.HOST + " must not be empty");
    }
    if ((adminUser == null) != (adminPassword == null)) {
      throw new IllegalArgumentException(
          ServerConfig.ADMIN_USER + " and " + ServerConfig.ADMIN_PASSWORD + " go together");
    }
    if (consoleSecret != null
        && consoleSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
            < MIN_CONSOLE_SECRET) {
      throw new IllegalArgumentException(
          ServerConfig.CONSOLE_SECRET
              + " must have at least "
              + MIN_CONSOLE_SECRET
              + " characters");
    }
  }

  /**
   * Reads the access keys. Listening beyond this machine without authentication is refused unless
   * {@code TERN_AUTH=none} says so explicitly: a forgotten setting must not open the engine (which
   * runs deployed code) to a network.
   */
  static Access from(Map<String, String> values) {
    String host = values.getOrDefault(ServerConfig.HOST, DEFAULT_HOST).trim();
    String authValue = values.get(ServerConfig.AUTH);
    AuthMode auth = parseAuth(authValue);
    if (auth == AuthMode.NONE && authValue == null && !isLoopback(host)) {
      throw new IllegalArgumentException(
          "Refusing to listen on "
              + host
              + " without authentication: set "
              + ServerConfig.AUTH
              + "=basic (with "
              + ServerConfig.ADMIN_USER
              + "/"
              + ServerConfig.ADMIN_PASSWORD
              + "), or "
              + ServerConfig.AUTH
              + "=none to allow anyone who can reach this address to use the engine, or "
              + ServerConfig.HOST
              + "=127.0.0.1");
    }
    return new Access(
        host,
        auth,
        values.get(ServerConfig.ADMIN_USER),
        values.get(ServerConfig.ADMIN_PASSWORD),
        values.get(ServerConfig.CONSOLE_SECRET));
  }

  private static AuthMode parseAuth(String value) {
    if (value == null) {
      return AuthMode.NONE;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "none" -> AuthMode.NONE;
      case "basic" -> AuthMode.BASIC;
      default ->
          throw new IllegalArgumentException(
              ServerConfig.AUTH + " must be none or basic, was '" + value + "'");
    };
  }

  /** Whether {@code host} names only this machine (a literal or a name resolving to loopback). */
  static boolean isLoopback(String host) {
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(ServerConfig.HOST + " is not a known address: " + host);
    }
  }

  @Override
  public String toString() {
    return "host=" + host + ", auth=" + auth + ", adminUser=" + adminUser;
  }
}
