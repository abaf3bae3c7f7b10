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
    DATE_CONDITIONS,
    /** A list of {@link VariableCondition}s, Camunda's {@code variables}. */
    VARIABLES
  }

  /** Adds a filter's SQL for a value. */
  @FunctionalInterface
  public interface Condition {
    void apply(Predicates where, Object value, Context context);
  }

  /** A {@link Condition} on the value of a {@link Type#STRING_LIST} filter. */
  @FunctionalInterface
  public interface StringsCondition {
    void apply(Predicates where, List<String> values, Context context);
  }

  /**
   * What a condition may look at besides its own value: the time, the other filters of its level,
   * and whether it is one alternative of an or-query.
   */
  public record Context(Instant now, Map<String, Object> values, boolean alternative) {

    /** Whether the boolean filter {@code name} of this level is set to true. */
    public boolean isTrue(String name) {
      return Boolean.TRUE.equals(values.get(name));
    }
  }

  /**
   * One filter.
   *
   * @param related the {@code EXISTS (SELECT 1 FROM … WHERE <correlation>} opening of the related
   *     rows the filter is about, or null: the filters of one related set share one {@code EXISTS}
   *     (one incident must meet them all), except in an or-query, where each is its own
   * @param emptyIsUnset an empty list is no filter rather than the empty set (as Camunda's DTOs
   *     treat some lists)
   */
  public record Filter(
      String name, Type type, Condition condition, String related, boolean emptyIsUnset) {

    /** Whether the value is a filter at all: set, not an ignored empty list. */
    boolean applies(Object value) {
      return !(emptyIsUnset && value instanceof List<?> list && list.isEmpty());
    }
  }

  /** A check across several filters of one level (e.g. mutually exclusive states). */
  @FunctionalInterface
  public interface Check {
    void validate(Context context);
  }

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
  private final Map<String, SortExpression> sortExpressions;
  private final String tieBreaker;
  private final boolean orQueries;
  private final List<Check> checks;

  private QueryDefinition(Builder builder) {
    this.from = builder.from;
    this.idColumn = builder.idColumn;
    this.filters = Map.copyOf(builder.filters);
    this.sortColumns = Map.copyOf(builder.sortColumns);
    this.sortExpressions = Map.copyOf(builder.sortExpressions);
    this.tieBreaker = builder.tieBreaker;
    this.orQueries = builder.orQueries;
    this.checks = List.copyOf(builder.checks);
  }

  /** Whether a query may hold or-queries (Camunda's {@code orQueries}). */
  public boolean orQueries() {
    return orQueries;
  }

  List<Check> checks() {
    return checks;
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
    java.util.Set<String> keys = new java.util.LinkedHashSet<>(sortColumns.keySet());
    keys.addAll(sortExpressions.keySet());
    return java.util.Set.copyOf(keys);
  }

  public boolean sortable(String sortBy) {
    return sortColumns.containsKey(sortBy) || sortExpressions.containsKey(sortBy);
  }

  /** The expression of a sort key that takes parameters, or null for a plain one. */
  SortExpression sortExpression(String sortBy) {
    return sortExpressions.get(sortBy);
  }

  /**
   * A sort key whose column expression depends on the criterion's parameters (e.g. Camunda's
   * {@code processVariable} with {@code {variable, type}}); it throws a client error for bad ones.
   */
  @FunctionalInterface
  public interface SortExpression {
    String sql(Map<String, Object> parameters);
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
    private final Map<String, SortExpression> sortExpressions = new LinkedHashMap<>();
    private String tieBreaker;
    private boolean orQueries;
    private final List<Check> checks = new java.util.ArrayList<>();
    private String related;
    private boolean emptyIsUnset;
    /** The column of each filter on one column, by the filter's name (for {@link #sortable}). */
    private final Map<String, String> columns = new java.util.HashMap<>();

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
      filters.put(name, new Filter(name, type, condition, related, emptyIsUnset));
      return this;
    }

    /**
     * Id-list filters on what Tern's rows never belong to (case instances, …): set to a list, each
     * matches no row.
     */
    public Builder nothingIn(String... names) {
      for (String name : names) {
        filter(name, Type.STRING_LIST, (w, v, c) -> w.in(idColumn, List.of()));
      }
      return this;
    }

    /** The query may hold or-queries: each one's filters are ORed, the groups ANDed. */
    public Builder orQueries() {
      this.orQueries = true;
      return this;
    }

    /** Lists declared from here on: an empty list is no filter (Camunda's instance DTOs). */
    public Builder emptyListsUnset() {
      this.emptyIsUnset = true;
      return this;
    }

    /** A check across filters, run before the SQL is built. */
    public Builder check(Check check) {
      checks.add(check);
      return this;
    }

    /**
     * Filters on related rows: {@code exists} opens the sub-select ({@code EXISTS (SELECT 1 FROM
     * tern_incident i WHERE i.process_instance_id = pi.id}) and the filters declared in {@code
     * members} add their SQL inside it. A boolean member with no SQL of its own ({@link
     * #exists(String)}) asks only that such a row exists.
     */
    public Builder related(String exists, java.util.function.Consumer<Builder> members) {
      related = exists;
      members.accept(this);
      related = null;
      return this;
    }

    /** In {@link #related}: a boolean that asks only that a related row exists. */
    public Builder exists(String name) {
      return filter(name, Type.BOOLEAN, (w, v, c) -> {});
    }

    /** Boolean filters that are declared but add nothing themselves (read by other filters). */
    public Builder options(String... names) {
      for (String name : names) {
        filter(name, Type.BOOLEAN, (w, v, c) -> {});
      }
      return this;
    }

    /**
     * Camunda's {@code variables} with its {@code variableNamesIgnoreCase} and {@code
     * variableValuesIgnoreCase} switches, compiled by {@code sql} against {@code ownerRef}.
     */
    public Builder variables(VariableConditionSql sql, String ownerRef) {
      return variables("variables", sql, ownerRef);
    }

    /** As {@link #variables(VariableConditionSql, String)} under another name (e.g. {@code processVariables}). */
    @SuppressWarnings("unchecked")
    public Builder variables(String name, VariableConditionSql sql, String ownerRef) {
      options("variableNamesIgnoreCase", "variableValuesIgnoreCase");
      return filter(
          name,
          Type.VARIABLES,
          (w, v, c) ->
              sql.addTo(
                  w,
                  ownerRef,
                  (List<VariableCondition>) v,
                  c.isTrue("variableNamesIgnoreCase"),
                  c.isTrue("variableValuesIgnoreCase")));
    }

    /** A filter on a list of strings ({@link Type#STRING_LIST}). */
    @SuppressWarnings("unchecked")
    public Builder strings(String name, StringsCondition condition) {
      return filter(
          name, Type.STRING_LIST, (w, v, c) -> condition.apply(w, (List<String>) v, c));
    }

    /**
     * {@code column IN (SELECT x FROM <list>)} as a join where the filters are ANDed ({@link
     * Predicates#joinIn}: index look-ups for long lists), {@code = ANY} in an or-query. An empty
     * list is refused with {@code emptyMessage}.
     */
    public Builder joinedIds(String name, String column, String emptyMessage) {
      return strings(
          name,
          (w, ids, c) -> {
            if (ids.isEmpty()) {
              throw new InvalidRequestException(emptyMessage);
            }
            if (c.alternative()) {
              w.in(column, ids);
            } else {
              w.joinIn(column, ids);
            }
          });
    }

    /**
     * A filter written as SQL: for a boolean, {@code sql} is added when true; for any other value,
     * each {@code ?} in it is the value's placeholder.
     */
    public Builder where(String name, Type type, String sql) {
      return filter(
          name,
          type,
          (w, v, c) -> {
            if (type == Type.BOOLEAN) {
              w.addIf(Boolean.TRUE.equals(v), sql);
            } else {
              w.add(sql.replace("?", w.bind(v)));
            }
          });
    }

    /**
     * A list filter written as SQL: {@code ?} in {@code sql} becomes {@code column = ANY(:list)}
     * (an empty list matches nothing).
     */
    public Builder whereAny(String name, String column, String sql) {
      return strings(
          name,
          (w, values, c) ->
              w.add(
                  sql.replace(
                      "?",
                      values.isEmpty() ? Predicates.NOTHING : w.binds().anyOf(column, values))));
    }

    /**
     * {@link #equal} filters on the columns named as the filters, Tern's convention: the name in
     * snake case under the definition's alias ({@code incidentType} is {@code i.incident_type}),
     * with {@code processDefinition} shortened to {@code proc_def} ({@code processDefinitionKey} is
     * {@code i.proc_def_key}).
     */
    public Builder equalColumns(String... names) {
      String alias = idColumn.contains(".") ? idColumn.substring(0, idColumn.indexOf('.') + 1) : "";
      for (String name : names) {
        String column =
            name.replace("processDefinition", "procDef").replaceAll("([A-Z])", "_$1").toLowerCase();
        equal(name, alias + column);
      }
      return this;
    }

    /** {@code column = value}. */
    public Builder equal(String name, String column) {
      columns.put(name, column);
      return filter(name, Type.STRING, (w, v, now) -> w.eq(column, v));
    }

    /** {@code column = ANY(values)}; an empty list matches nothing. */
    public Builder anyOf(String name, String column) {
      columns.put(name, column);
      return strings(name, (w, values, c) -> w.in(column, values));
    }

    /** {@code column NOT IN values} (a NULL column counts as not in them). */
    public Builder noneOf(String name, String column) {
      return strings(name, (w, values, c) -> w.notIn(column, values));
    }

    /** Camunda's pair {@code <name>} (one value) and {@code <name>In} (a list) on one column. */
    public Builder equalOrAnyOf(String name, String column) {
      return equal(name, column).anyOf(name + "In", column);
    }

    /** Camunda's {@code tenantIdIn} and {@code withoutTenantId} on one tenant column. */
    public Builder tenants(String column) {
      columns.put("tenantIdIn", column);
      return anyOf("tenantIdIn", column).flag("withoutTenantId", column + " IS NULL");
    }

    /**
     * {@link #tenants(String)} where {@code tenantIdIn} takes the rows of no tenant too when the
     * boolean filter {@code includeWithout} is set (e.g. {@code includeJobsWithoutTenantId}).
     */
    public Builder tenants(String column, String includeWithout) {
      columns.put("tenantIdIn", column);
      return options(includeWithout)
          .strings(
              "tenantIdIn",
              (w, values, c) -> w.tenantIn(column, values, c.isTrue(includeWithout)))
          .flag("withoutTenantId", column + " IS NULL");
    }

    /**
     * Camunda's {@code active} and {@code suspended} on rows of a process instance (a task, an
     * external task): its instance's state.
     */
    public Builder instanceSuspension(String instanceIdColumn) {
      String suspended =
          "EXISTS (SELECT 1 FROM tern_process_instance p WHERE p.id = "
              + instanceIdColumn
              + " AND p.suspended = TRUE)";
      return flag("active", "NOT " + suspended).flag("suspended", suspended);
    }

    /**
     * Camunda's pair {@code <prefix>LowerThanOrEquals} / {@code <prefix>HigherThanOrEquals} on a
     * numeric column (e.g. {@code priority}).
     */
    public Builder priorityRange(String prefix, String column) {
      return compare(prefix + "LowerThanOrEquals", Type.LONG, column, "<=")
          .compare(prefix + "HigherThanOrEquals", Type.LONG, column, ">=");
    }

    /** Declares a group of filters several families share (e.g. the states of a log). */
    public Builder with(java.util.function.Consumer<Builder> group) {
      group.accept(this);
      return this;
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

    /**
     * A boolean flag whose condition, added when true, compares with the current time: {@code ?}
     * in it is the query's "now".
     */
    public Builder flagAtNow(String name, String condition) {
      return filter(
          name,
          Type.BOOLEAN,
          (w, v, c) -> {
            if (Boolean.TRUE.equals(v)) {
              w.add(condition.replace("?", w.bind(c.now())));
            }
          });
    }

    /** A boolean flag that adds a fixed condition when true. */
    public Builder flag(String name, String condition) {
      return filter(name, Type.BOOLEAN, (w, v, now) -> w.addIf(Boolean.TRUE.equals(v), condition));
    }

    /** {@code column <operator> date}. */
    public Builder date(String name, String column, String operator) {
      return compare(name, Type.DATE, column, operator);
    }

    /**
     * Camunda's pair {@code <prefix>Before} / {@code <prefix>After} on one column: strictly before
     * and after, or with the bound itself when {@code inclusive}.
     */
    public Builder dateRange(String prefix, String column, boolean inclusive) {
      columns.put(prefix, column);
      return date(prefix + "Before", column, inclusive ? "<=" : "<")
          .date(prefix + "After", column, inclusive ? ">=" : ">");
    }

    public Builder sort(String sortBy, String column) {
      sortColumns.put(sortBy, column);
      return this;
    }

    /** A sort key with parameters: see {@link SortExpression}. */
    public Builder sort(String sortBy, SortExpression expression) {
      sortExpressions.put(sortBy, expression);
      return this;
    }

    /**
     * Sort keys named as a filter declared before, each sorting by that filter's column: an {@link
     * #equal} or {@link #anyOf} filter of that name or of its list form {@code <key>In} (so {@code
     * tenantId} sorts by the column of {@code tenantIdIn}), or the prefix of a {@link #dateRange}.
     */
    public Builder sortable(String... sortKeys) {
      for (String sortBy : sortKeys) {
        String column = columns.getOrDefault(sortBy, columns.get(sortBy + "In"));
        if (column == null) {
          throw new IllegalStateException("No filter column to sort by " + sortBy);
        }
        sort(sortBy, column);
      }
      return this;
    }

    public QueryDefinition build() {
      return new QueryDefinition(this);
    }
  }
}
