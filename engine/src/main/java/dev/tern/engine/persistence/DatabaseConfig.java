package dev.tern.engine.persistence;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the database is, how many connections the engine may hold, and how long one statement may
 * run before the database cancels it (so no request holds a connection and a core forever).
 */
public record DatabaseConfig(
    String jdbcUrl, String user, String password, int maxPoolSize, Duration statementTimeout) {

  public static final String DEFAULT_H2_URL =
      "jdbc:h2:file:./data/tern;AUTO_SERVER=FALSE;LOCK_TIMEOUT=10000";

  public static final int DEFAULT_POOL_SIZE = 24;

  public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(30);

  /**
   * How long a caller waits for a connection before it fails (Hikari's default is 30 s): while the
   * database is unreachable, API calls answer with an error within this bound instead of hanging.
   */
  public static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

  public DatabaseConfig {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("maxPoolSize must be at least 1");
    }
    if (statementTimeout.toSeconds() < 1) {
      throw new IllegalArgumentException("statementTimeout must be at least one second");
    }
  }

  /** With the default statement timeout of 30 seconds. */
  public DatabaseConfig(String jdbcUrl, String user, String password, int maxPoolSize) {
    this(jdbcUrl, user, password, maxPoolSize, DEFAULT_STATEMENT_TIMEOUT);
  }

  public DatabaseConfig withStatementTimeout(Duration timeout) {
    return new DatabaseConfig(jdbcUrl, user, password, maxPoolSize, timeout);
  }

  public static DatabaseConfig of(String jdbcUrl, String user, String password) {
    return new DatabaseConfig(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
  }

  public Dialect dialect() {
    return Dialect.fromJdbcUrl(jdbcUrl);
  }
}
