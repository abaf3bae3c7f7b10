package dev.tern.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster fault run, small: three {@code tern.jar} processes on one embedded PostgreSQL, 300
 * instances of two failing-once HTTP calls started over 24 s, a lock duration of 5 s; one node is
 * killed with {@code kill -9}, one frozen with {@code SIGSTOP} for 10 s, the database restarted, the
 * killed node started again. PostgreSQL only: several processes cannot share an embedded H2
 * database. The bigger run is {@code bench/run-cluster.sh} (docs/reliability.md).
 */
class ClusterFaultTest {

  @Test
  void everyInstanceFinishesOnceThroughKillFreezeAndDatabaseRestart(@TempDir Path dir) {
    Path jar = Path.of(System.getProperty("tern.server.jar", "../server/target/tern.jar"));
    assertThat(jar).as("the server jar (the reactor packages the server before the bench)").exists();
    ClusterConfig config =
        new ClusterConfig(
            3,
            new NodeSetup(
                jar,
                List.of("-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                8,
                Duration.ofSeconds(5),
                dir.resolve("nodes")),
            new Workload(300, Duration.ofSeconds(24), 4, Duration.ofMillis(100)),
            Duration.ofSeconds(10),
            Duration.ofMinutes(2));

    ClusterReport report;
    try (EmbeddedClusterDatabase database = new EmbeddedClusterDatabase(dir.resolve("pg"))) {
      report = new ClusterRun(config, database, System.out).run();
    }
    report.print(System.out);

    assertThat(report.violations()).isEmpty();
    assertThat(report.number("instances")).isGreaterThanOrEqualTo(250);
    // each fault struck work in progress, and the work moved on
    assertThat(report.number("jobs held by the killed node")).isPositive();
    assertThat(report.number("jobs held by the frozen node")).isPositive();
    assertThat(report.value("kill -9: its jobs taken over after (s)")).hasValueSatisfying(v -> assertThat(v).isNotEqualTo("not reached"));
    // all of them only if the one live node has free workers in time: not asserted on a busy machine
    assertThat(report.value("SIGSTOP: first of its jobs taken over after (s)")).hasValueSatisfying(v -> assertThat(v).isNotEqualTo("not reached"));
    assertThat(report.value("first job completed after the restart (s)")).hasValueSatisfying(v -> assertThat(v).isNotEqualTo("not reached"));
  }
}
