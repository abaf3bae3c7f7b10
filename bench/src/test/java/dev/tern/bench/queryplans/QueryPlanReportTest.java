package dev.tern.bench.queryplans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tern.engine.persistence.Dialect;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The report on a small load: the loader fits the schema, every case's SQL runs and is explained,
 * with and without an index.
 */
@DatabaseTest
class QueryPlanReportTest {

  private final TestDatabase db;

  QueryPlanReportTest(TestDatabase db) {
    this.db = db;
  }

  @Test
  void loadsSmallDataAndReportsEveryCase(@TempDir Path dir) throws Exception {
    assumeTrue(db.dialect() == Dialect.POSTGRES, "the report measures PostgreSQL only");
    int indexesBefore = indexCount();
    Path report = dir.resolve("report.md");

    int exit =
        new CommandLine(new QueryPlanReport())
            .execute(
                "--jdbc-url", db.config().jdbcUrl(),
                "--jdbc-user", db.config().user(),
                "--jdbc-password", db.config().password(),
                "-n", "2000", "--repeats", "1", "--out", report.toString(),
                "--without-indexes", "tern_variable_name_double");

    assertThat(exit).isZero();
    assertThat(count("SELECT COUNT(*) FROM tern_process_instance")).isEqualTo(2000);
    assertThat(count("SELECT COUNT(*) FROM tern_incident")).isPositive();
    assertThat(count("SELECT COUNT(*) FROM tern_variable WHERE var_type = 'date'")).isEqualTo(1000);
    assertThat(indexCount())
        .as("secondary indexes rebuilt after the load, dropped ones rolled back")
        .isEqualTo(indexesBefore);
    String markdown = Files.readString(report);
    assertThat(markdown)
        .doesNotContain("not explained")
        .doesNotContain("timeout")
        .contains("count ms before");
    List<String> timings = Files.readAllLines(dir.resolve("report.tsv"));
    assertThat(timings).hasSizeGreaterThan(50);
    assertThat(timings)
        .anySatisfy(line -> assertThat(line).startsWith("process-instance\tbusinessKey=<one>\t1\t"));
  }

  private long count(String sql) {
    return db.database().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  private int indexCount() {
    return (int) count("SELECT COUNT(*) FROM pg_indexes WHERE tablename LIKE 'tern\\_%'");
  }
}
