package dev.tern.bench.tasks;

import dev.tern.bench.PostgresTarget;
import dev.tern.engine.ProcessEngine;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.persistence.Database;
import dev.tern.engine.persistence.Dialect;
import dev.tern.engine.query.OrderBy;
import dev.tern.engine.query.Page;
import dev.tern.engine.query.SqlFragment;
import dev.tern.engine.task.TaskQuery;
import dev.tern.engine.task.TaskService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Latency of the common tasklist queries at many open tasks on PostgreSQL, through the engine's
 * own {@link TaskService} (list: the first page sorted by creation time, newest first, as Camunda's
 * Tasklist asks; count), as percentiles, with the {@code EXPLAIN (ANALYZE, BUFFERS)} plans of the
 * engine's SQL. An empty database is migrated and seeded by {@link TaskSeed}; a seeded one is
 * reused. See docs/benchmarks.md and docs/query-plans.md.
 */
@Command(
    name = "task-query-bench",
    mixinStandardHelpOptions = true,
    description = "Latency percentiles and plans of Tern's tasklist queries on PostgreSQL.")
public final class TaskQueryBench implements Callable<Integer> {

  @Mixin PostgresTarget target;

  @Option(names = {"-n", "--tasks"}, defaultValue = "100000", description = "open tasks to seed into a database without them (default: ${DEFAULT-VALUE})")
  int tasks;

  @Option(names = "--runs", defaultValue = "200", description = "timed runs per query after 20 warm-up runs (default: ${DEFAULT-VALUE})")
  int runs;

  @Option(names = "--page", defaultValue = "50", description = "maxResults of the list (default: ${DEFAULT-VALUE})")
  int pageSize;

  @Option(names = "--out", defaultValue = "task-query-bench.md", description = "Markdown report (default: ${DEFAULT-VALUE})")
  Path out;

  /** One tasklist query: its name and the engine query (sorted by created, newest first). */
  record Case(String name, Supplier<TaskQuery> query) {}

