package dev.tern.engine.query;

import dev.tern.engine.persistence.Dialect;

/**
 * A typed query whose selection is also embedded as an id sub-select ({@link #idsSql}), its binds
 * named by the query's prefix.
 *
 * @param <Q> the concrete query, returned by every fluent step
 */
public abstract class DeclaredQuery<Q extends DeclaredQuery<Q>> extends TypedQuery<Q> {

  private final String bindPrefix;

  protected DeclaredQuery(FilterQuery filters, String bindPrefix) {
    super(filters);
    this.bindPrefix = bindPrefix;
  }

  /**
   * {@code SELECT <id> FROM … WHERE …} with binds named by this query's prefix: for embedding in
   * set-based statements and for reading plans.
   */
  public SqlFragment idsSql(Dialect dialect) {
    return filters().idsSql(bindPrefix, dialect, null);
  }
}
