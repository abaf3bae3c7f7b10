package dev.tern.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Prints results as a Markdown table: one column per run and, for two runs, the ratio first/second
 * (for times: how many times faster the second run is; for rates: how many times higher it is).
 */
public final class ReportTable {

  private record Row(String name, Function<StoryResult, Number> value, String unit, boolean lowerIsBetter) {}

  private static final List<Row> ROWS =
      List.of(
          new Row("start throughput", StoryResult::startPerSecond, "inst/s", false),
          new Row("failure phase", StoryResult::failureSeconds, "s", true),
          new Row("failure-phase job executions", StoryResult::failedCalls, "calls", false),
          new Row("failure-phase jobs/s", StoryResult::failureJobsPerSecond, "jobs/s", false),
          new Row("SQL floor (UPDATE jobs + DELETE incidents)", StoryResult::floorMillis, "ms", true),
          new Row("batch creation (POST job-retries)", StoryResult::batchCreationMillis, "ms", true),
          new Row("all retries applied (server time)", StoryResult::retriesAppliedServerSeconds, "s", true),
          new Row("all retries applied (observed)", StoryResult::retriesAppliedObservedSeconds, "s", true),
          new Row("historic batch endTime (server time)", StoryResult::batchEndServerSeconds, "s", true),
          new Row("historic batch endTime (observed)", StoryResult::batchEndObservedSeconds, "s", true),
          new Row("all instances completed (server time)", StoryResult::allCompletedServerSeconds, "s", true),
          new Row("all instances completed (observed)", StoryResult::allCompletedObservedSeconds, "s", true),
          new Row("server heap after GC, before the run", StoryResult::baselineHeapMb, "MB", true),
          new Row("server peak heap used (sampled)", StoryResult::peakHeapMb, "MB", true),
          new Row("server peak RSS (sampled)", StoryResult::peakRssMb, "MB", true));

  private ReportTable() {}

  public static void print(List<StoryResult> results, PrintStream out) {
    StringBuilder header = new StringBuilder("| figure |");
    StringBuilder rule = new StringBuilder("|---|");
    for (StoryResult result : results) {
      header.append(' ').append(result.label()).append(" |");
      rule.append("---:|");
    }
    if (results.size() == 2) {
      header.append(" ratio |");
      rule.append("---:|");
    }
    out.println(header);
    out.println(rule);
    for (Row row : ROWS) {
      StringBuilder line = new StringBuilder("| ").append(row.name()).append(" (").append(row.unit()).append(") |");
      for (StoryResult result : results) {
        line.append(' ').append(format(row.value().apply(result))).append(" |");
      }
      if (results.size() == 2) {
        line.append(' ').append(ratio(row, results.get(0), results.get(1))).append(" |");
      }
      out.println(line);
    }
    StoryResult first = results.get(0);
    out.printf(
        Locale.ROOT,
        "%nN = %d, %d clients, retry cycle %s; memory: %s%n",
        first.instances(),
        first.clients(),
        first.retryCycle(),
        first.memoryMethod());
  }

  static String format(Number value) {
    if (value == null) {
      return "n/a";
    }
    double v = value.doubleValue();
    if (v == Math.rint(v) && Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
  }

  private static String ratio(Row row, StoryResult a, StoryResult b) {
    Number x = row.value().apply(a);
    Number y = row.value().apply(b);
    if (x == null || y == null || x.doubleValue() <= 0 || y.doubleValue() <= 0) {
      return "n/a";
    }
    double r = row.lowerIsBetter() ? x.doubleValue() / y.doubleValue() : y.doubleValue() / x.doubleValue();
    return String.format(Locale.ROOT, "%.1f×", r);
  }
}
