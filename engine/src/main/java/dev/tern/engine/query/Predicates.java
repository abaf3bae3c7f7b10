package dev.tern.engine.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The one builder of SQL predicates: each method adds a predicate when its argument is set (not
 * null), with every value a named bind from {@link #binds()}; {@link #and()} or {@link #or()} joins
 * them.
 *
 * <p><b>Lists</b> are bound as SQL arrays ({@code = ANY(:x)}, see {@link Binds#anyOf}), never as
 * {@code IN (?, ?, …)}, so thousands of ids are still a handful of parameters. A null list adds
 * nothing; an <b>empty list is the empty set</b>: {@link #in} and {@link #joinIn} then match
 * nothing, {@link #notIn} excludes nothing. A caller that wants "empty means unset" (as some of
 * Camunda's REST DTOs do) passes null.
 */
public final class Predicates {

  /** The predicate that is never true: {@code in} over an empty list. */
  public static final String NOTHING = "1 = 0";

  private final Binds binds;
  private final List<String> parts = new ArrayList<>();
  private final List<String> joins = new ArrayList<>();

  public Predicates(Binds binds) {
    this.binds = binds;
  }

  public Binds binds() {
    return binds;
  }

  /** Registers a value and returns its placeholder ({@code :name}) for a predicate written in SQL. */
  public String bind(Object value) {
    return binds.add(value);
  }

  /** Adds a raw predicate (already using placeholders from {@link #bind}). */
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
    return compare(column, "=", value);
  }

  public Predicates like(String column, String pattern) {
    return compare(column, "LIKE", pattern);
  }

  /** {@code column <operator> :value}, e.g. {@code >=}. */
  public Predicates compare(String column, String operator, Object value) {
    if (value != null) {
      parts.add(column + " " + operator + " " + binds.add(value));
    }
    return this;
  }

  /** {@code column = ANY(:array)}: array parameters, however long the list; empty: nothing. */
  public Predicates in(String column, Collection<String> values) {
    if (values != null) {
      parts.add(values.isEmpty() ? NOTHING : binds.anyOf(column, values));
    }
    return this;
  }

  /** Tenant filter: the listed tenants, and rows without a tenant when {@code includeWithout}. */
  public Predicates tenantIn(String column, Collection<String> tenantIds, boolean includeWithout) {
    if (tenantIds != null) {
      String any = tenantIds.isEmpty() ? NOTHING : binds.anyOf(column, tenantIds);
      parts.add(includeWithout ? "(" + any + " OR " + column + " IS NULL)" : any);
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
    if (values != null) {
      if (values.isEmpty()) {
        parts.add(NOTHING);
        return this;
      }
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

  /** {@code " WHERE …"} of the ANDed predicates, or an empty string when there are none. */
  public String where() {
    return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
  }

  /** The binds collected so far, as a fragment around the given SQL. */
  public SqlFragment fragment(String sql) {
    return new SqlFragment(sql, binds.values());
  }
}
