package dev.tern.engine.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A list of SQL predicates that one query compiles into: each {@code with…} method adds a predicate
 * when its argument is set (not null, not empty), then {@link #and()} or {@link #or()} joins them.
 */
public final class Predicates {

  private final Binds binds;
  private final List<String> parts = new ArrayList<>();
  private final List<String> joins = new ArrayList<>();

  public Predicates(Binds binds) {
    this.binds = binds;
  }

  public Binds binds() {
    return binds;
  }

  /** Adds a raw predicate (already using placeholders from {@link #binds()}). */
  public Predicates add(String predicate) {
    parts.add(predicate);
    return this;
  }

  public Predicates addIf(boolean condition, String predicate) {
    if (condition) {
      parts.add(predicate);
    }
    return this;
  }

  public Predicates eq(String column, Object value) {
    if (value != null) {
      parts.add(column + " = " + binds.add(value));
    }
    return this;
  }

  public Predicates like(String column, String pattern) {
    if (pattern != null) {
      parts.add(column + " LIKE " + binds.add(pattern));
    }
    return this;
  }

  public Predicates compare(String column, String operator, Object value) {
    if (value != null) {
      parts.add(column + " " + operator + " " + binds.add(value));
    }
    return this;
  }

  /** {@code column = ANY(:array)}: array parameters, however long the list is. */
  public Predicates in(String column, Collection<String> values) {
    if (values != null && !values.isEmpty()) {
      parts.add(binds.anyOf(column, values));
    }
    return this;
  }

  /**
   * Restricts to rows whose column is in the list by joining the list as a table ({@code JOIN
   * (SELECT DISTINCT x FROM UNNEST(:ids)) …}). Unlike {@code = ANY(:ids)}, which H2 checks row by
   * row against the whole array, the join looks each id up in the index, so 100,000 ids stay fast
   * on H2 as well as PostgreSQL. Only valid where the predicates are ANDed (not in an or-query).
   */
  public Predicates joinIn(String column, Collection<String> values) {
    if (values != null && !values.isEmpty()) {
      String alias = "sel" + joins.size();
      joins.add(
          " JOIN (" + binds.unnest(values) + ") " + alias + " ON " + alias + ".x = " + column);
    }
    return this;
  }

  /** The joins added by {@link #joinIn}, to follow the FROM table. */
  public String joins() {
    return String.join("", joins);
  }

  /** Rows whose column is not in the list; a NULL column counts as not in it. */
  public Predicates notIn(String column, Collection<String> values) {
    if (values != null && !values.isEmpty()) {
      parts.add("(" + column + " IS NULL OR NOT (" + binds.anyOf(column, values) + "))");
    }
    return this;
  }

  /** The predicates added so far, in order. */
  public List<String> parts() {
    return List.copyOf(parts);
  }

  public boolean isEmpty() {
    return parts.isEmpty();
  }

  /** All predicates joined with AND; {@code 1 = 1} when there are none. */
  public String and() {
    return parts.isEmpty() ? "1 = 1" : "(" + String.join(" AND ", parts) + ")";
  }

  /** All predicates joined with OR; {@code 1 = 1} when there are none (an empty OR adds nothing). */
  public String or() {
    return parts.isEmpty() ? "1 = 1" : "(" + String.join(" OR ", parts) + ")";
  }
}
