package dev.tern.engine.job;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.job.QueryDefinition.DateCondition;
import dev.tern.engine.job.QueryDefinition.Filter;
import dev.tern.engine.job.QueryDefinition.Sorting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The filter values and sorting of one query over a {@link QueryDefinition}, compiled to SQL. The
 * typed query classes ({@code JobQuery}, {@code IncidentQuery}, …) wrap one of these.
 */
public final class FilterQuery {

  private final QueryDefinition definition;
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final List<Sorting> sorting = new ArrayList<>();

  private final List<Restriction> restrictions = new ArrayList<>();

  public FilterQuery(QueryDefinition definition) {
    this.definition = definition;
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
          case STRING_LIST, DATE_CONDITIONS -> List.class;
          case BOOLEAN -> Boolean.class;
          case INTEGER -> Integer.class;
          case LONG -> Long.class;
          case DATE -> Instant.class;
        };
    if (!expected.isInstance(value)) {
      throw new IllegalArgumentException(
          "Filter '" + name + "' takes a " + expected.getSimpleName() + ", not " + value);
    }
    values.put(name, value instanceof List<?> list ? List.copyOf(list) : value);
    return this;
  }

  /** Adds a sort criterion; an unknown one is a client mistake, as Camunda reports it. */
  public FilterQuery orderBy(String sortBy, boolean ascending) {
    if (!definition.sortable(sortBy)) {
      throw new InvalidRequestException("Cannot set query parameter 'sortBy' to value '" + sortBy + "'");
    }
    sorting.add(new Sorting(sortBy, ascending));
    return this;
  }

  public Map<String, Object> values() {
    return Map.copyOf(values);
  }

  public List<Sorting> sorting() {
    return List.copyOf(sorting);
  }

  /**
   * A condition beyond the filters (e.g. the caller's authorizations): SQL over the definition's
   * alias, or null for none; {@code bind} registers a value and returns its placeholder.
   */
  @FunctionalInterface
  public interface Restriction {
    String sql(java.util.function.Function<Object, String> bind);
  }

  /** Adds a condition every row must also meet. */
  public FilterQuery restrict(Restriction restriction) {
    restrictions.add(restriction);
    return this;
  }

  /** The {@code WHERE} condition (over the definition's alias) with binds named {@code prefix…}. */
  public QuerySql where(String prefix, Instant now) {
    SqlWhere where = new SqlWhere(prefix);
    QueryDefinition.Context context = new QueryDefinition.Context(now, Map.copyOf(values));
    values.forEach(
        (name, value) ->
            definition.filter(name).orElseThrow().condition().apply(where, value, context));
    for (Restriction restriction : restrictions) {
      String sql = restriction.sql(value -> ":" + where.bind(value));
      where.when(sql != null, sql);
    }
    return new QuerySql(where.sql(), where.binds());
  }

  /** {@code SELECT <id> FROM … WHERE …}: usable as a sub-select, e.g. by bulk operations. */
  public QuerySql idsSql(String prefix, Instant now) {
    QuerySql where = where(prefix, now);
    return new QuerySql(
        "SELECT " + definition.idColumn() + " FROM " + definition.from() + " WHERE " + where.sql(),
        where.binds());
  }

  /** The {@code ORDER BY} list; the id column always comes last so paging is stable. */
  public String orderBy() {
    List<String> parts = new ArrayList<>();
    for (Sorting s : sorting) {
      parts.add(definition.sortColumn(s.sortBy()) + (s.ascending() ? " ASC" : " DESC"));
    }
    parts.add(definition.tieBreaker());
    return String.join(", ", parts);
  }

  /** One page of rows, selected with the given columns (of the definition's alias). */
  public <T> List<T> list(
      Handle handle, String columns, RowMapper<T> mapper, Instant now, int first, int max) {
    QuerySql where = where("q", now);
    var query =
        handle.createQuery(
            "SELECT "
                + columns
                + " FROM "
                + definition.from()
                + " WHERE "
                + where.sql()
                + " ORDER BY "
                + orderBy()
                + " LIMIT :pageMax OFFSET :pageFirst");
    where.bindTo(query);
    return query
        .bind("pageMax", Math.max(0, max))
        .bind("pageFirst", Math.max(0, first))
        .map(mapper)
        .list();
  }

  public long count(Handle handle, Instant now) {
    QuerySql where = where("q", now);
    var query =
        handle.createQuery("SELECT COUNT(*) FROM " + definition.from() + " WHERE " + where.sql());
    where.bindTo(query);
    return query.mapTo(Long.class).one();
  }

  /** Conditions for a list of {@link DateCondition}s on one column. */
  @SuppressWarnings("unchecked")
  static void dateConditions(SqlWhere where, String column, Object value) {
    for (DateCondition condition : (List<DateCondition>) value) {
      where.compare(column, condition.sqlOperator(), condition.value());
    }
  }
}
