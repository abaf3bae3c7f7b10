package dev.tern.bench.queryplans;

import dev.tern.bench.queryplans.PlanProbe.Result;
import dev.tern.bench.queryplans.PlanProbe.Timing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the measurements as Markdown (summary table, then the abbreviated plans) and as a
 * tab-separated file that a later run reads as its baseline ("before") column.
 */
final class MarkdownReport {

  private static final Pattern COST = Pattern.compile(" {0,2}\\(cost=[^)]*\\)");

  private MarkdownReport() {}

  /** The timings of an earlier run's TSV, by {@link QueryCase#key()}: {@code [countMs, idsMs]}. */
  static Map<String, double[]> readBaseline(Path tsv) throws IOException {
    Map<String, double[]> baseline = new HashMap<>();
    for (String line : Files.readAllLines(tsv)) {
      String[] f = line.split("\t");
      if (f.length == 5 && !f[0].equals("entity")) {
        baseline.put(f[0] + " | " + f[1], new double[] {Double.parseDouble(f[3]), Double.parseDouble(f[4])});
      }
    }
    return baseline;
  }

  static void writeTsv(Path tsv, List<Result> results) throws IOException {
    StringBuilder out = new StringBuilder("entity\tfilter\trows\tcount_ms\tids_ms\n");
    for (Result r : results) {
      out.append(r.query().entity()).append('\t').append(r.query().filter()).append('\t')
          .append(r.rows()).append('\t').append(r.count().medianMs()).append('\t')
          .append(r.ids().medianMs()).append('\n');
    }
    Files.writeString(tsv, out);
  }

  static String render(String header, List<Result> results, Map<String, double[]> baseline) {
    StringBuilder md = new StringBuilder(header);
    boolean before = !baseline.isEmpty();
    md.append("\n| query | filter | rows | ")
        .append(before ? "count ms before | count ms after | ids ms before | ids ms after |" : "count ms | ids ms |")
        .append(" count plan |\n|---|---|---:|")
        .append(before ? "---:|---:|---:|---:|" : "---:|---:|")
        .append("---|\n");
    for (Result r : results) {
      double[] b = baseline.get(r.query().key());
      md.append("| ").append(r.query().entity()).append(" | ").append(escape(r.query().filter()))
          .append(" | ").append(String.format(Locale.ROOT, "%,d", r.rows())).append(" | ");
      if (before) {
        md.append(b == null ? "" : ms(b[0])).append(" | ").append(ms(r.count())).append(" | ")
            .append(b == null ? "" : ms(b[1])).append(" | ").append(ms(r.ids())).append(" |");
      } else {
        md.append(ms(r.count())).append(" | ").append(ms(r.ids())).append(" |");
      }
      md.append(' ').append(escape(shape(r.countPlan()))).append(" |\n");
    }
    md.append("\n## Plans\n\nAbbreviated `EXPLAIN (ANALYZE, BUFFERS)` output: plan nodes with their")
        .append(" conditions and actual times; estimated costs and per-node buffers left out.\n");
    for (Result r : results) {
      md.append("\n### ").append(r.query().entity()).append(": ").append(r.query().filter()).append("\n\n")
          .append(String.format(Locale.ROOT, "%,d rows; count %s ms, ids %s ms (median of %d / %d runs).%n%n",
              r.rows(), ms(r.count()), ms(r.ids()), r.count().runs(), r.ids().runs()))
          .append("```sql\n").append(r.query().idsSql()).append("\n```\n\nCount:\n\n```\n")
          .append(abbreviate(r.countPlan())).append("\n```\n\nIds:\n\n```\n")
          .append(abbreviate(r.idsPlan())).append("\n```\n");
    }
    return md.toString();
  }

  /** Plan nodes, their conditions and the totals; costs and buffers dropped. */
  static String abbreviate(String plan) {
    StringBuilder out = new StringBuilder();
    for (String line : plan.split("\n")) {
      String t = line.trim();
      boolean node = out.length() == 0 || t.startsWith("->");
      boolean detail =
          t.startsWith("Index Cond") || t.startsWith("Filter") || t.startsWith("Recheck Cond")
              || t.startsWith("Hash Cond") || t.startsWith("Join Filter") || t.startsWith("Rows Removed")
              || t.startsWith("Heap Fetches") || t.startsWith("SubPlan") || t.startsWith("Workers Launched")
              || t.startsWith("Execution Time") || t.startsWith("JIT") || t.startsWith("Timing:");
      if (node || detail) {
        out.append(COST.matcher(line).replaceAll("")).append('\n');
      }
    }
    return out.toString().stripTrailing();
  }

  /** The plan's node types, outermost first, e.g. {@code Aggregate > Index Only Scan (tern_pi_def_key)}. */
  static String shape(String plan) {
    StringBuilder out = new StringBuilder();
    for (String line : plan.split("\n")) {
      String t = line.trim();
      if (out.length() > 0 && !t.startsWith("->")) {
        continue;
      }
      t = t.replaceFirst("^->\\s*", "");
      int cost = t.indexOf("  (");
      String node = cost < 0 ? t : t.substring(0, cost);
      node =
          node.contains(" using ")
              ? node.replaceAll(" on \\w+( \\w+)?$", "").replaceAll(" using (\\w+)", " ($1)")
              : node.replaceAll(" on (\\w+)( \\w+)?$", " ($1)");
      if (node.startsWith("Gather") || node.startsWith("Partial") || node.startsWith("Finalize")) {
        continue;
      }
      out.append(out.length() == 0 ? "" : " > ").append(node);
    }
    return out.toString();
  }

  private static String ms(Timing t) {
    return t.timedOut() ? "timeout" : ms(t.medianMs());
  }

  private static String ms(double ms) {
    if (ms < 0) {
      return "timeout";
    }
    return ms < 10 ? String.format(Locale.ROOT, "%.2f", ms) : String.format(Locale.ROOT, "%,.0f", ms);
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }
}
