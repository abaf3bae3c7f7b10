package dev.tern.engine.query;

import dev.tern.engine.InvalidRequestException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a query family can filter and sort by, declared once: each filter has Camunda's parameter
 * name, a value type (so the REST layer parses query strings and JSON bodies generically) and the
 * SQL it adds through {@link Predicates}. Boolean filters apply only when true, as in Camunda.
 * Adding a filter to a query family is one line in its definition.
 */
public final class QueryDefinition {

  /** The value type of a filter. */
  public enum Type {
    STRING,
    STRING_LIST,
    BOOLEAN,
    INTEGER,
    LONG,
    DATE,
    /** A list of {@link DateCondition}s, e.g. Camunda's {@code dueDates}. */
    DATE_CONDITIONS
  }

  /** Adds a filter's SQL for a value. */
  @FunctionalInterface
  public interface Condition {
    void apply(Predicates where, Object value, Context context);
  }

  /** What a condition may look at besides its own value: the time and the other filters. */
  public record Context(Instant now, Map<String, Object> values) {}

  /** One filter. */
  public record Filter(String name, Type type, Condition condition) {}

  /** {@code operator} is {@code gt} or {@code lt} (plus {@code eq}, {@code gteq}, {@code lteq}). */
  public record DateCondition(String operator, Instant value) {
    public String sqlOperator() {
      return switch (operator) {
        case "gt" -> ">";
        case "lt" -> "<";
        case "gteq" -> ">=";
        case "lteq" -> "<=";
        case "eq" -> "=";
        default -> throw new InvalidRequestException("Invalid operator '" + operator + "'");
      };
    }
  }

  private final String from;
  private final String idColumn;
  private final Map<String, Filter> filters;
  private final Map<String, String> sortColumns;
  private final String tieBreaker;

  private QueryDefinition(
      String from,
      String idColumn,
      Map<String, Filter> filters,
      Map<String, String> sortColumns,
      String tieBreaker) {
    this.from = from;
    this.idColumn = idColumn;
    this.filters = filters;
    this.sortColumns = sortColumns;
    this.tieBreaker = tieBreaker;
  }

  /** The order that ends every {@code ORDER BY}, so paging is stable (the id by default). */
  public String tieBreaker() {
    return tieBreaker;
  }

  public static Builder builder(String from, String idColumn) {
    return new Builder(from, idColumn);
  }

  /** The {@code FROM} clause with its alias, e.g. {@code tern_job j}. */
  public String from() {
    return from;
  }

  public String idColumn() {
    return idColumn;
  }

  public Optional<Filter> filter(String name) {
    return Optional.ofNullable(filters.get(name));
  }

  public Collection<Filter> filters() {
    return filters.values();
  }

  /** The {@code sortBy} values this query accepts. */
  public java.util.Set<String> sortKeys() {
    return sortColumns.keySet();
  }

  public boolean sortable(String sortBy) {
    return sortColumns.containsKey(sortBy);
  }

  /** The sortable properties and their column expressions. */
  public Map<String, String> sortColumns() {
    return sortColumns;
  }

  /** Builds a {@link QueryDefinition}. */
  public static final class Builder {
    private final String from;
    private final String idColumn;
    private final Map<String, Filter> filters = new LinkedHashMap<>();
    private final Map<String, String> sortColumns = new LinkedHashMap<>();
    private String tieBreaker;

    private Builder(String from, String idColumn) {
      this.from = from;
      this.idColumn = idColumn;
      this.tieBreaker = idColumn + " ASC";
    }

    public Builder tieBreaker(String orderBy) {
      this.tieBreaker = orderBy;
      return this;
    }

    public Builder filter(String name, Type type, Condition condition) {
      filters.put(name, new Filter(name, type, condition));
      return this;
    }

    /** {@code column = value}. */
    public Builder equal(String name, String column) {
      return filter(name, Type.STRING, (w, v, now) -> w.eq(column, v));
    }

    /** {@code column = ANY(values)}; an empty list matches nothing. */
    @SuppressWarnings("unchecked")
    public Builder anyOf(String name, String column) {
      return filter(name, Type.STRING_LIST, (w, v, now) -> w.in(column, (List<String>) v));
    }

    /** {@code column NOT IN values} (a NULL column counts as not in them). */
    @SuppressWarnings("unchecked")
    public Builder noneOf(String name, String column) {
      return filter(name, Type.STRING_LIST, (w, v, now) -> w.notIn(column, (List<String>) v));
    }

    /** {@code tenantIdIn}, with rows of no tenant when the boolean filter {@code includeWithout}. */
    @SuppressWarnings("unchecked")
    public Builder tenantIn(String name, String column, String includeWithout) {
      filter(includeWithout, Type.BOOLEAN, (w, v, c) -> {});
      return filter(
          name,
          Type.STRING_LIST,
          (w, v, c) ->
              w.tenantIn(
                  column,
                  (List<String>) v,
                  Boolean.TRUE.equals(c.values().get(includeWithout))));
    }

    /** {@code column <operator> value} for a value of the given type (a date, a number). */
    public Builder compare(String name, Type type, String column, String operator) {
      return filter(name, type, (w, v, now) -> w.compare(column, operator, v));
    }

    /** A list of {@link DateCondition}s on one column, e.g. Camunda's {@code dueDates}. */
    @SuppressWarnings("unchecked")
    public Builder dateConditions(String name, String column) {
      return filter(
          name,
          Type.DATE_CONDITIONS,
          (w, v, now) -> {
            for (DateCondition condition : (List<DateCondition>) v) {
              w.compare(column, condition.sqlOperator(), condition.value());
            }
          });
    }

    /**
     * String filters Camunda has for data Tern does not keep (tasks, cases, …): set, they match
     * nothing.
     */
    public Builder matchingNothing(String... names) {
      for (String name : names) {
        filter(name, Type.STRING, (w, v, c) -> w.add(Predicates.NOTHING));
      }
      return this;
    }

    /** {@code column LIKE pattern}. */
    public Builder like(String name, String column) {
      return filter(name, Type.STRING, (w, v, now) -> w.like(column, (String) v));
    }

    /** A boolean flag that adds a fixed condition when true. */
    public Builder flag(String name, String condition) {
      return filter(name, Type.BOOLEAN, (w, v, now) -> w.addIf(Boolean.TRUE.equals(v), condition));
    }

    /** {@code column <operator> date}. */
    public Builder date(String name, String column, String operator) {
      return compare(name, Type.DATE, column, operator);
    }

    public Builder sort(String sortBy, String column) {
      sortColumns.put(sortBy, column);
      return this;
    }

    public QueryDefinition build() {
      return new QueryDefinition(
          from, idColumn, Map.copyOf(filters), Map.copyOf(sortColumns), tieBreaker);
    }
  }
}
