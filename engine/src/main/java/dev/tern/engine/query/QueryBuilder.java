package dev.tern.engine.query;

import java.util.Collection;
import java.util.function.Function;

/**
 * Fluent construction of a declared query: {@link #set} takes any filter of the definition by name;
 * subclasses add named shorthands for the most used ones.
 *
 * @param <Q> the query built
 * @param <B> the concrete builder, returned by every step
 */
public abstract class QueryBuilder<Q, B extends QueryBuilder<Q, B>> extends TypedQuery<B> {

  private final Function<FilterQuery, Q> create;
  private final Function<Q, FilterQuery> filtersOf;

  protected QueryBuilder(
      QueryDefinition definition,
      Function<FilterQuery, Q> create,
      Function<Q, FilterQuery> filtersOf) {
    super(definition);
    this.create = create;
    this.filtersOf = filtersOf;
  }

  /** Each query's filters are ORed; the groups are ANDed with the rest. */
  public B orQueries(Collection<Q> orQueries) {
    orQueries.forEach(or -> filters().or(filtersOf.apply(or)));
    return self();
  }

  public B sorting(Collection<Sorting> sorting) {
    sorting.forEach(s -> orderBy(s.property(), s.ascending()));
    return self();
  }

  public Q build() {
    return create.apply(filters().copy());
  }
}