  /** Latency percentiles in milliseconds over the timed runs. */
  record Percentiles(double p50, double p90, double p99, double max) {
    static Percentiles of(List<Double> ms) {
      List<Double> sorted = new ArrayList<>(ms);
      Collections.sort(sorted);
      return new Percentiles(at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static double at(List<Double> sorted, double q) {
      return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    String row() {
      return String.format(Locale.ROOT, "%.1f | %.1f | %.1f | %.1f", p50, p90, p99, max);
    }
  }

  record Result(Case c, long count, Percentiles list, Percentiles count_, String listPlan, String countPlan) {}

  static List<Case> cases() {
    return List.of(
        new Case(
            "candidateGroup=group-03, unassigned",
            () -> new TaskQuery().set("candidateGroup", "group-03").set("unassigned", true)),
        new Case(
            "candidateGroup=group-00 (25% of tasks), unassigned",
            () -> new TaskQuery().set("candidateGroup", "group-00").set("unassigned", true)),
        new Case(
            "candidateGroup=group-19 (0.5% of tasks), unassigned",
            () -> new TaskQuery().set("candidateGroup", "group-19").set("unassigned", true)),
        new Case(
            "candidateGroups=[group-03, group-07], unassigned",
            () -> new TaskQuery().set("candidateGroups", List.of("group-03", "group-07")).set("unassigned", true)),
        new Case("candidateUser=user-42 (directly or by its 2 groups)", () -> new TaskQuery().set("candidateUser", "user-42")),
        new Case("assignee=user-7 (100 tasks)", () -> new TaskQuery().set("assignee", "user-7")),
        new Case("no filter (all open tasks)", TaskQuery::new));
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new TaskQueryBench()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    if (!target.isPostgres()) {
      System.err.println("task-query-bench measures PostgreSQL only");
      return 2;
    }
    String loadBefore = PostgresTarget.loadAverage();
    try (Database database = target.open(4)) {
      String seedNote = database.withHandle(this::seedIfEmpty);
      database.withHandle(h -> h.execute("ANALYZE tern_task; ANALYZE tern_task_identity_link; ANALYZE tern_group_member"));
      List<Result> results = new ArrayList<>();
      try (ProcessEngine engine =
          ProcessEngine.builder().database(database).startJobExecutor(false).build()) {
        for (Case c : cases()) {
          results.add(measure(database, engine.taskService(), c));
        }
      }
      String header =
          database.withHandle(
              h ->
                  String.format(
                      Locale.ROOT,
                      "%s; %,d open tasks (%s); page of %d sorted by created desc; %d timed runs per"
                          + " query after 20 warm-up runs, one client; load average %s at the start,"
                          + " %s at the end (a shared machine)",
                      h.createQuery("SELECT version()").mapTo(String.class).one(),
                      h.createQuery("SELECT COUNT(*) FROM tern_task").mapTo(Long.class).one(),
                      seedNote,
                      pageSize,
                      runs,
                      loadBefore,
                      PostgresTarget.loadAverage()));
      Files.writeString(out, render(header, results));
      System.err.println("wrote " + out);
    }
    return 0;
  }

  private String seedIfEmpty(Handle handle) {
    if (TaskSeed.seeded(handle)) {
      return "reused from an earlier run";
    }
    long start = System.nanoTime();
    long rows = TaskSeed.seed(handle, tasks, Instant.now().minus(Duration.ofDays(30)));
    return String.format(Locale.ROOT, "%,d rows seeded in %.1f s", rows, (System.nanoTime() - start) / 1e9);
  }

  private Result measure(Database database, TaskService service, Case c) {
    Page page = new Page(0, pageSize);
    for (int i = 0; i < 20; i++) {
      service.list(Caller.SYSTEM, sorted(c), page);
      service.count(Caller.SYSTEM, sorted(c));
    }
    List<Double> list = new ArrayList<>();
    List<Double> count = new ArrayList<>();
    long rows = 0;
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      service.list(Caller.SYSTEM, sorted(c), page);
      list.add((System.nanoTime() - start) / 1e6);
      start = System.nanoTime();
      rows = service.count(Caller.SYSTEM, sorted(c));
      count.add((System.nanoTime() - start) / 1e6);
    }
    SqlFragment from = sorted(c).filters().fromWhere("q", Dialect.POSTGRES, Instant.now());
    String listSql = "SELECT t.*" + from.sql() + sorted(c).filters().orderBy() + OrderBy.page(page);
    String countSql = "SELECT COUNT(*)" + from.sql();
    String listPlan = database.withHandle(h -> explain(h, listSql, from));
    String countPlan = database.withHandle(h -> explain(h, countSql, from));
    Result result = new Result(c, rows, Percentiles.of(list), Percentiles.of(count), listPlan, countPlan);
    System.err.printf(
        Locale.ROOT, "%-55s %,8d tasks  list p50 %.1f ms  count p50 %.1f ms%n",
        c.name(), rows, result.list().p50(), result.count_().p50());
    return result;
  }

  private static TaskQuery sorted(Case c) {
    TaskQuery query = c.query().get();
    query.filters().orderBy("created", false);
    return query;
  }

  private static String explain(Handle handle, String sql, SqlFragment binds) {
    Query query = handle.createQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql);
    binds.bindTo(query);
    return String.join("\n", query.mapTo(String.class).list());
  }

  static String render(String header, List<Result> results) {
    StringBuilder md = new StringBuilder("# Task query latency\n\n").append(header).append("\n\n");
    md.append("| query | matching tasks | list p50 | p90 | p99 | max | count p50 | p90 | p99 | max |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Result r : results) {
      md.append("| ").append(r.c().name()).append(" | ").append(String.format(Locale.ROOT, "%,d", r.count()))
          .append(" | ").append(r.list().row()).append(" | ").append(r.count_().row()).append(" |\n");
    }
    md.append("\nAll times in milliseconds, measured through `TaskService` (JDBC round trip and row mapping included).\n");
    for (Result r : results) {
      md.append("\n## ").append(r.c().name()).append("\n\nlist (first page):\n\n```\n").append(r.listPlan())
          .append("\n```\n\ncount:\n\n```\n").append(r.countPlan()).append("\n```\n");
    }
    return md.toString();
  }

}
