package dev.tern.engine.persistence;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/**
 * Maps a row onto a record whose components are, in order, the columns a store declares (its
 * {@code COLUMNS} list): component i takes column i by name. Components are read by type: {@code
 * String}, {@code int}, {@code long}, {@code boolean}, {@code Integer} and {@code Long} (null stays
 * null), {@link Instant}. A store whose row needs more than that writes its mapper by hand. The
 * same correspondence writes such a record as a new row ({@link #insert}, {@link #insertAll}).
 */
public final class RecordMapper<T extends Record> implements RowMapper<T> {

  private final Constructor<T> constructor;
  private final Class<?>[] types;
  private final String[] columns;
  private final Method[] accessors;

  private RecordMapper(Class<T> type, String columnList) {
    RecordComponent[] components = type.getRecordComponents();
    this.types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    this.accessors = Arrays.stream(components).map(RecordComponent::getAccessor).toArray(Method[]::new);
    this.columns =
        Arrays.stream(columnList.split(","))
            .map(String::trim)
            .map(RecordMapper::columnName)
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

  /** The name a column of the list is read by: its alias ({@code … AS name}) or its unqualified name. */
  private static String columnName(String column) {
    int alias = column.toUpperCase(java.util.Locale.ROOT).lastIndexOf(" AS ");
    return alias >= 0 ? column.substring(alias + 4).trim() : column.substring(column.indexOf('.') + 1);
  }

  /**
   * @param columnList the columns in component order, optionally qualified ({@code "x.id, …"}) or
   *     aliased ({@code "(SELECT …) AS name"}, without commas)
   */
  public static <T extends Record> RecordMapper<T> of(Class<T> type, String columnList) {
    return new RecordMapper<>(type, columnList);
  }

  /** Inserts the record as a row of {@code table}: component i into column i, bound by its type. */
  public void insert(Handle handle, String table, T record) {
    Update insert = handle.createUpdate(insertSql(table));
    bind(insert, record);
    insert.execute();
  }

  /** Inserts the records as rows of {@code table} in one JDBC batch. */
  public void insertAll(Handle handle, String table, Collection<T> records) {
    PreparedBatch batch = handle.prepareBatch(insertSql(table));
    records.forEach(record -> bind(batch, record).add());
    batch.execute();
  }

  private String insertSql(String table) {
    return "INSERT INTO "
        + table
        + " ("
        + String.join(", ", columns)
        + ") VALUES ("
        + String.join(", ", Collections.nCopies(columns.length, "?"))
        + ")";
  }

  private <S extends SqlStatement<S>> S bind(S statement, T record) {
    for (int i = 0; i < accessors.length; i++) {
      try {
        statement.bindByType(i, accessors[i].invoke(record), accessors[i].getGenericReturnType());
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("Cannot read " + accessors[i].getName(), e);
      }
    }
    return statement;
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
