package dev.tern.bench.cluster;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a cluster fault run measured, and every guarantee it found broken (none, when it passes). */
public record ClusterReport(List<Figure> figures, List<String> violations) {

  public ClusterReport {
    figures = List.copyOf(figures);
    violations = List.copyOf(violations);
  }

  /** One measured value; {@code value} is a number unless the measurement had no outcome. */
  public record Figure(String name, String value) {}

  public boolean passed() {
    return violations.isEmpty();
  }

  public Optional<String> value(String name) {
    return figures.stream().filter(f -> f.name().equals(name)).map(Figure::value).findFirst();
  }

  public double number(String name) {
    return Double.parseDouble(value(name).orElseThrow(() -> new IllegalArgumentException("no figure " + name)));
  }

  public void print(PrintStream out) {
    out.println("| figure | value |");
    out.println("|---|---:|");
    figures.forEach(f -> out.println("| " + f.name() + " | " + f.value() + " |"));
    out.println();
    if (violations.isEmpty()) {
      out.println("All checks passed.");
    } else {
      out.println(violations.size() + " violation(s):");
      violations.forEach(v -> out.println("- " + v));
    }
  }

  /** Collects figures in the order they are measured. */
  static final class Builder {
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();

    Builder count(String name, long value) {
      figures.add(new Figure(name, Long.toString(value)));
      return this;
    }

    Builder seconds(String name, Double seconds) {
      figures.add(new Figure(name, seconds == null ? "not reached" : String.format(java.util.Locale.ROOT, "%.1f", seconds)));
      return this;
    }

    Builder text(String name, String value) {
      figures.add(new Figure(name, value));
      return this;
    }

    Builder violation(String violation) {
      violations.add(violation);
      return this;
    }

    ClusterReport build() {
      return new ClusterReport(figures, violations);
    }
  }
}
