package dev.tern.engine.query;

/**
 * A query of one family: its {@link FilterQuery} over the family's {@link QueryDefinition}, set by
 * Camunda's filter names. Subclasses add the family's shorthands (each a {@link #set} of one
 * filter) and what the family does with its selection.
 *
 * @param <Q> the concrete query, returned by every fluent step
 */
public abstract class TypedQuery<Q extends TypedQuery<Q>> {

  private final FilterQuery filters;

  /** A query with no filter set. */
  protected TypedQuery(QueryDefinition definition) {
    this(new FilterQuery(definition));
  }

  protected TypedQuery(FilterQuery filters) {
    this.filters = filters;
  }

  /** The generic filter values: set any filter of the Camunda DTO by name. */
  public FilterQuery filters() {
    return filters;
  }

  @SuppressWarnings("unchecked")
  protected final Q self() {
    return (Q) this;
  }

  /** Sets a filter by its Camunda name. */
  public Q set(String filter, Object value) {
    filters.set(filter, value);
    return self();
  }

  /** Adds a sort criterion by Camunda's {@code sortBy} name. */
  public Q orderBy(String sortBy, boolean ascending) {
    filters.orderBy(sortBy, ascending);
    return self();
  }
}
