package dev.tern.bench.cluster;

import dev.tern.bench.BenchFailure;
import java.io.IOException;

/** A database whose server is restarted by a shell command (e.g. {@code pg_ctl -D … -m fast -w restart}). */
record ShellRestartedDatabase(String jdbcUrl, String user, String password, String restartCommand)
    implements ClusterDatabase {

  @Override
  public void restart() {
    try {
      Process process = new ProcessBuilder("sh", "-c", restartCommand).inheritIO().start();
      int exit = process.waitFor();
      if (exit != 0) {
        throw new BenchFailure("database restart command exited with " + exit + ": " + restartCommand);
      }
    } catch (IOException e) {
      throw new BenchFailure("database restart command failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailure("interrupted", e);
    }
  }
}
