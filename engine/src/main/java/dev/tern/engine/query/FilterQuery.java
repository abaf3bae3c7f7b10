package dev.tern.engine.query;

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
      throw OrderBy.unknown(sortBy);
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
   * Adds a condition every row must also meet (e.g. the caller's authorizations), over the
   * definition's alias.
   */
  public FilterQuery restrict(Restriction restriction) {
    restrictions.add(restriction);
    return this;
  }

  /** The {@code WHERE} condition (over the definition's alias) with binds named {@code prefix…}. */
  public SqlFragment where(String prefix, Instant now) {
    Predicates where = new Predicates(new Binds(prefix));
    QueryDefinition.Context context = new QueryDefinition.Context(now, Map.copyOf(values));
    values.forEach(
        (name, value) ->
            definition.filter(name).orElseThrow().condition().apply(where, value, context));
    for (Restriction restriction : restrictions) {
      String sql = restriction.sql(where::bind);
      where.addIf(sql != null, sql);
    }
    return where.fragment(where.and());
  }

  /** {@code SELECT <id> FROM … WHERE …}: usable as a sub-select, e.g. by bulk operations. */
  public SqlFragment idsSql(String prefix, Instant now) {
    return where(prefix, now)
        .wrap("SELECT " + definition.idColumn() + " FROM " + definition.from() + " WHERE ", "");
  }

  /** {@code " ORDER BY …"}: the sorting, then the definition's tie-breaker. */
  public String orderBy() {
    return OrderBy.render(
        sorting, definition.sortColumns(), definition.idColumn(), definition.tieBreaker());
  }

  /** One page of rows, selected with the given columns (of the definition's alias). */
  public <T> List<T> list(Handle handle, String columns, RowMapper<T> mapper, Instant now, Page page) {
    SqlFragment select =
        where("q", now)
            .wrap(
                "SELECT " + columns + " FROM " + definition.from() + " WHERE ",
                orderBy() + OrderBy.page(page));
    return select.bindTo(handle.createQuery(select.sql())).map(mapper).list();
  }

  /** One page by {@code firstResult}/{@code maxResults}; negative values count as 0. */
  public <T> List<T> list(
      Handle handle, String columns, RowMapper<T> mapper, Instant now, int first, int max) {
    return list(handle, columns, mapper, now, new Page(Math.max(0, first), Math.max(0, max)));
  }

  public long count(Handle handle, Instant now) {
    SqlFragment count =
        where("q", now).wrap("SELECT COUNT(*) FROM " + definition.from() + " WHERE ", "");
    return count.bindTo(handle.createQuery(count.sql())).mapTo(Long.class).one();
  }
}
