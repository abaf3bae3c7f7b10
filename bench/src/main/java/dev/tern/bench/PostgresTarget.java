package dev.tern.bench;

import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.DatabaseConfig;
import dev.tern.engine.persistence.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The PostgreSQL database a measuring command works on (a picocli mixin), and the machine's load
 * while it measures: the reports say how busy the shared machine was.
 */
public final class PostgresTarget {

  @Option(names = "--jdbc-url", required = true, description = "a PostgreSQL database (empty, or loaded by an earlier run)")
  String jdbcUrl;

  @Option(names = "--jdbc-user", defaultValue = "postgres", description = "(default: ${DEFAULT-VALUE})")
  String user;

  @Option(names = "--jdbc-password", defaultValue = "", description = "(default: empty)")
  String password;

  /** Whether the URL names PostgreSQL, the only database these commands measure. */
  public boolean isPostgres() {
    return Dialect.fromJdbcUrl(jdbcUrl) == Dialect.POSTGRES;
  }

  /** Opens the engine's pool on it (migrating it). */
  public Database open(int poolSize) {
    return Database.open(new DatabaseConfig(jdbcUrl, user, password, poolSize));
  }

  /** The 1-, 5- and 15-minute load averages (Linux), or "unknown". */
  public static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + " / " + f[1] + " / " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
