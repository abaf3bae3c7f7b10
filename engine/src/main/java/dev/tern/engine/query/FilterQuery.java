package dev.tern.engine.query;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.persistence.Dialect;
import dev.tern.engine.query.QueryDefinition.Filter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The filter values and sorting of one query over a {@link QueryDefinition}, compiled to SQL. The
 * typed query classes ({@code JobQuery}, {@code ProcessInstanceQuery}, …) wrap one of these.
 */
public final class FilterQuery {

  private final QueryDefinition definition;
  private final boolean alternative;
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final List<Sorting> sorting = new ArrayList<>();
  /** The expressions of parameterized sort criteria, by the key each has in {@link #sorting}. */
  private final Map<String, String> sortExpressions = new LinkedHashMap<>();
  private final List<FilterQuery> orQueries = new ArrayList<>();
  private final List<Restriction> restrictions = new ArrayList<>();

  public FilterQuery(QueryDefinition definition) {
    this(definition, false);
  }

  private FilterQuery(QueryDefinition definition, boolean alternative) {
    this.definition = definition;
    this.alternative = alternative;
  }

  public QueryDefinition definition() {
    return definition;
  }

  /** Sets a filter by its Camunda name; the value must fit the filter's type. */
  public FilterQuery set(String name, Object value) {
    Filter filter =
        definition
            .filter(name)
            .orElseThrow(() -> new IllegalArgumentException("Unknown filter '" + name + "'"));
    if (value == null) {
      values.remove(name);
      return this;
    }
    Class<?> expected =
        switch (filter.type()) {
          case STRING -> String.class;
          case STRING_LIST, DATE_CONDITIONS, VARIABLES -> List.class;
          case BOOLEAN -> Boolean.class;
          case INTEGER -> Integer.class;
          case LONG -> Long.class;
          case DATE -> Instant.class;
        };
    if (!expected.isInstance(value)) {
      throw new IllegalArgumentException(
          "Filter '" + name + "' takes a " + expected.getSimpleName() + ", not " + value);
    }
    if (name.endsWith("Like") && value instanceof String pattern) {
      QueryLimits.requireLikePattern(name, pattern); // Camunda names every LIKE filter …Like
    }
    values.put(name, value instanceof List<?> list ? List.copyOf(list) : value);
    return this;
  }

  /** Adds a sort criterion; an unknown one is a client mistake, as Camunda reports it. */
  public FilterQuery orderBy(String sortBy, boolean ascending) {
    return orderBy(sortBy, ascending, null);
  }

  /**
   * Adds a sort criterion with its parameters (Camunda's {@code sorting[].parameters}); keys
   * without parameters ignore them.
   */
  public FilterQuery orderBy(String sortBy, boolean ascending, Map<String, Object> parameters) {
    if (!definition.sortable(sortBy)) {
      throw OrderBy.unknown(sortBy);
    }
    QueryLimits.requireAtMost("sorting", sorting.size() + 1, QueryLimits.MAX_SORTING);
    QueryDefinition.SortExpression expression = definition.sortExpression(sortBy);
    if (expression == null) {
      sorting.add(new Sorting(sortBy, ascending));
    } else {
      String key = sortBy + "#" + sorting.size();
      sortExpressions.put(key, expression.sql(parameters == null ? Map.of() : parameters));
      sorting.add(new Sorting(key, ascending));
    }
    return this;
  }

  /**
   * A new or-query of this query: its filters are ORed with each other and ANDed with the rest.
   *
   * @throws InvalidRequestException if this is an or-query itself (Camunda allows one level)
   */
  public FilterQuery or() {
    if (alternative) {
      throw new InvalidRequestException("Invalid query usage: cannot set orQueries within 'or' query");
    }
    if (!definition.orQueries()) {
      throw new IllegalStateException("This query has no or-queries");
    }
    FilterQuery or = new FilterQuery(definition, true);
    orQueries.add(or);
    return or;
  }

  /** Adds a copy of {@code other}'s filters as an or-query of this one. */
  public FilterQuery or(FilterQuery other) {
    if (other.definition != definition) {
      throw new IllegalArgumentException("An or-query must be of the same query family");
    }
    if (!other.orQueries.isEmpty()) {
      throw new InvalidRequestException("Invalid query usage: cannot set orQueries within 'or' query");
    }
    FilterQuery or = or();
    or.values.putAll(other.values);
    return this;
  }

  public List<FilterQuery> orQueries() {
    return List.copyOf(orQueries);
  }

  public Map<String, Object> values() {
    return Map.copyOf(values);
  }

  /** A filter's value, or null when unset. */
  @SuppressWarnings("unchecked")
  public <T> T value(String name) {
    return (T) values.get(name);
  }

  /** Whether a boolean filter is set to true. */
  public boolean isOn(String name) {
    return Boolean.TRUE.equals(values.get(name));
  }

  public List<Sorting> sorting() {
    return List.copyOf(sorting);
  }

  /**
   * Adds a condition every row must also meet (e.g. the caller's authorizations), over the
   * definition's alias.
   */
  public FilterQuery restrict(Restriction restriction) {
    restrictions.add(restriction);
    return this;
  }

  /** A copy of this query with one more restriction; this query is left as it is. */
  public FilterQuery restricted(Restriction restriction) {
    return copy().restrict(restriction);
  }

