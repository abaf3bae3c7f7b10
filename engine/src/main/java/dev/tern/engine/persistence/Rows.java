package dev.tern.engine.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** Reading rows: look-ups by id and columns read the same way on both databases. */
public final class Rows {

  private Rows() {}

  /**
   * The row of {@code table} with this id, selected with {@code columns} (one look-up that every
   * store's {@code findById} is).
   */
  public static <T> Optional<T> findById(
      Handle handle, String table, String columns, RowMapper<T> mapper, String id) {
    return handle
        .createQuery("SELECT " + columns + " FROM " + table + " WHERE id = :id")
        .bind("id", id)
        .map(mapper)
        .findOne();
  }

  /** A timestamp column as an instant; null stays null. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** {@link #instant(ResultSet, String)} by column index. */
  public static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
