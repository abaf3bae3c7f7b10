package dev.tern.bench.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tern.engine.persistence.Dialect;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The task query benchmark on a tiny seed: the seed fits the schema, every tasklist query runs
 * through the engine, selects what the seed's shape says, and is explained.
 */
@DatabaseTest
class TaskQueryBenchTest {

  private final TestDatabase db;

  TaskQueryBenchTest(TestDatabase db) {
    this.db = db;
  }

  @AfterEach
  void removeSeed() {
    if (db.dialect() == Dialect.POSTGRES) {
      db.database().useTransaction(TaskSeed::remove);
    }
  }

  @Test
  void seedsMeasuresAndExplainsEveryTasklistQuery(@TempDir Path dir) throws Exception {
    assumeTrue(db.dialect() == Dialect.POSTGRES, "the benchmark measures PostgreSQL only");
    db.database().useTransaction(TaskSeed::remove);
    Path report = dir.resolve("tasks.md");

    int exit =
        new CommandLine(new TaskQueryBench())
            .execute(
                "--jdbc-url", db.config().jdbcUrl(),
                "--jdbc-user", db.config().user(),
                "--jdbc-password", db.config().password(),
                "-n", "2000", "--runs", "2", "--out", report.toString());

    assertThat(exit).isZero();
    assertThat(count("SELECT COUNT(*) FROM tern_task WHERE id LIKE 'bench-task-%'")).isEqualTo(2000);
    // 30% assigned: group-00 holds every fourth task, 70% of them unassigned
    assertThat(
            count(
                "SELECT COUNT(*) FROM tern_task t WHERE t.assignee IS NULL AND EXISTS (SELECT 1"
                    + " FROM tern_task_identity_link l WHERE l.task_id = t.id AND l.group_id = 'group-00')"))
        .isBetween(300L, 420L);
    String markdown = Files.readString(report);
    assertThat(markdown).contains("| candidateGroup=group-03, unassigned |", "| assignee=user-7 (100 tasks) |");
    assertThat(markdown.split("Execution Time", -1)).hasSize(2 * TaskQueryBench.cases().size() + 1);
  }

  private long count(String sql) {
    return db.database().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }
}
