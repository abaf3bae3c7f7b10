package dev.tern.engine.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A WHERE clause built from optional filters, with its bindings. Lists are bound as one array
 * parameter ({@code = ANY(:name)}), never as a growing {@code IN (?, ?, …)}.
 */
final class Conditions {

  private final List<String> clauses = new ArrayList<>();
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, List<String>> arrays = new LinkedHashMap<>();

  Conditions where(String clause) {
    clauses.add(clause);
    return this;
  }

  /** Adds {@code clause} binding {@code name} when {@code value} is not null. */
  Conditions where(String clause, String name, Object value) {
    if (value != null) {
      clauses.add(clause);
      values.put(name, value);
    }
    return this;
  }

  /** Adds {@code column = ANY(:name)} when {@code values} is not null. */
  Conditions whereIn(String column, String name, List<String> list) {
    if (list != null) {
      clauses.add(column + " = ANY(:" + name + ")");
      arrays.put(name, list);
    }
    return this;
  }

  /** Adds a clause that binds an array (already containing {@code :name}). */
  Conditions whereArray(String clause, String name, List<String> list) {
    clauses.add(clause);
    arrays.put(name, list);
    return this;
  }

  String sql() {
    return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
  }

  <T extends SqlStatement<T>> T bind(T statement) {
    values.forEach(statement::bind);
    arrays.forEach((name, list) -> statement.bindArray(name, String.class, list));
    return statement;
  }
}
