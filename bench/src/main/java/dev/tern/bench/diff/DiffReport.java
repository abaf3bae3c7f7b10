package dev.tern.bench.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Compares the reference's cases with Tern's, case by case, and renders the agreement as Markdown:
 * a table of every case, then each difference as JSON pointers with both values.
 */
final class DiffReport {

  private static final int MAX_DIFFERENCES_PER_CASE = 12;

  private record Outcome(ScenarioRun.Case reference, ScenarioRun.Case tern, List<String> differences) {
    boolean agrees() {
      return differences.isEmpty();
    }
  }

  private DiffReport() {}

  static String render(
      String referenceLabel, List<ScenarioRun.Case> reference, String ternLabel, List<ScenarioRun.Case> tern) {
    if (reference.size() != tern.size()) {
      throw new IllegalArgumentException(
          "the runs recorded " + reference.size() + " and " + tern.size() + " cases: not the same scenario");
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < reference.size(); i++) {
      outcomes.add(compare(reference.get(i), tern.get(i)));
    }
    long agreeing = outcomes.stream().filter(Outcome::agrees).count();
    StringBuilder md = new StringBuilder();
    md.append("**")
        .append(agreeing)
        .append(" of ")
        .append(outcomes.size())
        .append(" cases agree** between ")
        .append(referenceLabel)
        .append(" and ")
        .append(ternLabel)
        .append(" (ids, timestamps, durations, links and stack traces masked).\n\n");
    md.append("| # | case | request | status | agrees |\n|---:|---|---|---|---|\n");
    for (int i = 0; i < outcomes.size(); i++) {
      Outcome o = outcomes.get(i);
      String status =
          o.reference().status() == o.tern().status()
              ? Integer.toString(o.tern().status())
              : o.reference().status() + " / " + o.tern().status();
      md.append("| ").append(i + 1).append(" | ").append(cell(o.reference().name()))
          .append(" | `").append(o.reference().request()).append("` | ").append(status)
          .append(" | ").append(o.agrees() ? "yes" : "**no**").append(" |\n");
    }
    if (agreeing < outcomes.size()) {
      md.append("\n### Differences\n\nEach line: JSON pointer, then ")
          .append(referenceLabel).append("'s value → ").append(ternLabel)
          .append("'s (`absent` where the field is missing).\n");
      for (int i = 0; i < outcomes.size(); i++) {
        Outcome o = outcomes.get(i);
        if (o.agrees()) {
          continue;
        }
        md.append("\n**").append(i + 1).append(". ").append(cell(o.reference().name()))
            .append("** — `").append(o.reference().request()).append("`\n");
        o.differences().forEach(d -> md.append("- ").append(d).append('\n'));
      }
    }
    return md.toString();
  }

  private static Outcome compare(ScenarioRun.Case reference, ScenarioRun.Case tern) {
    if (!reference.name().equals(tern.name())) {
      throw new IllegalArgumentException(
          "case " + reference.name() + " faces " + tern.name() + ": not the same scenario");
    }
    List<String> differences = new ArrayList<>();
    if (reference.status() != tern.status()) {
      differences.add("status: " + reference.status() + " → " + tern.status());
    }
    if (reference.compareBody()) {
      walk("", reference.body(), tern.body(), differences);
    }
    if (differences.size() > MAX_DIFFERENCES_PER_CASE) {
      int more = differences.size() - MAX_DIFFERENCES_PER_CASE;
      differences = new ArrayList<>(differences.subList(0, MAX_DIFFERENCES_PER_CASE));
      differences.add("… and " + more + " more");
    }
    return new Outcome(reference, tern, differences);
  }

  private static void walk(String pointer, JsonNode a, JsonNode b, List<String> out) {
    if (a == null || a.isMissingNode() || b == null || b.isMissingNode()) {
      if (!(isAbsent(a) && isAbsent(b))) {
        out.add(line(pointer, a, b));
      }
      return;
    }
    if (a.isObject() && b.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        walk(pointer + "/" + name, a.get(name), b.get(name), out);
      }
      return;
    }
    if (a.isArray() && b.isArray()) {
      int size = Math.max(a.size(), b.size());
      for (int i = 0; i < size; i++) {
        walk(pointer + "/" + i, a.get(i), b.get(i), out);
      }
      return;
    }
    if (!a.equals(b)) {
      out.add(line(pointer, a, b));
    }
  }

  private static boolean isAbsent(JsonNode node) {
    return node == null || node.isMissingNode();
  }

  private static String line(String pointer, JsonNode a, JsonNode b) {
    return "`" + (pointer.isEmpty() ? "/" : pointer) + "`: " + value(a) + " → " + value(b);
  }

  private static String value(JsonNode node) {
    if (isAbsent(node)) {
      return "absent";
    }
    String text = node.toString();
    if (text.length() > 160) {
      text = text.substring(0, 157) + "...";
    }
    return "`" + text.replace("`", "'") + "`";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
