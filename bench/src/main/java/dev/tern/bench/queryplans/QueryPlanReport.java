package dev.tern.bench.queryplans;

import dev.tern.bench.PostgresTarget;
import dev.tern.bench.queryplans.MarkdownReport.Baseline;
import dev.tern.bench.queryplans.PlanProbe.Result;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Measures the engine's own count and id-selection SQL for the main query filters on a large
 * PostgreSQL database and writes the plans and timings as Markdown (see docs/query-plans.md and
 * bench/query-plans.sh). An empty database is migrated with the engine's migrations and loaded with
 * {@link SyntheticData} first; a loaded one is migrated (new index migrations apply) and reused.
 */
@Command(
    name = "query-plans",
    mixinStandardHelpOptions = true,
    description = "EXPLAIN plans and timings of Tern's query filters on a large PostgreSQL database.")
public final class QueryPlanReport implements Callable<Integer> {

  @Mixin PostgresTarget target;

  @Option(names = {"-n", "--instances"}, defaultValue = "1000000", description = "running process instances to load into an empty database (default: ${DEFAULT-VALUE})")
  int instances;

  @Option(names = "--repeats", defaultValue = "5", description = "timed runs per statement, median reported (default: ${DEFAULT-VALUE})")
  int repeats;

  @Option(names = "--timeout", defaultValue = "60", description = "statement timeout in seconds (default: ${DEFAULT-VALUE})")
  int timeoutSeconds;

  @Option(names = "--out", defaultValue = "query-plans-report.md", description = "Markdown report (default: ${DEFAULT-VALUE}); timings also go to the same name with .tsv")
  Path out;

  @Option(names = "--baseline", description = "the .tsv of an earlier run: its timings become the 'before' columns")
  Path baseline;

  @Option(
      names = "--without-indexes",
      split = ",",
      description = "also measure each case with these indexes dropped (in a transaction that is rolled back): the 'before' columns, taken under the same load as the 'after' ones")
  List<String> withoutIndexes = List.of();

  @Option(names = "--label", defaultValue = "", description = "a line for the report header, e.g. 'before V8_1'")
  String label;

  public static void main(String[] args) {
    System.exit(new CommandLine(new QueryPlanReport()).execute(args));
  }

  @Override
  public Integer call() throws IOException, SQLException {
    if (!target.isPostgres()) {
      System.err.println("query-plans measures PostgreSQL only");
      return 2;
    }
    Instant started = Instant.now();
    String loadBefore = PostgresTarget.loadAverage();
    try (Database database = target.open(2)) {
      String loadNote = database.withHandle(this::loadIfEmpty);
      log("VACUUM ANALYZE …");
      long vacuum = System.nanoTime();
      database.withHandle(h -> h.execute("VACUUM ANALYZE"));
      log(String.format(Locale.ROOT, "  %.1f s", (System.nanoTime() - vacuum) / 1e9));
      Map<String, Baseline> before = new HashMap<>();
      if (baseline != null) {
        before.putAll(MarkdownReport.readBaseline(baseline));
      }
      List<Result> results = database.withHandle(h -> measure(h, before));
      String load = "load average " + loadBefore + " at the start, " + PostgresTarget.loadAverage() + " at the end";
      String header = database.withHandle(h -> header(h, loadNote, started, load));
      Files.writeString(out, MarkdownReport.render(header, results, before));
      MarkdownReport.writeTsv(tsvPath(), results);
      log("wrote " + out + " and " + tsvPath());
    }
    return 0;
  }

  private Path tsvPath() {
    String name = out.getFileName().toString().replaceFirst("\\.md$", "");
    return out.resolveSibling(name + ".tsv");
  }

  private String loadIfEmpty(Handle handle) throws SQLException {
    if (SyntheticData.hasInstances(handle.getConnection())) {
      log("database already loaded: reusing its data");
      return "reused from an earlier run";
    }
    log(String.format(Locale.ROOT, "loading %,d running instances …", instances));
    long start = System.nanoTime();
    Instant base = Instant.now().minus(Duration.ofDays(90));
    new SyntheticData(handle.getConnection(), instances, base, QueryPlanReport::log).load();
    return String.format(Locale.ROOT, "loaded in %.0f s", (System.nanoTime() - start) / 1e9);
  }

  /** Every case with the current schema; with {@code --without-indexes} also without those. */
  private List<Result> measure(Handle handle, Map<String, Baseline> before) {
    PlanProbe probe = new PlanProbe(handle, repeats, timeoutSeconds);
    List<Result> results = new ArrayList<>();
    for (QueryCase c : QueryCases.all(handle, Dialect.POSTGRES, Instant.now())) {
      Result r = probe.probe(c);
      log(c, "", r);
      results.add(r);
      if (!withoutIndexes.isEmpty()) {
        Result without = withoutIndexes(handle, () -> probe.probe(c));
        log(c, "without", without);
        before.put(c.key(), Baseline.of(without));
      }
    }
    return results;
  }

  /** Runs the measurement with {@link #withoutIndexes} dropped, then rolls the drop back. */
  private Result withoutIndexes(Handle handle, Supplier<Result> measurement) {
    handle.begin();
    try {
      for (String index : withoutIndexes) {
        handle.execute("DROP INDEX " + index);
      }
      return measurement.get();
    } finally {
      handle.rollback();
    }
  }

  private static void log(QueryCase c, String variant, Result r) {
    log(String.format(Locale.ROOT, "%-26s %-62s %7s %,9d rows  count %9.1f ms  ids %9.1f ms",
        c.entity(), c.filter(), variant, r.rows(), r.count().medianMs(), r.ids().medianMs()));
  }

  private String header(Handle h, String loadNote, Instant started, String load) {
    String version = h.createQuery("SELECT version()").mapTo(String.class).one();
    String settings =
        h.createQuery(
                "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name)"
                    + " FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem',"
                    + " 'effective_cache_size', 'random_page_cost', 'max_parallel_workers_per_gather',"
                    + " 'jit', 'lc_collate')")
            .mapTo(String.class)
            .one();
    String migrations =
        h.createQuery(
                "SELECT string_agg(version, ', ' ORDER BY installed_rank) FROM tern_schema_history"
                    + " WHERE success")
            .mapTo(String.class)
            .one();
    String sizes;
    try {
      sizes =
          SyntheticData.tableSizes(h.getConnection()).entrySet().stream()
              .filter(e -> e.getValue() > 0)
              .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
              .collect(Collectors.joining(", "));
    } catch (SQLException e) {
      sizes = "(unknown: " + e.getMessage() + ")";
    }
    return "# Query plans" + (label.isBlank() ? "" : ": " + label) + "\n\n"
        + "- run: " + started + ", data " + loadNote + "\n"
        + "- machine: " + machine() + "; " + load + "\n"
        + "- PostgreSQL: " + version + "\n"
        + "- settings: " + settings + "\n"
        + "- migrations: " + migrations + "\n"
        + "- rows: " + sizes + "\n"
        + "- timings: median of " + repeats + " runs over JDBC, warm cache; ids = all matching ids fetched\n";
  }

  private static String machine() {
    String cpu = "unknown CPU";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .map(l -> l.substring(l.indexOf(':') + 1).trim())
              .findFirst()
              .orElse(cpu);
    } catch (IOException ignored) {
      // not Linux: the core count below still says something
    }
    return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), Java " + Runtime.version();
  }


  private static void log(String line) {
    System.err.println(line);
  }
}
