package dev.tern.bench.cluster;

/** The one PostgreSQL database all nodes share, and how to restart its server during the run. */
public interface ClusterDatabase {

  String jdbcUrl();

  String user();

  String password();

  /** Stops the server (dropping every connection) and starts it again; returns once it accepts connections. */
  void restart();
}