  /** An independent copy (values, sorting, or-queries, restrictions). */
  public FilterQuery copy() {
    FilterQuery copy = new FilterQuery(definition, alternative);
    copy.values.putAll(values);
    copy.sorting.addAll(sorting);
    copy.sortExpressions.putAll(sortExpressions);
    orQueries.forEach(or -> copy.orQueries.add(or.copy()));
    copy.restrictions.addAll(restrictions);
    return copy;
  }

  /**
   * {@code " FROM <from> [joins] WHERE …"} with binds named {@code prefix…}; the dialect is needed
   * only by filters that join id lists (null otherwise).
   */
  public SqlFragment fromWhere(String prefix, Dialect dialect, Instant now) {
    Predicates where = new Predicates(new Binds(prefix, dialect));
    addTo(where, now);
    for (FilterQuery or : orQueries) {
      Predicates alternatives = new Predicates(where.binds());
      or.addTo(alternatives, now);
      where.add(alternatives.or());
    }
    for (Restriction restriction : restrictions) {
      String sql = restriction.sql(where::bind);
      where.addIf(sql != null, sql);
    }
    return where.fragment(" FROM " + definition.from() + where.joins() + " WHERE " + where.and());
  }

  /** This level's filters (not its or-queries), added to {@code where}. */
  private void addTo(Predicates where, Instant now) {
    QueryDefinition.Context context =
        new QueryDefinition.Context(now, Map.copyOf(values), alternative);
    for (QueryDefinition.Check check : definition.checks()) {
      check.validate(context);
    }
    Map<String, List<String>> related = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          Filter filter = definition.filter(name).orElseThrow();
          if (!filter.applies(value)) {
            return;
          }
          if (filter.related() == null) {
            filter.condition().apply(where, value, context);
          } else if (!Boolean.FALSE.equals(value)) {
            Predicates own = new Predicates(where.binds());
            filter.condition().apply(own, value, context);
            if (alternative) {
              // in an or-query each filter on related rows is an alternative of its own
              where.add(exists(filter.related(), own.parts()));
            } else {
              related.computeIfAbsent(filter.related(), k -> new ArrayList<>()).addAll(own.parts());
            }
          }
        });
    related.forEach((exists, parts) -> where.add(exists(exists, parts)));
  }

  private static String exists(String opening, List<String> parts) {
    return parts.isEmpty() ? opening + ")" : opening + " AND " + String.join(" AND ", parts) + ")";
  }

  /** The {@code WHERE} condition (over the definition's alias) with binds named {@code prefix…}. */
  public SqlFragment where(String prefix, Instant now) {
    SqlFragment fromWhere = fromWhere(prefix, null, now);
    String opening = " FROM " + definition.from() + " WHERE ";
    if (!fromWhere.sql().startsWith(opening)) {
      throw new IllegalStateException("This query joins id lists: use fromWhere");
    }
    return new SqlFragment(fromWhere.sql().substring(opening.length()), fromWhere.binds());
  }

  /**
   * Refuses now what compiling this query would refuse later (an empty id list Camunda rejects, an
   * unknown date operator): for requests that must report a bad query before their other fields.
   */
  public FilterQuery validate() {
    fromWhere("validate", Dialect.H2, null);
    return this;
  }

  /** {@code SELECT <id> FROM … WHERE …}: usable as a sub-select, e.g. by bulk operations. */
  public SqlFragment idsSql(String prefix, Instant now) {
    return idsSql(prefix, null, now);
  }

  /** {@link #idsSql(String, Instant)} for queries that join id lists (they need the dialect). */
  public SqlFragment idsSql(String prefix, Dialect dialect, Instant now) {
    return fromWhere(prefix, dialect, now).wrap("SELECT " + definition.idColumn(), "");
  }

  /** {@code " ORDER BY …"}: the sorting, then the definition's tie-breaker. */
  public String orderBy() {
    Map<String, String> columns = definition.sortColumns();
    if (!sortExpressions.isEmpty()) {
      columns = new LinkedHashMap<>(columns);
      columns.putAll(sortExpressions);
    }
    return OrderBy.render(sorting, columns, definition.idColumn(), definition.tieBreaker());
  }

  /** One page of rows, selected with the given columns (of the definition's alias). */
  public <T> List<T> list(Handle handle, String columns, RowMapper<T> mapper, Instant now, Page page) {
    return list(handle, null, columns, mapper, now, page);
  }

  /** One page of rows, for queries that join id lists (they need the dialect). */
  public <T> List<T> list(
      Handle handle, Dialect dialect, String columns, RowMapper<T> mapper, Instant now, Page page) {
    SqlFragment select =
        fromWhere("q", dialect, now).wrap("SELECT " + columns, orderBy() + OrderBy.page(page));
    return select.bindTo(handle.createQuery(select.sql())).map(mapper).list();
  }

  /** One page by {@code firstResult}/{@code maxResults}; negative values count as 0. */
  public <T> List<T> list(
      Handle handle, String columns, RowMapper<T> mapper, Instant now, int first, int max) {
    return list(handle, columns, mapper, now, new Page(Math.max(0, first), Math.max(0, max)));
  }

  public long count(Handle handle, Instant now) {
    return count(handle, null, now);
  }

  public long count(Handle handle, Dialect dialect, Instant now) {
    SqlFragment count = fromWhere("q", dialect, now).wrap("SELECT COUNT(*)", "");
    return count.bindTo(handle.createQuery(count.sql())).mapTo(Long.class).one();
  }
}
