package dev.tern.bench.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tern-bench cluster --jdbc-url … --db-restart-command …}: the cluster fault run against an
 * empty PostgreSQL database (bench/run-cluster.sh starts one and passes both); exits 1 when any
 * guarantee was found broken.
 */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = "N tern.jar nodes on one PostgreSQL: kill -9, SIGSTOP past the lock, database restart; then audits.")
public final class ClusterBench implements Callable<Integer> {

  @Option(names = "--nodes", defaultValue = "3", description = "nodes (default: ${DEFAULT-VALUE})")
  int nodes;

  @Option(names = {"-n", "--instances"}, defaultValue = "3000", description = "instances (default: ${DEFAULT-VALUE})")
  int instances;

  @Option(names = "--feed-time", defaultValue = "PT60S", description = "instances are started evenly over this time (default: ${DEFAULT-VALUE})")
  Duration feedTime;

  @Option(names = "--clients", defaultValue = "8", description = "concurrent HTTP clients starting instances (default: ${DEFAULT-VALUE})")
  int clients;

  @Option(names = "--stub-delay", defaultValue = "PT0.05S", description = "time the stub takes per call (default: ${DEFAULT-VALUE})")
  Duration stubDelay;

  @Option(names = "--lock-duration", defaultValue = "PT5S", description = "TERN_JOB_LOCK_DURATION of the nodes (default: ${DEFAULT-VALUE})")
  Duration lockDuration;

  @Option(names = "--freeze", description = "how long a node stays frozen (default: twice the lock duration)")
  Duration freeze;

  @Option(names = "--workers", defaultValue = "16", description = "TERN_JOB_WORKERS of each node (default: ${DEFAULT-VALUE})")
  int workers;

  @Option(names = "--jar", defaultValue = "server/target/tern.jar", description = "the server jar (default: ${DEFAULT-VALUE})")
  Path jar;

  @Option(names = "--java-options", defaultValue = "-Xmx512m", description = "JVM options of each node, space separated (default: ${DEFAULT-VALUE})")
  String javaOptions;

  @Option(names = "--work-dir", description = "node working directories and logs (default: a new temporary directory)")
  Path workDir;

  @Option(names = "--jdbc-url", required = true, description = "an empty PostgreSQL database")
  String jdbcUrl;

  @Option(names = "--jdbc-user", defaultValue = "postgres", description = "database user (default: ${DEFAULT-VALUE})")
  String jdbcUser;

  @Option(names = "--jdbc-password", defaultValue = "", description = "database password")
  String jdbcPassword;

  @Option(names = "--db-restart-command", required = true, description = "shell command restarting the database server, e.g. pg_ctl -D … -m fast -w restart")
  String restartCommand;

  @Option(names = "--timeout", defaultValue = "PT5M", description = "longest wait for the instances to finish after the last start (default: ${DEFAULT-VALUE})")
  Duration timeout;

  @Override
  public Integer call() throws Exception {
    Path dir = workDir != null ? workDir : Files.createTempDirectory("tern-cluster");
    ClusterConfig config =
        new ClusterConfig(
            nodes,
            new NodeSetup(jar, options(), workers, lockDuration, dir),
            new Workload(instances, feedTime, clients, stubDelay),
            freeze != null ? freeze : lockDuration.multipliedBy(2),
            timeout);
    ClusterDatabase database = new ShellRestartedDatabase(jdbcUrl, jdbcUser, jdbcPassword, restartCommand);
    System.out.println("node logs: " + dir);
    ClusterReport report = new ClusterRun(config, database, System.out).run();
    System.out.println();
    report.print(System.out);
    return report.passed() ? 0 : 1;
  }

  private List<String> options() {
    return Arrays.stream(javaOptions.trim().split("\\s+")).filter(o -> !o.isEmpty()).toList();
  }
}
