package dev.tern.engine.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL the pool's connections prepare a statement on the server at its first execution
 * (pgjdbc {@code prepareThreshold=1}), so a connection plans it once, not at each of its first
 * five executions; a prepared statement keeps working when its table changes under it.
 */
@DatabaseTest
class ServerPreparedStatementsTest {

  private static final String READ = "SELECT v FROM tern_test_prepared WHERE id = :id";

  private final TestDatabase db;

  ServerPreparedStatementsTest(TestDatabase db) {
    this.db = db;
  }

  @Test
  void aStatementIsPreparedOnTheServerAtItsFirstExecution() {
    Assumptions.assumeTrue(db.name().equals("PostgreSQL"), "server-side preparation is PostgreSQL's");
    createTable();

    long prepared =
        db.database()
            .withHandle(
                h -> {
                  assertThat(read(h, 1)).containsExactly("one");
                  return h.createQuery(
                          "SELECT COUNT(*) FROM pg_prepared_statements"
                              + " WHERE statement LIKE 'SELECT v FROM tern_test_prepared%'")
                      .mapTo(Long.class)
                      .one();
                });

    assertThat(prepared).isEqualTo(1);
  }

  @Test
  void aPreparedStatementStillRunsAfterItsTableGainedAndLostAColumn() {
    createTable();
    db.database()
        .withHandle(
            h -> {
              assertThat(read(h, 1)).containsExactly("one");
              h.execute("ALTER TABLE tern_test_prepared ADD COLUMN extra INTEGER");
              assertThat(read(h, 1)).containsExactly("one");
              h.execute("ALTER TABLE tern_test_prepared DROP COLUMN extra");
              h.execute("INSERT INTO tern_test_prepared (id, v) VALUES (2, 'two')");
              assertThat(read(h, 2)).containsExactly("two");
              return null;
            });
  }

  private void createTable() {
    db.database()
        .useTransaction(
            h -> {
              h.execute("DROP TABLE IF EXISTS tern_test_prepared");
              h.execute("CREATE TABLE tern_test_prepared (id INTEGER PRIMARY KEY, v VARCHAR(10))");
              h.execute("INSERT INTO tern_test_prepared (id, v) VALUES (1, 'one')");
            });
  }

  private static List<String> read(Handle h, int id) {
    return h.createQuery(READ).bind("id", id).mapTo(String.class).list();
  }
}
