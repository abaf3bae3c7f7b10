package dev.tern.engine.job;

import dev.tern.engine.InvalidRequestException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a query object can filter and sort by: each filter has Camunda's parameter name, a value
 * type (so the REST layer can parse query strings and JSON bodies generically) and the SQL it adds.
 * Boolean filters apply only when true, as in Camunda.
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
    void apply(SqlWhere where, Object value, Context context);
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

  /** One sort criterion. */
  public record Sorting(String sortBy, boolean ascending) {}

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

  String sortColumn(String sortBy) {
    return sortColumns.get(sortBy);
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

    /** {@code column = ANY(values)}. */
    @SuppressWarnings("unchecked")
    public Builder anyOf(String name, String column) {
      return filter(name, Type.STRING_LIST, (w, v, now) -> w.in(column, (List<String>) v));
    }

    /** {@code column LIKE pattern}. */
    public Builder like(String name, String column) {
      return filter(name, Type.STRING, (w, v, now) -> w.like(column, (String) v));
    }

    /** A boolean flag that adds a fixed condition when true. */
    public Builder flag(String name, String condition) {
      return filter(name, Type.BOOLEAN, (w, v, now) -> w.when(Boolean.TRUE.equals(v), condition));
    }

    /** {@code column <operator> date}. */
    public Builder date(String name, String column, String operator) {
      return filter(name, Type.DATE, (w, v, now) -> w.compare(column, operator, v));
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
