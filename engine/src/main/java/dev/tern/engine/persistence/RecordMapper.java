package dev.tern.engine.persistence;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps a row onto a record whose components are, in order, the columns a store declares (its
 * {@code COLUMNS} list): component i takes column i by name. Components are read by type: {@code
 * String}, {@code int}, {@code long}, {@code boolean}, {@code Integer} and {@code Long} (null stays
 * null), {@link Instant}. A store whose row needs more than that writes its mapper by hand.
 */
public final class RecordMapper<T extends Record> implements RowMapper<T> {

  private final Constructor<T> constructor;
  private final Class<?>[] types;
  private final String[] columns;

  private RecordMapper(Class<T> type, String columnList) {
    RecordComponent[] components = type.getRecordComponents();
    this.types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    this.columns =
        Arrays.stream(columnList.split(","))
            .map(String::trim)
            .map(c -> c.substring(c.indexOf('.') + 1))
            .toArray(String[]::new);
    if (columns.length != types.length) {
      throw new IllegalArgumentException(
          type.getSimpleName() + " has " + types.length + " components, not " + columns.length);
    }
    try {
      this.constructor = type.getDeclaredConstructor(types);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** @param columnList the columns in component order, optionally qualified ({@code "x.id, …"}) */
  public static <T extends Record> RecordMapper<T> of(Class<T> type, String columnList) {
    return new RecordMapper<>(type, columnList);
  }

  @Override
  public T map(ResultSet rs, StatementContext ctx) throws SQLException {
    Object[] values = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      values[i] = read(rs, columns[i], types[i]);
    }
    try {
      return constructor.newInstance(values);
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot build a " + constructor.getName(), e);
    }
  }

  private static Object read(ResultSet rs, String column, Class<?> type) throws SQLException {
    if (type == String.class) {
      return rs.getString(column);
    } else if (type == int.class) {
      return rs.getInt(column);
    } else if (type == long.class) {
      return rs.getLong(column);
    } else if (type == boolean.class) {
      return rs.getBoolean(column);
    } else if (type == Integer.class || type == Long.class) {
      return rs.getObject(column, type);
    } else if (type == Instant.class) {
      return Rows.instant(rs, column);
    }
    throw new IllegalArgumentException("No column reader for " + type + " (" + column + ")");
  }
}
