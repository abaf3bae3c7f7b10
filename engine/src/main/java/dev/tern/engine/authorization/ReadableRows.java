package dev.tern.engine.authorization;

import dev.tern.engine.query.Listing;
import dev.tern.engine.query.Restriction;
import dev.tern.engine.query.TypedQuery;
import java.util.List;
import java.util.function.Function;

/**
 * The rows of one query family a caller may read: a {@link Listing} restricted by the family's
 * read rule (e.g. {@link Authorizer#historyReadable} for Camunda's {@code READ_HISTORY}).
 */
public final class ReadableRows<T> {

  private final Listing<T> rows;
  private final Function<Caller, Restriction> readable;

  public ReadableRows(Listing<T> rows, Function<Caller, Restriction> readable) {
    this.rows = rows;
    this.readable = readable;
  }

  /** A page of the rows the query selects and the caller may read. */
  public List<T> list(Caller caller, TypedQuery<?> query, int firstResult, int maxResults) {
    return rows.list(readable.apply(caller), query.filters(), firstResult, maxResults);
  }

  public long count(Caller caller, TypedQuery<?> query) {
    return rows.count(readable.apply(caller), query.filters());
  }

  /** The condition on this family's rows that the caller may read, for statements of its own. */
  public Restriction readableBy(Caller caller) {
    return readable.apply(caller);
  }

  /** The rows of every caller: for the engine's own reads. */
  public Listing<T> all() {
    return rows;
  }
}
