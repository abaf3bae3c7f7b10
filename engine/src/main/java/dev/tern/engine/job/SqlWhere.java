package dev.tern.engine.job;

import dev.tern.engine.query.Binds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@code WHERE} clause of a query object: conditions joined by {@code AND}, each value a
 * named bind. Lists are bound as SQL arrays ({@code = ANY(:x)}, see {@link Binds#anyOf}) so a
 * filter on thousands of ids is still one parameter on H2 and PostgreSQL.
 */
public final class SqlWhere {

  private final Binds binds;
  private final List<String> conditions = new ArrayList<>();

  /** @param prefix makes bind names unique when fragments of several queries share a statement */
  public SqlWhere(String prefix) {
    this.binds = new Binds(prefix);
  }

  /** Adds {@code column = :value} when the value is present. */
  public SqlWhere eq(String column, Object value) {
    if (value != null) {
      conditions.add(column + " = " + binds.add(value));
    }
    return this;
  }

  /** Adds {@code column = ANY(:values)} when the list is present (an empty list matches nothing). */
  public SqlWhere in(String column, Collection<String> values) {
    if (values != null) {
      conditions.add(binds.anyOf(column, values));
    }
    return this;
  }

  /** Tenant filter: the listed tenants, plus rows without tenant when asked. */
  public SqlWhere tenantIn(String column, Collection<String> tenantIds, boolean includeWithout) {
    if (tenantIds != null) {
      String any = binds.anyOf(column, tenantIds);
      conditions.add(includeWithout ? "(" + any + " OR " + column + " IS NULL)" : any);
    }
    return this;
  }

  /** Adds {@code column <op> :value} for a comparison such as {@code >} when the value is present. */
  public SqlWhere compare(String column, String operator, Object value) {
    if (value != null) {
      conditions.add(column + " " + operator + " " + binds.add(value));
    }
    return this;
  }

  /** Adds {@code column LIKE :pattern} when the pattern is present. */
  public SqlWhere like(String column, String pattern) {
    if (pattern != null) {
      conditions.add(column + " LIKE " + binds.add(pattern));
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

  /** Registers a value and returns its bind name (without the colon). */
  public String bind(Object value) {
    return binds.add(value).substring(1);
  }

  public String sql() {
    return conditions.isEmpty() ? "1 = 1" : String.join(" AND ", conditions);
  }

  public Map<String, Object> binds() {
    return binds.values();
  }
}
