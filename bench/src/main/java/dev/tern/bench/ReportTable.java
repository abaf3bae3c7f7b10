package dev.tern.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
          new Row("start latency p50", StoryResult::startP50Millis, "ms", true),
          new Row("start latency p99", StoryResult::startP99Millis, "ms", true),
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

  /** One column of the table: a run, or the medians of several runs of one engine. */
  private record Column(String label, Function<Row, Number> value) {}

  public static void print(List<StoryResult> results, PrintStream out) {
    printColumns(
        results.stream()
            .map(result -> new Column(result.label(), row -> row.value().apply(result)))
            .toList(),
        out);
    footer(results.get(0), "", out);
  }

  /**
   * One column per label: each figure is the median over that label's runs (a figure missing in
   * a run is left out of its median); two labels also get the ratio.
   */
  public static void printMedians(List<StoryResult> results, PrintStream out) {
    Map<String, List<StoryResult>> byLabel = new LinkedHashMap<>();
    results.forEach(result -> byLabel.computeIfAbsent(result.label(), k -> new ArrayList<>()).add(result));
    List<Column> columns = new ArrayList<>();
    byLabel.forEach(
        (label, runs) ->
            columns.add(
                new Column(
                    label + " (median of " + runs.size() + ")",
                    row -> median(runs.stream().map(row.value()).filter(Objects::nonNull).toList()))));
    printColumns(columns, out);
    footer(results.get(0), "; runs: " + byLabel.values().stream().map(List::size).toList(), out);
  }

  static Double median(List<Number> values) {
    if (values.isEmpty()) {
      return null;
    }
    double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static void printColumns(List<Column> columns, PrintStream out) {
    StringBuilder header = new StringBuilder("| figure |");
    StringBuilder rule = new StringBuilder("|---|");
    for (Column column : columns) {
      header.append(' ').append(column.label()).append(" |");
      rule.append("---:|");
    }
    if (columns.size() == 2) {
      header.append(" ratio |");
      rule.append("---:|");
    }
    out.println(header);
    out.println(rule);
    for (Row row : ROWS) {
      StringBuilder line = new StringBuilder("| ").append(row.name()).append(" (").append(row.unit()).append(") |");
      for (Column column : columns) {
        line.append(' ').append(format(column.value().apply(row))).append(" |");
      }
      if (columns.size() == 2) {
        line.append(' ')
            .append(ratio(row, columns.get(0).value().apply(row), columns.get(1).value().apply(row)))
            .append(" |");
      }
      out.println(line);
    }
  }

  private static void footer(StoryResult first, String extra, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%nN = %d, %d clients, retry cycle %s; memory: %s%s%n",
        first.instances(),
        first.clients(),
        first.retryCycle(),
        first.memoryMethod(),
        extra);
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

  private static String ratio(Row row, Number x, Number y) {
    if (x == null || y == null || x.doubleValue() <= 0 || y.doubleValue() <= 0) {
      return "n/a";
    }
    double r = row.lowerIsBetter() ? x.doubleValue() / y.doubleValue() : y.doubleValue() / x.doubleValue();
    return String.format(Locale.ROOT, "%.1f×", r);
  }
}
