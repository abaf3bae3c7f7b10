package dev.tern.bench.queryplans;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Runs one {@link QueryCase} on PostgreSQL: {@code EXPLAIN (ANALYZE, BUFFERS)} of its count and of its
 * id selection, then the median wall time of each over {@code repeats} runs (fewer when one run
 * alone takes longer than the time budget). Statements over the timeout are reported, not waited for.
 */
final class PlanProbe {

  private static final double BUDGET_MS = 30_000;

  private final Handle handle;
  private final int repeats;

  PlanProbe(Handle handle, int repeats, int timeoutSeconds) {
    this.handle = handle;
    this.repeats = repeats;
    handle.execute("SET statement_timeout = '" + timeoutSeconds + "s'");
  }

  /** What one case measured; a timing is negative when the statement timed out. */
  record Result(
      QueryCase query, long rows, Timing count, Timing ids, String countPlan, String idsPlan) {}

  /** A median over {@code runs} runs; {@code runs = 0} means it timed out. */
  record Timing(double medianMs, int runs) {
    boolean timedOut() {
      return runs == 0;
    }
  }

  Result probe(QueryCase c) {
    String countPlan = explain(c.countSql(), c);
    String idsPlan = explain(c.idsSql(), c);
    long[] rows = {-1};
    Timing count =
        time(
            c.countSql(),
            c,
            q -> {
              rows[0] = q.mapTo(Long.class).one();
              return rows[0];
            });
    Timing ids = time(c.idsSql(), c, q -> (long) q.mapTo(String.class).list().size());
    return new Result(c, rows[0], count, ids, countPlan, idsPlan);
  }

  private String explain(String sql, QueryCase c) {
    try {
      Query query = handle.createQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql);
      c.binder().accept(query);
      return String.join("\n", query.mapTo(String.class).list());
    } catch (RuntimeException e) {
      return "(not explained: " + firstLine(e) + ")";
    }
  }

  private Timing time(String sql, QueryCase c, Function<Query, Long> run) {
    List<Double> runs = new ArrayList<>();
    double total = 0;
    while (runs.size() < repeats && (runs.isEmpty() || total < BUDGET_MS)) {
      Query query = handle.createQuery(sql);
      c.binder().accept(query);
      long start = System.nanoTime();
      try {
        run.apply(query);
      } catch (RuntimeException e) {
        return new Timing(-1, 0);
      }
      double ms = (System.nanoTime() - start) / 1e6;
      runs.add(ms);
      total += ms;
    }
    Collections.sort(runs);
    return new Timing(runs.get(runs.size() / 2), runs.size());
  }

  private static String firstLine(Throwable e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
