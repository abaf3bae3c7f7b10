package dev.tern.engine.authorization;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.query.Listing;
import dev.tern.engine.query.Page;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The reads every service of a {@link ReadableQuery} family offers: a page, a count and one row by
 * id, each of the rows the caller may read.
 *
 * @param <Q> the family's query
 * @param <T> its row
 */
public abstract class ReadService<Q extends ReadableQuery<Q>, T> {

  private final Listing<T> rows;
  private final Supplier<Q> create;
  private final Function<String, String> notFound;

  /** @param notFound the message of the 404 for an id the caller cannot read */
  protected ReadService(Listing<T> rows, Supplier<Q> create, Function<String, String> notFound) {
    this.rows = rows;
    this.create = create;
    this.notFound = notFound;
  }

  /** A query with no filter set. */
  public Q createQuery() {
    return create.get();
  }

  /** The rows the query selects that the caller may read, one page of them. */
  public List<T> list(Caller caller, Q query, Page page) {
    return rows.list(query.readableBy(caller).filters(), page);
  }

  public long count(Caller caller, Q query) {
    return rows.count(query.readableBy(caller).filters());
  }

  /**
   * The row with this id, if the caller may read it.
   *
   * @throws NotFoundException otherwise
   */
  public T get(Caller caller, String id) {
    return rows.byId(createQuery().readableBy(caller).filters(), id)
        .orElseThrow(() -> new NotFoundException(notFound.apply(id)));
  }
}
