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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the measurements as Markdown (summary table, then the abbreviated plans) and as a
 * tab-separated file that a later run reads as its baseline ("before") column.
 */
final class MarkdownReport {

  private static final Pattern COST = Pattern.compile(" {0,2}\\(cost=[^)]*\\)");
  private static final Pattern SHARED_PAGES = Pattern.compile("\\b(hit|read)=(\\d+)");

  private MarkdownReport() {}

  /**
   * What a case measured without the indexes under test: from an earlier run's TSV (timings only)
   * or from the same run with the indexes dropped in a rolled-back transaction (with its plan).
   */
  record Baseline(double countMs, double idsMs, String countPlan) {
    static Baseline of(Result r) {
      return new Baseline(r.count().medianMs(), r.ids().medianMs(), r.countPlan());
    }
  }

  /** The timings of an earlier run's TSV, by {@link QueryCase#key()}. */
  static Map<String, Baseline> readBaseline(Path tsv) throws IOException {
    Map<String, Baseline> baseline = new HashMap<>();
    for (String line : Files.readAllLines(tsv)) {
      String[] f = line.split("\t");
      if (f.length == 5 && !f[0].equals("entity")) {
        baseline.put(
            f[0] + " | " + f[1],
            new Baseline(Double.parseDouble(f[3]), Double.parseDouble(f[4]), null));
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

  static String render(String header, List<Result> results, Map<String, Baseline> baseline) {
    StringBuilder md = new StringBuilder(header);
    boolean before = !baseline.isEmpty();
    md.append("\n| query | filter | rows | ")
        .append(before ? "count ms before | count ms after | ids ms before | ids ms after |" : "count ms | ids ms |")
        .append(before ? " count pages before | count pages after |" : " count pages |")
        .append(" count plan |\n|---|---|---:|")
        .append(before ? "---:|---:|---:|---:|---:|---:|" : "---:|---:|---:|")
        .append("---|\n");
    for (Result r : results) {
      Baseline b = baseline.get(r.query().key());
      md.append("| ").append(r.query().entity()).append(" | ").append(escape(r.query().filter()))
          .append(" | ").append(String.format(Locale.ROOT, "%,d", r.rows())).append(" | ");
      if (before) {
        md.append(b == null ? "" : ms(b.countMs())).append(" | ").append(ms(r.count())).append(" | ")
            .append(b == null ? "" : ms(b.idsMs())).append(" | ").append(ms(r.ids())).append(" |");
      } else {
        md.append(ms(r.count())).append(" | ").append(ms(r.ids())).append(" |");
      }
      if (before) {
        md.append(' ').append(b == null || b.countPlan() == null ? "" : pages(b.countPlan())).append(" |");
      }
      md.append(' ').append(pages(r.countPlan())).append(" |");
      md.append(' ').append(escape(shape(r.countPlan()))).append(" |\n");
    }
    md.append("\n## Plans\n\nAbbreviated `EXPLAIN (ANALYZE, BUFFERS)` output: plan nodes with their")
        .append(" conditions and actual times; estimated costs and per-node buffers left out.\n");
    for (Result r : results) {
      md.append("\n### ").append(r.query().entity()).append(": ").append(r.query().filter()).append("\n\n")
          .append(String.format(Locale.ROOT, "%,d rows; count %s ms, ids %s ms (median of %d / %d runs).%n%n",
              r.rows(), ms(r.count()), ms(r.ids()), r.count().runs(), r.ids().runs()))
          .append("```sql\n").append(r.query().idsSql()).append("\n```\n\nCount:\n\n```\n")
          .append(abbreviate(r.countPlan())).append("\n```\n");
      Baseline b = baseline.get(r.query().key());
      if (b != null && b.countPlan() != null && !shape(b.countPlan()).equals(shape(r.countPlan()))) {
        md.append("\nCount before (a different plan):\n\n```\n")
            .append(abbreviate(b.countPlan()))
            .append("\n```\n");
      }
      if (sameShape(r.countPlan(), r.idsPlan())) {
        md.append("\nIds: the same plan without the aggregate.\n");
      } else {
        md.append("\nIds:\n\n```\n").append(abbreviate(r.idsPlan())).append("\n```\n");
      }
    }
    return md.toString();
  }

  /**
   * The 8 kB pages the whole statement touched (shared hit + read, from the top node's {@code
   * Buffers:} line): the work a plan does, independent of how busy the machine is.
   */
  static String pages(String plan) {
    for (String line : plan.split("\n")) {
      String t = line.trim();
      if (t.startsWith("Buffers:")) {
        long total = 0;
        // "Buffers: shared hit=… read=…, temp read=… written=…": only the shared part counts
        Matcher m = SHARED_PAGES.matcher(t.split(",")[0]);
        while (m.find()) {
          total += Long.parseLong(m.group(2));
        }
        return String.format(Locale.ROOT, "%,d", total);
      }
    }
    return "";
  }

  /** Whether the id selection runs the count's plan, apart from the count's aggregate nodes. */
  static boolean sameShape(String countPlan, String idsPlan) {
    String count = shape(countPlan).replace("Parallel ", "").replaceFirst("^Aggregate( > )?", "");
    return count.equals(shape(idsPlan).replace("Parallel ", ""));
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
    boolean first = true;
    for (String line : plan.split("\n")) {
      String t = line.trim();
      if (!first && !t.startsWith("->")) {
        continue;
      }
      first = false;
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
