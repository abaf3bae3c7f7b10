package dev.tern.engine.job;

import dev.tern.engine.EngineInternals;
import static dev.tern.engine.job.JobTestSupport.count;
import static dev.tern.engine.job.JobTestSupport.engine;
import static dev.tern.engine.job.JobTestSupport.handler;
import static dev.tern.engine.job.JobTestSupport.insert;
import static dev.tern.engine.job.JobTestSupport.insertProcessInstance;
import static dev.tern.engine.job.JobTestSupport.job;
import static dev.tern.engine.job.JobTestSupport.newId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The claim statement itself: never more than asked for, in claim order, each job once. */
@DatabaseTest
class JobClaimTest {

  private final TestDatabase db;
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05Z"));
  private ProcessEngine engine;

  JobClaimTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void setUp() {
    JobTestSupport.clean(db);
    engine = engine(db, clock, handler((job, h) -> {})).build();
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  @Test
  void repeatedClaimsNeverTakeMoreThanTheLimitAndNeverTheSameJobTwice() {
    // Enough claims of one prepared statement for PostgreSQL to switch to its generic plan, where
    // an "id IN (… LIMIT n FOR UPDATE SKIP LOCKED)" form could rescan and claim far more than n.
    for (int i = 0; i < 300; i++) {
      String instance = newId();
      insertProcessInstance(engine, instance);
      insert(engine, job(engine, instance, true));
    }
    Set<String> claimed = new HashSet<>();
    for (int round = 0; round < 40; round++) {
      List<Job> batch = claim(3);
      assertThat(batch).hasSizeLessThanOrEqualTo(3).isNotEmpty();
      batch.forEach(job -> assertThat(claimed.add(job.id())).as("claimed twice: %s", job.id()).isTrue());
    }

    assertThat(claimed).hasSize(120);
    assertThat(count(engine, "SELECT COUNT(*) FROM tern_job WHERE lock_owner = :owner", Map.of("owner", "node")))
        .isEqualTo(120);
  }

  @Test
  void jobsWithoutRetriesOrNotYetDueAreNotClaimed() {
    Job due = insert(engine, job(engine, null, false));
    insert(engine, job(engine, null, false, clock.instant().plusSeconds(60), 3, "later"));
    insert(engine, job(engine, null, false, null, 0, "failed"));

    assertThat(claim(10)).extracting(Job::id).containsExactly(due.id());
    clock.advance(Duration.ofSeconds(61));
    assertThat(claim(10)).extracting(Job::activityId).containsExactly("later");
  }

  private List<Job> claim(int limit) {
    Instant now = clock.instant();
    return EngineInternals.database(engine)
        .inTransactionWithoutFlush(
            h -> JobFixture.store(engine).claimDue(h, "node", List.of(), now, now.plus(Duration.ofMinutes(5)), limit));
  }
}
