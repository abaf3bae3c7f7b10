package dev.tern.bench.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How each node is started: the jar, JVM options, worker threads and lock duration
 * ({@code TERN_JOB_LOCK_DURATION}); working directories and logs go under {@code workDir}.
 */
public record NodeSetup(Path jar, List<String> javaOptions, int workers, Duration lockDuration, Path workDir) {

  public NodeSetup {
    javaOptions = List.copyOf(javaOptions);
  }

  /** The environment of a node on {@code database}. */
  Map<String, String> env(ClusterDatabase database) {
    return Map.of(
        "TERN_DB_URL", database.jdbcUrl(),
        "TERN_DB_USER", database.user(),
        "TERN_DB_PASSWORD", database.password(),
        "TERN_JOB_WORKERS", Integer.toString(workers),
        "TERN_DB_POOL_SIZE", Integer.toString(workers + 6),
        "TERN_JOB_LOCK_DURATION", lockDuration.toString(),
        // failed jobs are due again after 1 s; an idle node looks at least that often
        "TERN_JOB_IDLE_DELAY_MAX", "PT1S",
        "TERN_JOB_SHUTDOWN_TIMEOUT", "PT5S");
  }
}
