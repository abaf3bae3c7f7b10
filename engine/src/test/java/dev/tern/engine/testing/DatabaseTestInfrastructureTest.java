package dev.tern.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.persistence.Dialect;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

@DatabaseTest

class DatabaseTestInfrastructureTest {

  private final TestDatabase db;

  DatabaseTestInfrastructureTest(TestDatabase db) {
    this.db = db;
  }

  @Test
  void databaseIsMigratedAndEmpty() {
    int migrations =
        db.database()
            .withHandle(
                h ->
                    h.createQuery("SELECT COUNT(*) FROM \"tern_schema_history\" WHERE \"success\" = TRUE")
                        .mapTo(Integer.class)
                        .one());
    int jobs =
        db.database()
            .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM tern_job").mapTo(Integer.class).one());

    assertThat(migrations).isPositive();
    assertThat(jobs).isZero();
  }

  @Test
  void dialectMatchesTheDatabaseKind() {
    Dialect expected = db.name().equals("H2") ? Dialect.H2 : Dialect.POSTGRES;
    assertThat(db.dialect()).isEqualTo(expected);
    assertThat(db.database().dialect()).isEqualTo(expected);
  }

  @Test
  void concurrentTransactionsSkipEachOthersLockedRows() throws Exception {
    db.database()
        .useTransaction(
            h -> {
              h.execute("CREATE TABLE skip_locked_probe (id INT PRIMARY KEY, claimed_by VARCHAR(10))");
              for (int i = 1; i <= 10; i++) {
                h.execute("INSERT INTO skip_locked_probe (id) VALUES (?)", i);
              }
            });
    CountDownLatch firstHoldsLocks = new CountDownLatch(1);
    CountDownLatch secondDone = new CountDownLatch(1);

    CompletableFuture<List<Integer>> first =
        CompletableFuture.supplyAsync(
            () ->
                db.database()
                    .inTransaction(
                        h -> {
                          List<Integer> ids = claim(h, 4);
                          firstHoldsLocks.countDown();
                          // keep the row locks until the second transaction has claimed
                          awaitQuietly(secondDone);
                          return ids;
                        }));
    assertThat(firstHoldsLocks.await(10, TimeUnit.SECONDS)).isTrue();
    List<Integer> second = db.database().inTransaction(h -> claim(h, 4));
    secondDone.countDown();
    List<Integer> firstIds = first.get(10, TimeUnit.SECONDS);

    assertThat(firstIds).hasSize(4);
    assertThat(second).hasSize(4).doesNotContainAnyElementsOf(firstIds);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<Integer> claim(Handle h, int limit) {
    return h.createQuery(
            "SELECT id FROM skip_locked_probe ORDER BY id FETCH FIRST "
                + limit
                + " ROWS ONLY FOR UPDATE SKIP LOCKED")
        .mapTo(Integer.class)
        .list();
  }
}
