package dev.tern.engine.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@code WHERE} clause of a query object: conditions joined by {@code AND}, each value a
 * named bind. Lists are bound as one SQL array ({@code = ANY(:x)}) so a filter on thousands of ids
 * is still one parameter on H2 and PostgreSQL.
 */
public final class SqlWhere {

  private static final int MAX_ARRAY = 50_000;

  private final String prefix;
  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> binds = new LinkedHashMap<>();

  /** @param prefix makes bind names unique when fragments of several queries share a statement */
  public SqlWhere(String prefix) {
    this.prefix = prefix;
  }

  /** Adds {@code column = :value} when the value is present. */
  public SqlWhere eq(String column, Object value) {
    if (value != null) {
      conditions.add(column + " = :" + bind(value));
    }
    return this;
  }

  /**
   * Adds {@code column = ANY(:values)} when the list is present (an empty list matches nothing).
   * H2 caps an array at 65,536 elements, so longer lists become a few arrays joined by {@code OR}.
   */
  public SqlWhere in(String column, Collection<String> values) {
    if (values != null) {
      conditions.add(anyOf(column, values));
    }
    return this;
  }

  private String anyOf(String column, Collection<String> values) {
    String[] all = values.toArray(String[]::new);
    if (all.length <= MAX_ARRAY) {
      return column + " = ANY(:" + bind(all) + ")";
    }
    List<String> parts = new ArrayList<>();
    for (int from = 0; from < all.length; from += MAX_ARRAY) {
      String[] chunk = java.util.Arrays.copyOfRange(all, from, Math.min(all.length, from + MAX_ARRAY));
      parts.add(column + " = ANY(:" + bind(chunk) + ")");
    }
    return "(" + String.join(" OR ", parts) + ")";
  }

  /** Tenant filter: the listed tenants, plus rows without tenant when asked. */
  public SqlWhere tenantIn(String column, Collection<String> tenantIds, boolean includeWithout) {
    if (tenantIds != null) {
      String any = anyOf(column, tenantIds);
      conditions.add(includeWithout ? "(" + any + " OR " + column + " IS NULL)" : any);
    }
    return this;
  }

  /** Adds {@code column <op> :value} for a comparison such as {@code >} when the value is present. */
  public SqlWhere compare(String column, String operator, Object value) {
    if (value != null) {
      conditions.add(column + " " + operator + " :" + bind(value));
    }
    return this;
  }

  /** Adds {@code column LIKE :pattern} when the pattern is present. */
  public SqlWhere like(String column, String pattern) {
    if (pattern != null) {
      conditions.add(column + " LIKE :" + bind(pattern));
    }
    return this;
  }

  /** Adds a condition written in SQL; use {@link #bind} for its values. */
  public SqlWhere when(boolean apply, String condition) {
    if (apply) {
      conditions.add(condition);
    }
    return this;
  }

  /** Registers a value and returns its bind name. */
  public String bind(Object value) {
    String name = prefix + binds.size();
    binds.put(name, value instanceof Instant i ? i : value);
    return name;
  }

  public String sql() {
    return conditions.isEmpty() ? "1 = 1" : String.join(" AND ", conditions);
  }

  public Map<String, Object> binds() {
    return binds;
  }
}
