package dev.tern.engine.query;

import dev.tern.engine.persistence.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The rows of one query family as the engine's services read them: a page, a count or the first
 * row of a {@link FilterQuery}, each in a transaction of its own, "now" from the engine's clock.
 */
public final class Listing<T> {

  private final Database database;
  private final Clock clock;
  private final String columns;
  private final RowMapper<T> mapper;

  /**
   * Rows of a family none of whose filters depends on the current time (no "now" is passed).
   *
   * @param columns the selected columns, qualified by the definition's alias
   */
  public Listing(Database database, String columns, RowMapper<T> mapper) {
    this(database, null, columns, mapper);
  }

  /** @param columns the selected columns, qualified by the definition's alias */
  public Listing(Database database, Clock clock, String columns, RowMapper<T> mapper) {
    this.database = database;
    this.clock = clock;
    this.columns = columns;
    this.mapper = mapper;
  }

  public List<T> list(FilterQuery filters, Page page) {
    return database.withHandle(
        h -> filters.list(h, database.dialect(), columns, mapper, now(), page));
  }

  /** A page by {@code firstResult}/{@code maxResults}; negative values count as 0. */
  public List<T> list(FilterQuery filters, int first, int max) {
    return list(filters, new Page(Math.max(0, first), Math.max(0, max)));
  }

  /** A page of the rows {@code readable} lets through (e.g. what a caller may read). */
  public List<T> list(Restriction readable, FilterQuery filters, int first, int max) {
    return list(filters.restricted(readable), first, max);
  }

  public long count(Restriction readable, FilterQuery filters) {
    return count(filters.restricted(readable));
  }

  public long count(FilterQuery filters) {
    return database.withHandle(h -> filters.count(h, database.dialect(), now()));
  }

  private Instant now() {
    return clock == null ? null : clock.instant();
  }

  /** The row with this id (the definition's id column) among those the filters select. */
  public Optional<T> byId(FilterQuery filters, String id) {
    String idColumn = filters.definition().idColumn();
    return first(filters.restricted(bind -> idColumn + " = " + bind.apply(id)));
  }

  /** The first row the filters select (in their order), if any. */
  public Optional<T> first(FilterQuery filters) {
    return list(filters, new Page(0, 1)).stream().findFirst();
  }
}
