package dev.tern.engine.query;

import dev.tern.engine.persistence.Dialect;

/**
 * A typed query over one {@link QueryDefinition}: its filter values ({@link #filters()}, set by
 * Camunda's names) and its selection as an id sub-select.
 */
public abstract class DeclaredQuery {

  private final FilterQuery filters;
  private final String bindPrefix;

  protected DeclaredQuery(FilterQuery filters, String bindPrefix) {
    this.filters = filters;
    this.bindPrefix = bindPrefix;
  }

  /** The generic filter values: set any filter of the Camunda DTO by name. */
  public FilterQuery filters() {
    return filters;
  }

  /**
   * {@code SELECT <id> FROM … WHERE …} with binds named by this query's prefix: for embedding in
   * set-based statements and for reading plans.
   */
  public SqlFragment idsSql(Dialect dialect) {
    return filters.idsSql(bindPrefix, dialect, null);
  }
}
