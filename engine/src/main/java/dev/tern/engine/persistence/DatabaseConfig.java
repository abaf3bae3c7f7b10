package dev.tern.engine.persistence;

import java.util.Objects;

/** Where the database is and how many connections the engine may hold. */
public record DatabaseConfig(String jdbcUrl, String user, String password, int maxPoolSize) {

  public static final String DEFAULT_H2_URL =
      "jdbc:h2:file:./data/tern;AUTO_SERVER=FALSE;LOCK_TIMEOUT=10000";

  public static final int DEFAULT_POOL_SIZE = 24;

  public DatabaseConfig {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("maxPoolSize must be at least 1");
    }
  }

  public static DatabaseConfig of(String jdbcUrl, String user, String password) {
    return new DatabaseConfig(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
  }

  public Dialect dialect() {
    return Dialect.fromJdbcUrl(jdbcUrl);
  }
}
