package dev.tern.engine.job;

import static dev.tern.engine.job.JobTestSupport.engine;
import static dev.tern.engine.job.JobTestSupport.handler;
import static dev.tern.engine.job.JobTestSupport.insert;
import static dev.tern.engine.job.JobTestSupport.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL becomes unreachable (its connections killed, new ones refused) and comes back: calls
 * meanwhile fail within the pool's connection timeout instead of hanging, and the job executor goes
 * on by itself once the database is back, without a restart.
 */
@DatabaseTest
class DatabaseOutageTest {

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05Z"));
  private ProcessEngine engine;

  DatabaseOutageTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void clean() {
    JobTestSupport.clean(db);
  }

  @AfterEach
  void close() throws SQLException {
    if (engine != null) {
      allowConnections(true);
      engine.close();
    }
  }

  @Test
  void callsFailPromptlyDuringAnOutageAndJobsRunAgainAfterIt() throws Exception {
    Assumptions.assumeTrue(db.name().equals("PostgreSQL"), "an outage needs a database server");
    AtomicInteger runs = new AtomicInteger();
    engine =
        engine(db, clock, handler((job, h) -> runs.incrementAndGet()))
            .jobExecutorSettings(
                JobExecutorSettings.defaults()
                    .withIdleDelays(Duration.ofMillis(5), Duration.ofMillis(200)))
            .startJobExecutor(true)
            .build();
    insert(engine, job(engine, null, false));
    await().atMost(Duration.ofSeconds(30)).until(() -> runs.get() == 1);

    allowConnections(false);
    CompletableFuture<Long> call =
        CompletableFuture.supplyAsync(
            () -> engine.jobService().countJobs(engine.jobService().createJobQuery()));

    // The pool gives up after its connection timeout (5 s); a hanging call would time out here.
    ExecutionException failed =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExecutionException.class, () -> call.get(30, TimeUnit.SECONDS));
    assertThat(failed.getCause()).isNotNull();

    allowConnections(true);
    // A pooled connection ended during the outage may still be handed out once before the pool
    // notices; the caller sees that one call fail, as after any database restart.
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> {
              insert(engine, job(engine, null, false));
              return true;
            });
    await().atMost(Duration.ofSeconds(30)).until(() -> runs.get() == 2);
    // the handler counts inside the job's transaction; the job row goes when that commits
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> engine.jobService().countJobs(engine.jobService().createJobQuery()) == 0);
    assertThat(runs.get()).as("each inserted job ran once").isEqualTo(2);
  }

  /** Refuses (or allows again) new connections to the test database and ends the open ones. */
  private void allowConnections(boolean allow) throws SQLException {
    String url = db.config().jdbcUrl();
    String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
    try (Connection connection =
            DriverManager.getConnection(admin, db.config().user(), db.config().password());
        Statement statement = connection.createStatement()) {
      statement.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS " + allow);
      if (!allow) {
        statement.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
      }
    }
  }
}
