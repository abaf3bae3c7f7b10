package dev.tern.bench.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * An embedded PostgreSQL server of its own (not the shared one of {@code @DatabaseTest}: this one is
 * restarted), on a fixed port and data directory so that a restart is the same server again.
 */
final class EmbeddedClusterDatabase implements ClusterDatabase, AutoCloseable {

  private final EmbeddedPostgres.Builder builder;
  private EmbeddedPostgres postgres;

  EmbeddedClusterDatabase(Path dataDirectory) {
    this.builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setPort(FreePort.find())
            .setServerConfig("max_connections", "200");
    this.postgres = start();
  }

  @Override
  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  @Override
  public String user() {
    return "postgres";
  }

  @Override
  public String password() {
    return "";
  }

  @Override
  public synchronized void restart() {
    close();
    postgres = start();
  }

  private EmbeddedPostgres start() {
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
