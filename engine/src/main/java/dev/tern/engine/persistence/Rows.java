package dev.tern.engine.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/** Reading rows: look-ups by id and columns read the same way on both databases. */
public final class Rows {

  private Rows() {}

  /**
   * The row of {@code table} with this id, selected with {@code columns} (one look-up that every
   * store's {@code findById} is).
   */
  public static <T> Optional<T> findById(
      Handle handle, String table, String columns, RowMapper<T> mapper, String id) {
    return select(handle, columns, table, "", id).map(mapper).findOne();
  }

  /** {@link #findById}, locking the row for the rest of the transaction. */
  public static <T> Optional<T> findForUpdate(
      Handle handle, String table, String columns, RowMapper<T> mapper, String id) {
    return select(handle, columns, table, " FOR UPDATE", id).map(mapper).findOne();
  }

  /**
   * Locks the row of {@code table} with this id for the rest of the transaction, for rows whose
   * read joins other tables (which must stay unlocked); false if there is none.
   */
  public static boolean lock(Handle handle, String table, String id) {
    return select(handle, "id", table, " FOR UPDATE", id).mapTo(String.class).findOne().isPresent();
  }

  private static Query select(Handle handle, String columns, String table, String suffix, String id) {
    return handle
        .createQuery("SELECT " + columns + " FROM " + table + " WHERE id = :id" + suffix)
        .bind("id", id);
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
