package dev.tern.engine.authorization;

import dev.tern.engine.query.TypedQuery;
import java.util.List;

/**
 * The reads every service of a {@link TypedQuery} family with a read rule offers: a page and a
 * count of the rows the caller may read.
 *
 * @param <Q> the family's query
 * @param <T> its row
 */
public abstract class ListingService<Q extends TypedQuery<Q>, T> {

  private final ReadableRows<T> rows;

  protected ListingService(ReadableRows<T> rows) {
    this.rows = rows;
  }

  /** A page of the rows the query selects that the caller may read. */
  public List<T> list(Caller caller, Q query, int firstResult, int maxResults) {
    return rows.list(caller, query, firstResult, maxResults);
  }

  public long count(Caller caller, Q query) {
    return rows.count(caller, query);
  }
}
