package dev.tern.engine.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A WHERE clause assembled from optional filters, with its named parameters. Lists are bound as
 * one array parameter ({@code = ANY(:name)}), so no filter grows the statement with its input.
 */
public final class SqlConditions {

  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, List<String>> arrays = new LinkedHashMap<>();

  /** Adds {@code condition} with one parameter {@code :name}, unless {@code value} is null. */
  public SqlConditions add(String condition, String name, Object value) {
    if (value != null) {
      conditions.add(condition);
      values.put(name, value);
    }
    return this;
  }

  /** Adds a condition without parameters when {@code active}. */
  public SqlConditions addIf(boolean active, String condition) {
    if (active) {
      conditions.add(condition);
    }
    return this;
  }

  /** Adds {@code column = ANY(:name)}, unless {@code list} is null. */
  public SqlConditions anyOf(String column, String name, List<String> list) {
    if (list != null) {
      conditions.add(column + " = ANY(:" + name + ")");
      arrays.put(name, list);
    }
    return this;
  }

  /** {@code " WHERE a AND b"}, or an empty string without conditions. */
  public String where() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** Each parameter with its value; lists as {@code String[]}, bound as one SQL array. */
  public void forEachBind(java.util.function.BiConsumer<String, Object> consumer) {
    values.forEach(consumer);
    arrays.forEach((name, list) -> consumer.accept(name, list.toArray(String[]::new)));
  }

  public <S extends SqlStatement<S>> S bind(S statement) {
    values.forEach(statement::bind);
    arrays.forEach((name, list) -> statement.bindArray(name, String.class, list));
    return statement;
  }
}
