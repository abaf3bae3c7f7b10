package dev.tern.engine.testing;

import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.DatabaseConfig;
import dev.tern.engine.persistence.Dialect;

/**
 * A migrated, empty database private to one run of a {@link DatabaseTest} class. Tests get it as a
 * constructor parameter; it is closed and dropped when the class run ends.
 */
public final class TestDatabase implements AutoCloseable {

  private final String name;
  private final DatabaseConfig config;
  private final Database database;
  private final Runnable drop;

  TestDatabase(String name, DatabaseConfig config, Runnable drop) {
    this.name = name;
    this.config = config;
    this.drop = drop;
    this.database = Database.open(config);
  }

  /** The migrated database; do not close it, the test infrastructure does. */
  public Database database() {
    return database;
  }

  public Dialect dialect() {
    return database.dialect();
  }

  /** {@code H2} or {@code PostgreSQL}. */
  public String name() {
    return name;
  }

  /**
   * Where this database is, for tests that need a second connection pool on the same data (for
   * example two engines acting as two nodes). Whoever opens another {@link Database} closes it.
   */
  public DatabaseConfig config() {
    return config;
  }

  /** The rows of a query with positional arguments, each as a column-name map. */
  public java.util.List<java.util.Map<String, Object>> rows(String sql, Object... args) {
    return database.withHandle(
        h -> {
          var query = h.createQuery(sql);
          for (int i = 0; i < args.length; i++) {
            query.bind(i, args[i]);
          }
          return query.mapToMap().list();
        });
  }

  @Override
  public void close() {
    try {
      database.close();
    } finally {
      drop.run();
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
