package dev.tern.engine.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The set filters of one query level, each as a truth value: ANDed, or, inside an or-query, ORed
 * (an or-query without filters constrains nothing).
 */
final class Terms {

  /** Whether a row satisfies the filters of one query level. */
  interface Level<Q, R> {
    boolean matches(Q query, R row, boolean orQuery);
  }

  private final List<Boolean> terms = new ArrayList<>();

  /** The ids of the rows that match the query and every one of its or-queries. */
  static <Q, R> Set<String> select(
      List<R> rows, Q query, List<Q> orQueries, Level<Q, R> level, Function<R, String> id) {
    return rows.stream()
        .filter(row -> level.matches(query, row, false))
        .filter(row -> orQueries == null || orQueries.stream().allMatch(or -> level.matches(or, row, true)))
        .map(id)
        .collect(Collectors.toSet());
  }

  void add(boolean holds) {
    terms.add(holds);
  }

  void eq(Object expected, Object actual) {
    if (expected != null) {
      terms.add(Objects.equals(expected, actual));
    }
  }

  void in(List<String> expected, String actual) {
    if (expected != null && !expected.isEmpty()) {
      terms.add(actual != null && expected.contains(actual));
    }
  }

  /** A null value counts as not in the list. */
  void notIn(List<String> excluded, String actual) {
    if (excluded != null && !excluded.isEmpty()) {
      terms.add(actual == null || !excluded.contains(actual));
    }
  }

  void like(String pattern, String actual) {
    if (pattern != null) {
      terms.add(actual != null && VariableMatch.like(actual, pattern));
    }
  }

  void flag(boolean set, boolean holds) {
    if (set) {
      terms.add(holds);
    }
  }

  /**
   * Filters on related rows (incidents): outside an or-query one row must match them all; inside
   * one each filter, and {@code withAny}, is an alternative of its own.
   */
  <T> void related(List<T> rows, boolean withAny, List<Predicate<T>> filters, boolean orQuery) {
    if (orQuery) {
      flag(withAny, !rows.isEmpty());
      filters.forEach(f -> terms.add(rows.stream().anyMatch(f)));
    } else if (withAny || !filters.isEmpty()) {
      terms.add(rows.stream().anyMatch(r -> filters.stream().allMatch(f -> f.test(r))));
    }
  }

  boolean holds(boolean orQuery) {
    return orQuery ? terms.isEmpty() || terms.contains(true) : !terms.contains(false);
  }
}
