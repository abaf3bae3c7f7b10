package dev.tern.engine.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.TernException;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@DatabaseTest
class StatementFailuresTest {

  private final TestDatabase db;

  StatementFailuresTest(TestDatabase db) {
    this.db = db;
  }

  @Test
  void aValueLongerThanItsColumnIsAClientErrorThatDoesNotRepeatTheValue() {
    Database database = db.database();
    database.useTransaction(h -> h.execute("CREATE TABLE IF NOT EXISTS tern_test_short (v VARCHAR(5))"));

    assertThatThrownBy(
            () ->
                database.useTransaction(
                    h -> h.execute("INSERT INTO tern_test_short (v) VALUES (?)", "secret-value")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("longer than its limit of 5 characters")
        .hasMessageNotContaining("secret-value");
  }

  @Test
  void aStatementThatRunsPastTheTimeoutIsCancelled() {
    String endless =
        db.dialect() == Dialect.POSTGRES
            ? "SELECT pg_sleep(30)"
            : "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000) a, SYSTEM_RANGE(1, 100000) b"
                + " WHERE a.X + b.X = 3";
    try (Database database = Database.open(db.config().withStatementTimeout(Duration.ofSeconds(1)))) {
      assertThatThrownBy(() -> database.withHandle(h -> h.createQuery(endless).mapToMap().list()))
          .isInstanceOf(TernException.class)
          .hasMessageContaining("statement timeout")
          .satisfies(e -> assertThat(((TernException) e).category()).isEqualTo(TernException.Category.INTERNAL));
    }
  }
}
